import { stringify } from 'yaml';
import { GatewayError } from '../../errors/gateway-error.js';
import { requireProfileVersion } from '../../partners/profile-versions.js';
import type { Command } from '../command.js';
import { withStore } from '../with-store.js';

export const partnerShowCommand: Command = {
  name: 'partner show',
  summary: "Print a partner's profile as YAML: its current version, or the one asked for.",
  positionals: ['PARTNER'],
  options: { version: { type: 'string' } },
  optionHelp: { version: 'the version to show (default: the current one)' },
  async run({ args, options, loadConfig, stdout }) {
    const partner = args[0] as string;
    const version = options.version === undefined ? undefined : versionNumber(options.version);
    const shown = await withStore(loadConfig().config, (pool) => requireProfileVersion(pool, partner, version));
    stdout.write(`# ${shown.partner}, version ${shown.version}: ${shown.change} (${shown.changedBy}, ${shown.changedAt.toISOString()})\n`);
    stdout.write(stringify(shown.profile));
    return 0;
  },
};

/** A version number as typed on the command line. */
export function versionNumber(text: unknown): number {
  const version = Number(text);
  if (typeof text !== 'string' || !/^\d{1,9}$/.test(text) || version < 1) throw new GatewayError('REQUEST_INVALID', `a version is a whole number from 1, got "${String(text)}"`);
  return version;
}
