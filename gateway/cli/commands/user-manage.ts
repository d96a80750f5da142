import os from 'node:os';
import { changeRole, setUserDisabled } from '../../users/manage-user.js';
import { roles } from '../../users/roles.js';
import { requireRole } from '../../users/user-values.js';
import type { Command } from '../command.js';
import { withStore } from '../with-store.js';

// What an admin does on the dashboard's users page, from the command line: a role changed, a user disabled
// or enabled again. The gateway keeps an enabled admin whatever is asked.

const by = { by: { type: 'string' } } as const;
const byHelp = { by: 'who makes the change, for the event (default: the user running the command)' };
const actorOf = (options: Record<string, unknown>) => (typeof options.by === 'string' ? options.by : os.userInfo().username);

export const userRoleCommand: Command = {
  name: 'user role',
  summary: `Change a user's role (${roles.join(', ')}); it takes effect at the user's next request.`,
  positionals: ['USERNAME', 'ROLE'],
  options: by,
  optionHelp: byHelp,
  async run({ args, options, loadConfig, stdout }) {
    const role = requireRole(args[1] as string);
    await withStore(loadConfig().config, (pool) => changeRole(pool, { username: args[0] as string, role, actor: actorOf(options) }));
    stdout.write(`${args[0]} is now ${role}.\n`);
    return 0;
  },
};

function switchCommand(disabled: boolean): Command {
  const name = disabled ? 'disable' : 'enable';
  return {
    name: `user ${name}`,
    summary: disabled ? 'Disable a user: signed out at once, sign-ins and API keys refused, history kept.' : 'Enable a disabled user again (their API keys work again).',
    positionals: ['USERNAME'],
    options: by,
    optionHelp: byHelp,
    async run({ args, options, loadConfig, stdout }) {
      await withStore(loadConfig().config, (pool) => setUserDisabled(pool, { username: args[0] as string, disabled, actor: actorOf(options) }));
      stdout.write(`${args[0]} is ${name}d.\n`);
      return 0;
    },
  };
}

export const userDisableCommand = switchCommand(true);
export const userEnableCommand = switchCommand(false);
