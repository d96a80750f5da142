import type { PartnerProfile } from '../../../partners/schema/profile.js';
import { GatewayError } from '../../errors/gateway-error.js';
import type { Queryable } from '../pool.js';
import { appendEvent } from './events.js';

// Partner profiles and their versions (migration 0004). A save never changes a version: it writes the next
// one, moves the partner's current version to it and records the envelope ids the partner now sends under,
// all in the caller's transaction, with the event that says who changed what (partner.created, partner.changed).

export interface ProfileVersion {
  readonly partner: string;
  readonly version: number;
  readonly profile: PartnerProfile;
  readonly changedBy: string;
  /** What changed, in words: "created from template retailer-x12-4010", "usage test -> production". */
  readonly change: string;
  readonly changedAt: Date;
}

/** A partner as lists show it: its current version's key fields. */
export interface ProfileSummary {
  readonly partner: string;
  readonly name: string;
  readonly currentVersion: number;
  readonly group: string | null;
  readonly standard: string;
  readonly usage: string;
  readonly updatedAt: Date;
}

export interface ProfileChange {
  readonly profile: PartnerProfile;
  readonly changedBy: string;
  readonly change: string;
  /**
   * The version the change was made from; when another change was saved since, this one is refused rather
   * than silently undoing it. Undefined creates the partner.
   */
  readonly basedOn: number | undefined;
}

/** An envelope id of the partner's, as partner_identities holds it. */
interface Identity {
  readonly kind: 'isa' | 'gs' | 'unb' | 'as2' | 'sftp';
  readonly qualifier: string;
  readonly id: string;
}

/** Writes the next version of a partner (version 1 creates it) and returns it. Run inside a transaction. */
export async function saveProfileVersion(db: Queryable, change: ProfileChange): Promise<ProfileVersion> {
  const { profile } = change;
  const version = change.basedOn === undefined ? await createPartner(db, profile) : await advancePartner(db, profile, change.basedOn);
  const inserted = await db.query(
    `INSERT INTO partner_profile_versions AS v (partner, version, profile, changed_by, change)
     VALUES ($1, $2, $3, $4, $5)
     RETURNING ${versionColumns}`,
    [profile.id, version, JSON.stringify(profile), change.changedBy, change.change],
  );
  await replaceIdentities(db, profile);
  await appendEvent(db, {
    entity: 'partner',
    entityId: profile.id,
    type: version === 1 ? 'partner.created' : 'partner.changed',
    details: { version, change: change.change },
    actor: change.changedBy,
  });
  return inserted.rows[0] as ProfileVersion;
}

/** The partner's current version, or the one asked for; undefined when there is no such partner or version. */
export async function getProfileVersion(db: Queryable, partner: string, version?: number): Promise<ProfileVersion | undefined> {
  const result = await db.query(
    `SELECT ${versionColumns} FROM partner_profile_versions v
      WHERE v.partner = $1
        AND v.version = COALESCE($2::integer, (SELECT current_version FROM partner_profiles WHERE partner = $1))`,
    [partner, version ?? null],
  );
  return result.rows[0] as ProfileVersion | undefined;
}

/** Every version of a partner, oldest first. */
export async function listProfileVersions(db: Queryable, partner: string): Promise<ProfileVersion[]> {
  const result = await db.query(`SELECT ${versionColumns} FROM partner_profile_versions v WHERE v.partner = $1 ORDER BY v.version`, [partner]);
  return result.rows as ProfileVersion[];
}

export async function listProfiles(db: Queryable): Promise<ProfileSummary[]> {
  const result = await db.query(
    `SELECT p.partner, v.profile->>'name' AS name, p.current_version AS "currentVersion", p.partner_group AS "group",
            p.standard, p.usage, p.updated_at AS "updatedAt"
       FROM partner_profiles p
       JOIN partner_profile_versions v ON v.partner = p.partner AND v.version = p.current_version
      ORDER BY p.partner`,
  );
  return result.rows as ProfileSummary[];
}

