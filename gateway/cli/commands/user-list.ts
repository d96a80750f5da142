import { listUsers } from '../../store/sql/users.js';
import type { Command } from '../command.js';
import { textTable } from '../text-table.js';
import { withStore } from '../with-store.js';

export const userListCommand: Command = {
  name: 'user list',
  summary: 'List the dashboard users with their role, time zone and whether they are disabled.',
  options: { json: { type: 'boolean', default: false } },
  optionHelp: { json: 'one JSON object per line instead of a table' },
  async run({ options, loadConfig, stdout }) {
    const users = await withStore(loadConfig().config, listUsers);
    if (options.json) {
      for (const user of users) stdout.write(`${JSON.stringify(user)}\n`);
      return 0;
    }
    if (users.length === 0) {
      stdout.write('No users yet; add one with: edi-gateway user add <username> --role admin\n');
      return 0;
    }
    const rows = users.map((user) => [user.username, user.displayName, user.role, user.timeZone, user.disabled ? 'yes' : 'no', user.createdAt.toISOString()]);
    stdout.write(textTable(['USER', 'NAME', 'ROLE', 'TIME ZONE', 'DISABLED', 'CREATED'], rows));
    return 0;
  },
};
