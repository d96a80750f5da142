import { describeChange, diffProfiles } from '../../../partners/profile-diff.js';
import type { Command } from '../command.js';
import { withStore } from '../with-store.js';
import { profileVersion, versionNumber } from './partner-show.js';

export const partnerDiffCommand: Command = {
  name: 'partner diff',
  summary: "Show what changed in a partner's profile between two versions, field by field.",
  positionals: ['PARTNER', 'FROM', 'TO'],
  async run({ args, loadConfig, stdout }) {
    const [partner, from, to] = args as [string, string, string];
    const [before, after] = await withStore(loadConfig().config, (pool) =>
      Promise.all([profileVersion(pool, partner, versionNumber(from)), profileVersion(pool, partner, versionNumber(to))]),
    );
    const changes = diffProfiles(before.profile, after.profile);
    stdout.write(`${partner}: version ${before.version} -> ${after.version}\n`);
    for (const version of [before, after]) stdout.write(`  version ${version.version}: ${version.change} (${version.changedBy}, ${version.changedAt.toISOString()})\n`);
    stdout.write(changes.length === 0 ? 'No differences.\n' : `${changes.map(describeChange).join('\n')}\n`);
    return 0;
  },
};
