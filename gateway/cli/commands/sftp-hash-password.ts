import readline from 'node:readline';
import { hashPassword } from '../../transports/sftp-server/password-hash.js';
import type { Command } from '../command.js';

// The password is read from standard input, never from the command line, where it would stay in the shell's
// history and in the process list.

export const sftpHashPasswordCommand: Command = {
  name: 'sftp hash-password',
  summary: "Read a password (the first line of standard input) and print the scrypt hash to put in a mailbox login's passwordHash.",
  async run({ stdout, stderr }) {
    const lines = readline.createInterface({ input: process.stdin, terminal: false });
    let password: string | undefined;
    for await (const line of lines) {
      password = line;
      break;
    }
    lines.close();
    if (!password) {
      stderr.write('edi-gateway sftp hash-password: no password on standard input (printf %s "$PASSWORD" | edi-gateway sftp hash-password)\n');
      return 2;
    }
    stdout.write(`${await hashPassword(password)}\n`);
    return 0;
  },
};
