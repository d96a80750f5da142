import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Config } from '../config/settings.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { Logger } from '../log.js';
import { parseProfile } from '../../partners/parse-profile.js';
import { formatPath } from '../../partners/profile-problem.js';
import { readTemplate } from '../../partners/profile-template.js';
import type { Pool } from '../store/pool.js';
import { listProfiles } from '../store/sql/partner-profiles.js';
import { hashPassword } from '../transports/sftp-server/password-hash.js';
import { newPartnerProfile, saveNewPartner } from './new-partner.js';

// The partner a first start makes (EDI_DEMO_PARTNER=on), so that the gateway can be tried at once: drop an
// 850 from ZZ/DEMORETAILER into var/inbox/demo/ or upload it over SFTP, or run `partner test demo FILE`. Its
// orders go to the sandbox Odoo's demo customer (Reference ACME), its items found by Internal Reference.
// Made only when there is no partner at all, so a real partner list is never touched.

const DEMO_VALUES = { id: 'demo', name: 'Demo Retailer (sandbox)', isaId: 'DEMORETAILER', gsId: 'DEMORETAILER', odooPartner: 'ACME', productMatch: 'default_code' };

/** Our own ids when there is no defaults file yet: the sandbox's. */
const SANDBOX_DEFAULTS = 'sandbox-defaults.yaml';

/** The demo partner's SFTP login, with the password that exists nowhere else once it has been shown. */
export interface DemoLogin {
  readonly partner: string;
  readonly username: string;
  readonly password: string;
}

/** The demo partner's login when this call made the partner; undefined when there was one (or any partner) already. */
export async function ensureDemoPartner(pool: Pool, config: Pick<Config, 'partners' | 'instance'>, log: Logger): Promise<DemoLogin | undefined> {
  if (config.partners.demo === 'off' || (await listProfiles(pool)).length > 0) return undefined;
  const defaultsFile = fs.existsSync(config.partners.defaultsFile) ? config.partners.defaultsFile : new URL(SANDBOX_DEFAULTS, import.meta.url).pathname;
  const template = readTemplate('retailer-x12-4010');
  const made = newPartnerProfile({ template, values: DEMO_VALUES, defaultsFile });
  // Kept only as a hash: a password the log leaves out (a level above warn) would make a login nobody can use.
  const login = log.isLevelEnabled('warn') ? { partner: made.id, username: made.id, password: randomBytes(12).toString('base64url') } : undefined;
  const transports = login === undefined ? {} : { transports: { sftpMailbox: { users: [{ username: login.username, passwordHash: await hashPassword(login.password) }] } } };
  const parsed = parseProfile({ ...made, ...transports });
  if (!parsed.ok) {
    throw new GatewayError('PROFILE_INVALID', `The demo partner's profile is refused: ${parsed.problems.map((problem) => `${formatPath(problem.path)} ${problem.reason}`).join('; ')}`);
  }
  try {
    await saveNewPartner(pool, { profile: parsed.profile, template, changedBy: config.instance.name });
    log.info({ partner: made.id }, 'demo partner created (EDI_DEMO_PARTNER=off turns this off)');
    return login;
  } catch (error) {
    // Another instance starting at the same moment made it first, and shows its own password.
    if ((error as { code?: string }).code !== 'PARTNER_EXISTS') throw error;
    return undefined;
  }
}

/** Writes the login once, with where to use it: after the SFTP server listens, so that its port is known. */
export function announceDemoLogin(log: Logger, login: DemoLogin, sftp: { readonly host: string; readonly port: number }): void {
  log.warn(
    { partner: login.partner, username: login.username, password: login.password, host: sftp.host, port: sftp.port },
    `demo partner "${login.partner}" can log in to the SFTP server with this password, shown only this once: sftp -P ${sftp.port} ${login.username}@${sftp.host}, then put an 850 in /inbound and find its 997 in /outbound`,
  );
}
