import os from 'node:os';
import { changePassword } from '../../users/add-user.js';
import { generatePassword } from '../../users/user-values.js';
import type { Command } from '../command.js';
import { withStore } from '../with-store.js';
import { passwordFrom } from './user-add.js';

export const userPasswordCommand: Command = {
  name: 'user password',
  summary: "Give a dashboard user a new password (signing out its sessions); prints a generated one, once, unless --password-file gives one.",
  positionals: ['USERNAME'],
  options: { 'password-file': { type: 'string' }, by: { type: 'string' } },
  optionHelp: {
    'password-file': 'a file whose first line is the password (at least 12 characters)',
    by: 'who is changing it, for the event (default: the user running the command)',
  },
  async run({ args, options, loadConfig, stdout }) {
    const given = typeof options['password-file'] === 'string' ? await passwordFrom(options['password-file']) : undefined;
    const password = given ?? generatePassword();
    const username = args[0] as string;
    await withStore(loadConfig().config, (pool) =>
      changePassword(pool, { username, password, actor: typeof options.by === 'string' ? options.by : os.userInfo().username }),
    );
    stdout.write(`The password of ${username} is changed; its sessions are signed out.\n`);
    if (given === undefined) stdout.write(`Password, shown only this once: ${password}\n`);
    return 0;
  },
};
