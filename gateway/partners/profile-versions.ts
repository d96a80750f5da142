import { diffProfiles, type ProfileChange as FieldChange } from '../../partners/profile-diff.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { Queryable } from '../store/pool.js';
import { getProfileVersion, listProfileVersions, type ProfileVersion } from '../store/sql/partner-profiles.js';

export interface VersionDiff {
  readonly from: ProfileVersion;
  readonly to: ProfileVersion;
  readonly changes: readonly FieldChange[];
}

/** The version asked for (the current one when none is), or PARTNER_NOT_FOUND naming what is not there. */
export async function requireProfileVersion(db: Queryable, partner: string, version?: number): Promise<ProfileVersion> {
  const found = await getProfileVersion(db, partner, version);
  if (found) return found;
  throw notFound(partner, version);
}

/** Every version of the partner, oldest first, or PARTNER_NOT_FOUND. */
export async function requireProfileHistory(db: Queryable, partner: string): Promise<ProfileVersion[]> {
  const versions = await listProfileVersions(db, partner);
  if (versions.length > 0) return versions;
  throw notFound(partner);
}

/** What changed in a partner's profile from one version to another, field by field. */
export async function diffProfileVersions(db: Queryable, partner: string, from: number, to: number): Promise<VersionDiff> {
  const [before, after] = await Promise.all([requireProfileVersion(db, partner, from), requireProfileVersion(db, partner, to)]);
  return { from: before, to: after, changes: diffProfiles(before.profile, after.profile) };
}

function notFound(partner: string, version?: number): GatewayError {
  return new GatewayError('PARTNER_NOT_FOUND', version === undefined ? `There is no partner "${partner}".` : `Partner "${partner}" has no version ${version}.`);
}
