import { inboundTranslation } from '../../../partners/map-options-for.js';
import { DEFAULT_MAP_OPTIONS } from '../../../translators/maps/map-contract.js';
import { translateFile, type Translation } from '../../../translators/translate-file.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { requireProfileVersion } from '../../partners/profile-versions.js';
import type { Command } from '../command.js';
import { readWholeFile } from '../edi-file.js';
import { withStore } from '../with-store.js';
import { versionNumber } from './partner-show.js';

export const translateCommand: Command = {
  name: 'translate',
  summary: "Print an EDI file's orders, ship notices, statuses and invoices as canonical JSON; with --partner, read with that partner's guide and options. Exit 0 all translated, 1 not.",
  positionals: ['FILE'],
  options: { partner: { type: 'string' }, version: { type: 'string' } },
  optionHelp: {
    partner: "read the file as this partner's: its implementation guide, item qualifiers, units and codes",
    version: 'with --partner: that version of its profile (default: the current one)',
  },
  async run({ args, options, loadConfig, stdout, stderr }) {
    const file = args[0] as string;
    const bytes = await readWholeFile(file);
    if (options.version !== undefined && options.partner === undefined) throw new GatewayError('REQUEST_INVALID', '--version needs --partner');
    const translation = typeof options.partner === 'string' ? await partnerTranslation(loadConfig, options.partner, options.version) : { options: () => DEFAULT_MAP_OPTIONS };
    let translated;
    try {
      translated = translateFile(bytes, translation);
    } catch (error) {
      if (error instanceof RangeError) throw new GatewayError('FILE_NOT_EDI', `${file}: ${error.message}`, { location: { file } });
      throw error;
    }
    const findings = [...translated.findings, ...translated.documents.flatMap((document) => document.findings)];
    for (const finding of findings) stderr.write(`${file}: ${finding.where ? `${finding.where}: ` : ''}${finding.message}\n`);
    stdout.write(`${JSON.stringify(translated.documents.flatMap((document) => (document.canonical ? [document.canonical] : [])), null, 2)}\n`);
    return findings.length === 0 ? 0 : 1;
  },
};

async function partnerTranslation(loadConfig: Parameters<Command['run']>[0]['loadConfig'], partner: string, version: unknown): Promise<Translation> {
  const wanted = version === undefined ? undefined : versionNumber(version);
  const { profile } = await withStore(loadConfig().config, (pool) => requireProfileVersion(pool, partner, wanted));
  return inboundTranslation(profile);
}
