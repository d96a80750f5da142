import os from 'node:os';
import { GatewayError } from '../../errors/gateway-error.js';
import { addUser } from '../../users/add-user.js';
import { roles } from '../../users/roles.js';
import { generatePassword, requireRole } from '../../users/user-values.js';
import type { Command } from '../command.js';
import { readWholeFile } from '../edi-file.js';
import { withStore } from '../with-store.js';

// A password is taken from a file, never from the command line, where it would stay in the shell's history
// and in the process list; without one, a password is made and printed, once.

export const userAddCommand: Command = {
  name: 'user add',
  summary: 'Add a dashboard user with a role; prints a generated password, once, unless --password-file gives one.',
  positionals: ['USERNAME'],
  options: {
    role: { type: 'string' },
    name: { type: 'string' },
    'time-zone': { type: 'string' },
    'password-file': { type: 'string' },
    by: { type: 'string' },
  },
  optionHelp: {
    role: `what the user may do: ${roles.join(', ')}`,
    name: 'the name the dashboard shows (default: the user name)',
    'time-zone': 'the IANA zone the dashboard shows times in, e.g. Europe/Paris (default: UTC)',
    'password-file': 'a file whose first line is the password (at least 12 characters)',
    by: 'who is adding the user, for the event (default: the user running the command)',
  },
  async run({ args, options, loadConfig, stdout }) {
    if (typeof options.role !== 'string') throw new GatewayError('REQUEST_INVALID', `--role is missing; give one of ${roles.join(', ')}.`);
    const role = requireRole(options.role);
    const given = typeof options['password-file'] === 'string' ? await passwordFrom(options['password-file']) : undefined;
    const password = given ?? generatePassword();
    const { config } = loadConfig();
    const user = await withStore(config, (pool) =>
      addUser(pool, {
        username: args[0] as string,
        displayName: options.name as string | undefined,
        role,
        timeZone: options['time-zone'] as string | undefined,
        password,
        actor: typeof options.by === 'string' ? options.by : os.userInfo().username,
      }),
    );
    stdout.write(`User ${user.username} (${user.role}, times in ${user.timeZone}) added.\n`);
    if (given === undefined) stdout.write(`Password, shown only this once: ${password}\n`);
    return 0;
  },
};

/** The first line of the file: what `printf %s "$PASSWORD" > F` or an editor writes. */
export async function passwordFrom(file: string): Promise<string> {
  const password = (await readWholeFile(file)).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (password === '') throw new GatewayError('REQUEST_INVALID', `${file} holds no password on its first line.`, { location: { file } });
  return password;
}
