import { describeChange } from '../../../partners/profile-diff.js';
import { diffProfileVersions } from '../../partners/profile-versions.js';
import type { Command } from '../command.js';
import { withStore } from '../with-store.js';
import { versionNumber } from './partner-show.js';

export const partnerDiffCommand: Command = {
  name: 'partner diff',
  summary: "Show what changed in a partner's profile between two versions, field by field.",
  positionals: ['PARTNER', 'FROM', 'TO'],
  async run({ args, loadConfig, stdout }) {
    const [partner, from, to] = args as [string, string, string];
    const { from: before, to: after, changes } = await withStore(loadConfig().config, (pool) =>
      diffProfileVersions(pool, partner, versionNumber(from), versionNumber(to)),
    );
    stdout.write(`${partner}: version ${before.version} -> ${after.version}\n`);
    for (const version of [before, after]) stdout.write(`  version ${version.version}: ${version.change} (${version.changedBy}, ${version.changedAt.toISOString()})\n`);
    stdout.write(changes.length === 0 ? 'No differences.\n' : `${changes.map(describeChange).join('\n')}\n`);
    return 0;
  },
};
