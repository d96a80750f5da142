import { profileFromTemplate } from '../../partners/profile-from-template.js';
import type { ProfileTemplate } from '../../partners/profile-template.js';
import { readDefaults } from '../../partners/read-defaults.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { withTransaction, type Pool } from '../store/pool.js';
import { saveProfileVersion, type ProfileVersion } from '../store/sql/partner-profiles.js';
import { ProfileRefused } from './profile-refused.js';

// A new partner from an onboarding template, in two steps so that `partner new` can refuse bad values
// before it opens the database; the HTTP API takes both at once.

export interface NewPartnerValues {
  readonly template: ProfileTemplate;
  readonly values: Readonly<Record<string, string>>;
  /** config.partners.defaultsFile: what every new partner starts from, when the file is there. */
  readonly defaultsFile: string;
}

/** The profile the template makes with these values, or ProfileRefused naming each variable and field that is wrong. */
export function newPartnerProfile({ template, values, defaultsFile }: NewPartnerValues): PartnerProfile {
  const made = profileFromTemplate(template, values, readDefaults(defaultsFile));
  if (!made.ok) throw new ProfileRefused(`The partner cannot be made from template ${template.name}`, made.problems);
  return made.profile;
}

/** Stores the profile as the partner's version 1; PARTNER_EXISTS or PARTNER_IDENTITY_TAKEN when it clashes. */
export function saveNewPartner(pool: Pool, made: { readonly profile: PartnerProfile; readonly template: ProfileTemplate; readonly changedBy: string }): Promise<ProfileVersion> {
  return withTransaction(pool, (client) =>
    saveProfileVersion(client, { profile: made.profile, basedOn: undefined, changedBy: made.changedBy, change: `created from template ${made.template.name}` }),
  );
}
