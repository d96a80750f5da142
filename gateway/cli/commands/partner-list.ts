import { listProfiles } from '../../store/sql/partner-profiles.js';
import type { Command } from '../command.js';
import { textTable } from '../text-table.js';
import { withStore } from '../with-store.js';

export const partnerListCommand: Command = {
  name: 'partner list',
  summary: 'List the partners with their current profile version, standard and usage.',
  options: { json: { type: 'boolean', default: false } },
  optionHelp: { json: 'one JSON object per line instead of a table' },
  async run({ options, loadConfig, stdout }) {
    const partners = await withStore(loadConfig().config, listProfiles);
    if (options.json) {
      for (const partner of partners) stdout.write(`${JSON.stringify(partner)}\n`);
      return 0;
    }
    if (partners.length === 0) {
      stdout.write('No partners yet; create one with: edi-gateway partner new --template <name>\n');
      return 0;
    }
    const rows = partners.map((partner) => [partner.partner, partner.name, String(partner.currentVersion), partner.standard, partner.usage, partner.group ?? '', partner.updatedAt.toISOString()]);
    stdout.write(textTable(['PARTNER', 'NAME', 'VERSION', 'STANDARD', 'USAGE', 'GROUP', 'UPDATED'], rows));
    return 0;
  },
};
