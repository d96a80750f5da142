import { createLogger } from '../../log.js';
import { isFileState } from '../../pipeline/states.js';
import { migrate } from '../../store/migrate.js';
import { openStore } from '../../store/open-store.js';
import { listReceivedFiles } from '../../store/sql/received-files.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { FILES_PAGE_MAX, fileView } from '../../web/routes/files.js';
import type { Command } from '../command.js';

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
    state: 'only files in this state (RECEIVED, IDENTIFIED, REJECTED)',
    limit: `how many (default 20, at most ${FILES_PAGE_MAX})`,
    json: 'one JSON object per line instead of a table',
  },
  async run({ options, loadConfig, stdout }) {
    const state = options.state as string | undefined;
    if (state !== undefined && !isFileState(state)) {
      throw new GatewayError('REQUEST_INVALID', `--state must be RECEIVED, IDENTIFIED or REJECTED, got "${state}"`);
    }
    const limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > FILES_PAGE_MAX) {
      throw new GatewayError('REQUEST_INVALID', `--limit must be a whole number from 1 to ${FILES_PAGE_MAX}, got "${options.limit}"`);
    }
    const { config } = loadConfig();
    const log = createLogger({ level: 'warn', instance: config.instance.name, destination: 2 });
    const store = await openStore(config, log, 'attach');
    try {
      await migrate(store.pool, log);
      const files = (await listReceivedFiles(store.pool, { partner: options.partner as string | undefined, state, limit })).map(fileView);
      if (options.json) {
        for (const file of files) stdout.write(`${JSON.stringify(file)}\n`);
      } else {
        stdout.write(table(files.map((file) => [file.id, file.receivedAt, file.partner, file.name, String(file.size), file.state, file.standard ?? file.rejection?.reason ?? ''])));
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};

function table(rows: string[][]): string {
  const header = ['ID', 'RECEIVED', 'PARTNER', 'NAME', 'BYTES', 'STATE', 'DETAIL'];
  if (rows.length === 0) return 'No files received.\n';
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  return all.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')).join('\n') + '\n';
}