/** The partner that sends under an envelope id, if any: how a received file is known to be a partner's. */
export async function partnerByIdentity(db: Queryable, identity: Identity): Promise<string | undefined> {
  const result = await db.query<{ partner: string }>('SELECT partner FROM partner_identities WHERE kind = $1 AND qualifier = $2 AND id = $3', [
    identity.kind,
    identity.qualifier,
    identity.id,
  ]);
  return result.rows[0]?.partner;
}

const versionColumns = `v.partner, v.version, v.profile, v.changed_by AS "changedBy", v.change, v.changed_at AS "changedAt"`;

async function createPartner(db: Queryable, profile: PartnerProfile): Promise<number> {
  const result = await db.query(
    `INSERT INTO partner_profiles (partner, current_version, partner_group, standard, usage)
     VALUES ($1, 1, $2, $3, $4)
     ON CONFLICT (partner) DO NOTHING`,
    [profile.id, profile.group ?? null, profile.standard, profile.usage],
  );
  if (result.rowCount === 0) {
    throw new GatewayError('PARTNER_EXISTS', `A partner named "${profile.id}" already exists; change its profile instead, or choose another id.`);
  }
  return 1;
}

async function advancePartner(db: Queryable, profile: PartnerProfile, basedOn: number): Promise<number> {
  const result = await db.query<{ version: number }>(
    `UPDATE partner_profiles
        SET current_version = current_version + 1, partner_group = $2, standard = $3, usage = $4, updated_at = now()
      WHERE partner = $1 AND current_version = $5
      RETURNING current_version AS version`,
    [profile.id, profile.group ?? null, profile.standard, profile.usage, basedOn],
  );
  const row = result.rows[0];
  if (row) return row.version;
  const current = await db.query<{ version: number }>('SELECT current_version AS version FROM partner_profiles WHERE partner = $1', [profile.id]);
  const found = current.rows[0];
  if (!found) throw new GatewayError('PARTNER_NOT_FOUND', `There is no partner named "${profile.id}".`);
  throw new GatewayError(
    'PARTNER_VERSION_CONFLICT',
    `The profile of "${profile.id}" was changed from version ${basedOn}, but version ${found.version} was saved meanwhile; start from version ${found.version}.`,
  );
}

/** The partner's envelope ids become the current version's; an id another partner sends under is refused. */
async function replaceIdentities(db: Queryable, profile: PartnerProfile): Promise<void> {
  await db.query('DELETE FROM partner_identities WHERE partner = $1', [profile.id]);
  for (const identity of identitiesOf(profile)) {
    const result = await db.query(
      `INSERT INTO partner_identities (kind, qualifier, id, partner) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kind, qualifier, id) DO NOTHING`,
      [identity.kind, identity.qualifier, identity.id, profile.id],
    );
    if (result.rowCount === 0) {
      const owner = await partnerByIdentity(db, identity);
      throw new GatewayError('PARTNER_IDENTITY_TAKEN', `${describeIdentity(identity)} is already partner "${owner}"'s; two partners cannot send under the same id.`);
    }
  }
}

function identitiesOf(profile: PartnerProfile): Identity[] {
  const { x12, edifact } = profile.identities.partner;
  const identities: Identity[] = [];
  if (x12) identities.push({ kind: 'isa', qualifier: x12.isaQualifier, id: x12.isaId }, { kind: 'gs', qualifier: '', id: x12.gsId });
  if (edifact) identities.push({ kind: 'unb', qualifier: edifact.unbQualifier ?? '', id: edifact.unbId });
  const as2 = profile.transports?.as2;
  if (as2) identities.push({ kind: 'as2', qualifier: '', id: as2.partnerAs2Id });
  for (const user of profile.transports?.sftpMailbox?.users ?? []) identities.push({ kind: 'sftp', qualifier: '', id: user.username });
  return identities;
}

function describeIdentity({ kind, qualifier, id }: Identity): string {
  switch (kind) {
    case 'isa':
      return `The ISA id ${qualifier}/${id}`;
    case 'gs':
      return `The GS id ${id}`;
    case 'unb':
      return qualifier ? `The UNB id ${id} (qualifier ${qualifier})` : `The UNB id ${id}`;
    case 'as2':
      return `The AS2 id ${id}`;
    case 'sftp':
      return `The SFTP login ${id}`;
  }
}
