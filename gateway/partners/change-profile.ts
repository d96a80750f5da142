import { parseProfile } from '../../partners/parse-profile.js';
import { withTransaction, type Pool } from '../store/pool.js';
import { saveProfileVersion, type ProfileVersion } from '../store/sql/partner-profiles.js';
import { ProfileRefused } from './profile-refused.js';

export interface ProfileEdit {
  /** The partner being changed; the profile's own id must be this one. */
  readonly partner: string;
  /** The whole new profile, as sent: checked here like any profile. */
  readonly profile: unknown;
  /** The version the edit started from (see ProfileChange.basedOn). */
  readonly basedOn: number;
  readonly change: string;
  readonly changedBy: string;
}

/**
 * The partner's next version from a whole profile. Refused with every problem (PROFILE_INVALID), when
 * another change came first (PARTNER_VERSION_CONFLICT), or when it would send under another partner's
 * envelope id (PARTNER_IDENTITY_TAKEN); the previous version stays as it was in every case.
 */
export async function changeProfile(pool: Pool, edit: ProfileEdit): Promise<ProfileVersion> {
  const what = `The profile of "${edit.partner}" cannot be saved`;
  const parsed = parseProfile(edit.profile);
  if (!parsed.ok) throw new ProfileRefused(what, parsed.problems);
  // The id names the partner's folder, its files and its history: renaming is not an edit.
  if (parsed.profile.id !== edit.partner) {
    throw new ProfileRefused(what, [{ path: ['id'], reason: `must stay '${edit.partner}', the partner being changed; got '${parsed.profile.id}'` }]);
  }
  return withTransaction(pool, (client) =>
    saveProfileVersion(client, { profile: parsed.profile, basedOn: edit.basedOn, changedBy: edit.changedBy, change: edit.change }),
  );
}
