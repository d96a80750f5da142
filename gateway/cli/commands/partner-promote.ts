import os from 'node:os';
import { promotePartner } from '../../partners/promote-partner.js';
import type { Command } from '../command.js';
import { withStore } from '../with-store.js';

export const partnerPromoteCommand: Command = {
  name: 'partner promote',
  summary: 'Switch a partner from test to production; refused until every document it sends has a passing sample at its current version.',
  positionals: ['PARTNER'],
  options: { by: { type: 'string' } },
  optionHelp: { by: 'who is making the change, for the profile history (default: the user running the command)' },
  async run({ args, options, loadConfig, stdout }) {
    const partner = args[0] as string;
    const promotedBy = typeof options.by === 'string' ? options.by : os.userInfo().username;
    const saved = await withStore(loadConfig().config, (pool) => promotePartner(pool, partner, promotedBy));
    stdout.write(`Partner ${partner} is in production from version ${saved.version}: ${saved.change}.\n`);
    return 0;
  },
};
