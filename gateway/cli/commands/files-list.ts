import { fileStates, isFileState } from '../../pipeline/states.js';
import { listReceivedFiles } from '../../store/sql/received-files.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { FILES_PAGE_MAX, fileView } from '../../web/routes/files.js';
import type { Command } from '../command.js';
import { textTable } from '../text-table.js';
import { withStore } from '../with-store.js';

export const filesListCommand: Command = {
  name: 'files list',
  summary: 'List received files, newest first, with their state.',
  options: {
    partner: { type: 'string' },
    state: { type: 'string' },
    limit: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
  optionHelp: {
    partner: 'only this partner',
    state: `only files in this state (${fileStates.join(', ')})`,
    limit: `how many (default 20, at most ${FILES_PAGE_MAX})`,
    json: 'one JSON object per line instead of a table',
  },
  async run({ options, loadConfig, stdout }) {
    const state = options.state as string | undefined;
    if (state !== undefined && !isFileState(state)) {
      throw new GatewayError('REQUEST_INVALID', `--state must be one of ${fileStates.join(', ')}, got "${state}"`);
    }
    const limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > FILES_PAGE_MAX) {
      throw new GatewayError('REQUEST_INVALID', `--limit must be a whole number from 1 to ${FILES_PAGE_MAX}, got "${options.limit}"`);
    }
    const files = (await withStore(loadConfig().config, (pool) => listReceivedFiles(pool, { partner: options.partner as string | undefined, state, limit }))).map(fileView);
    if (options.json) {
      for (const file of files) stdout.write(`${JSON.stringify(file)}\n`);
    } else {
      stdout.write(files.length === 0 ? 'No files received.\n' : textTable(['ID', 'RECEIVED', 'PARTNER', 'NAME', 'BYTES', 'STATE', 'DETAIL'], files.map((file) => [file.id, file.receivedAt, file.partner, file.name, String(file.size), file.state, file.standard ?? file.rejection?.reason ?? ''])));
    }
    return 0;
  },
};
