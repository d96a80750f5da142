import fs from 'node:fs';
import type { Config } from '../config/settings.js';
import type { Logger } from '../log.js';
import { readTemplate } from '../../partners/profile-template.js';
import type { Pool } from '../store/pool.js';
import { listProfiles } from '../store/sql/partner-profiles.js';
import { newPartnerProfile, saveNewPartner } from './new-partner.js';

// The partner a first start makes (EDI_DEMO_PARTNER=on), so that the gateway can be tried at once: drop an
// 850 from ZZ/DEMORETAILER into var/inbox/demo/, or run `partner test demo FILE`. Made only when there is no
// partner at all, so a real partner list is never touched.

const DEMO_VALUES = { id: 'demo', name: 'Demo Retailer (sandbox)', isaId: 'DEMORETAILER', gsId: 'DEMORETAILER', odooPartner: 'DEMO' };

/** Our own ids when there is no defaults file yet: the sandbox's. */
const SANDBOX_DEFAULTS = 'sandbox-defaults.yaml';

export async function ensureDemoPartner(pool: Pool, config: Pick<Config, 'partners' | 'instance'>, log: Logger): Promise<void> {
  if (config.partners.demo === 'off' || (await listProfiles(pool)).length > 0) return;
  const defaultsFile = fs.existsSync(config.partners.defaultsFile) ? config.partners.defaultsFile : new URL(SANDBOX_DEFAULTS, import.meta.url).pathname;
  const template = readTemplate('retailer-x12-4010');
  const profile = newPartnerProfile({ template, values: DEMO_VALUES, defaultsFile });
  try {
    await saveNewPartner(pool, { profile, template, changedBy: config.instance.name });
    log.info({ partner: profile.id }, 'demo partner created (EDI_DEMO_PARTNER=off turns this off)');
  } catch (error) {
    // Another instance starting at the same moment made it first.
    if ((error as { code?: string }).code !== 'PARTNER_EXISTS') throw error;
  }
}
