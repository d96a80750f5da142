import { GatewayError } from '../../errors/gateway-error.js';
import { ExceptionState } from '../../exceptions/exception.js';
import { EXCEPTIONS_PAGE_MAX, listExceptionPage } from '../../exceptions/list-exceptions.js';
import { exceptionView } from '../../web/routes/exceptions.js';
import type { Command } from '../command.js';
import { textTable } from '../text-table.js';
import { withStore } from '../with-store.js';

const states = Object.values(ExceptionState);

export const exceptionsListCommand: Command = {
  name: 'exceptions list',
  summary: 'List exceptions (what failed and needs a person), newest first: open ones unless told otherwise.',
  options: {
    state: { type: 'string', default: ExceptionState.OPEN },
    partner: { type: 'string' },
    code: { type: 'string' },
    file: { type: 'string' },
    limit: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
  optionHelp: {
    state: `${states.join(', ')} or all (default ${ExceptionState.OPEN})`,
    partner: 'only this partner',
    code: 'only this error code',
    file: 'only those about this received file (its id)',
    limit: `how many (default 20, at most ${EXCEPTIONS_PAGE_MAX})`,
    json: 'one JSON object per line instead of a table',
  },
  async run({ options, loadConfig, stdout }) {
    const state = String(options.state);
    if (state !== 'all' && !(states as readonly string[]).includes(state)) {
      throw new GatewayError('REQUEST_INVALID', `--state must be one of ${states.join(', ')} or all, got "${state}"`);
    }
    const limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > EXCEPTIONS_PAGE_MAX) {
      throw new GatewayError('REQUEST_INVALID', `--limit must be a whole number from 1 to ${EXCEPTIONS_PAGE_MAX}, got "${options.limit}"`);
    }
    const file = options.file as string | undefined;
    if (file !== undefined && !/^[1-9][0-9]{0,18}$/.test(file)) throw new GatewayError('REQUEST_INVALID', `--file must be a file id (a whole number), got "${file}"`);
    const query = {
      limit,
      state: state === 'all' ? undefined : (state as ExceptionState),
      partner: options.partner as string | undefined,
      code: options.code as string | undefined,
      fileId: file,
    };
    const exceptions = (await withStore(loadConfig().config, (pool) => listExceptionPage(pool, query))).exceptions.map(exceptionView);
    if (options.json) {
      for (const exception of exceptions) stdout.write(`${JSON.stringify(exception)}\n`);
    } else {
      stdout.write(
        exceptions.length === 0
          ? 'No exceptions.\n'
          : textTable(
              ['ID', 'OPENED', 'STATE', 'PARTNER', 'REFERENCE', 'CODE', 'ACTIONS', 'CAUSE'],
              exceptions.map((exception) => [
                exception.id,
                exception.createdAt,
                exception.state,
                exception.partner ?? '',
                exception.reference ?? '',
                exception.code,
                exception.state === ExceptionState.OPEN ? exception.actions.join(',') : (exception.resolution ?? ''),
                exception.message,
              ]),
            ),
      );
    }
    return 0;
  },
};
