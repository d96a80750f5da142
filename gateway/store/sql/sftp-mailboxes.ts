import type { Queryable } from '../pool.js';

// The hosted SFTP server's tables (migration 0006): the record of its host key (the key itself is in the secret
// store), the partners' /outbound files, uploads held under a temporary name, failed logins and bans. The
// logins themselves are read from the partners' current profiles. Every function takes the partner it acts
// for: nothing here can reach another partner's files.

export async function getHostKeyFingerprint(db: Queryable, algorithm: string): Promise<string | undefined> {
  const result = await db.query<{ fingerprint: string }>('SELECT fingerprint FROM sftp_host_keys WHERE algorithm = $1', [algorithm]);
  return result.rows[0]?.fingerprint;
}

/**
 * Records the key unless another instance recorded one first; true when this call did. Run in a transaction:
 * an instance inserting at the same moment waits on this row until the transaction ends, then gets false.
 */
export async function insertHostKey(db: Queryable, key: { algorithm: string; fingerprint: string; createdBy: string }): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO sftp_host_keys (algorithm, fingerprint, created_by) VALUES ($1, $2, $3)
     ON CONFLICT (algorithm) DO NOTHING
     RETURNING algorithm`,
    [key.algorithm, key.fingerprint, key.createdBy],
  );
  return result.rows.length === 1;
}

/** One login of a partner's mailbox, as its current profile gives it. */
export interface MailboxLogin {
  readonly partner: string;
  readonly username: string;
  readonly publicKeys: readonly string[];
  readonly passwordHash: string | undefined;
}

/** Every partner whose current profile has this login: one when set up right. */
export async function findMailboxLogins(db: Queryable, username: string): Promise<MailboxLogin[]> {
  const result = await db.query<{ partner: string; login: { username: string; publicKeys?: string[]; passwordHash?: string } }>(
    `SELECT v.partner, u.login
       FROM partner_profiles p
       JOIN partner_profile_versions v ON v.partner = p.partner AND v.version = p.current_version
       CROSS JOIN LATERAL jsonb_array_elements(COALESCE(v.profile #> '{transports,sftpMailbox,users}', '[]'::jsonb)) AS u(login)
      WHERE u.login->>'username' = $1`,
    [username],
  );
  return result.rows.map(({ partner, login }) => ({
    partner,
    username: login.username,
    publicKeys: login.publicKeys ?? [],
    passwordHash: login.passwordHash,
  }));
}

/** A file of a mailbox without its bytes. */
export interface MailboxEntry {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly modifiedAt: Date;
}

export interface OutboundFile extends MailboxEntry {
  readonly downloadedAt: Date | null;
}

const outboundColumns = `id::text, name, size::float8 AS size, placed_at AS "modifiedAt", downloaded_at AS "downloadedAt"`;

export async function insertOutboundFile(
  db: Queryable,
  file: { partner: string; name: string; content: Buffer; sha256: string; placedBy: string },
): Promise<OutboundFile | undefined> {
  const result = await db.query(
    `INSERT INTO sftp_outbound_files (partner, name, content, size, sha256, placed_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (partner, name) WHERE removed_at IS NULL DO NOTHING
     RETURNING ${outboundColumns}`,
    [file.partner, file.name, file.content, file.content.length, file.sha256, file.placedBy],
  );
  return result.rows[0] as OutboundFile | undefined;
}

export async function listOutboundFiles(db: Queryable, partner: string): Promise<OutboundFile[]> {
  const result = await db.query(`SELECT ${outboundColumns} FROM sftp_outbound_files WHERE partner = $1 AND removed_at IS NULL ORDER BY name`, [partner]);
  return result.rows as OutboundFile[];
}

export async function findOutboundFile(db: Queryable, partner: string, name: string): Promise<OutboundFile | undefined> {
  const result = await db.query(`SELECT ${outboundColumns} FROM sftp_outbound_files WHERE partner = $1 AND name = $2 AND removed_at IS NULL`, [
    partner,
    name,
  ]);
  return result.rows[0] as OutboundFile | undefined;
}

/** The bytes of an outbound file, in /outbound or in the archive. */
export async function readOutboundContent(db: Queryable, partner: string, id: string): Promise<Buffer | undefined> {
  const result = await db.query<{ content: Buffer }>('SELECT content FROM sftp_outbound_files WHERE partner = $1 AND id = $2', [partner, id]);
  return result.rows[0]?.content;
}

/** True the first time only: later complete reads of the same file change nothing. */
export async function markOutboundDownloaded(db: Queryable, partner: string, id: string, username: string): Promise<boolean> {
  const result = await db.query(
    'UPDATE sftp_outbound_files SET downloaded_at = now(), downloaded_by = $3 WHERE partner = $1 AND id = $2 AND downloaded_at IS NULL',
    [partner, id, username],
  );
  return result.rowCount === 1;
}

/** Moves the file from /outbound to the archive; undefined when there was no such file. */
export async function removeOutboundFile(db: Queryable, partner: string, name: string, username: string): Promise<OutboundFile | undefined> {
  const result = await db.query(
    `UPDATE sftp_outbound_files SET removed_at = now(), removed_by = $3
      WHERE partner = $1 AND name = $2 AND removed_at IS NULL
      RETURNING ${outboundColumns}`,
    [partner, name, username],
  );
  return result.rows[0] as OutboundFile | undefined;
}

export async function listArchivedOutbound(db: Queryable, partner: string, limit: number): Promise<MailboxEntry[]> {
  const result = await db.query(
    `SELECT ${outboundColumns} FROM sftp_outbound_files WHERE partner = $1 AND removed_at IS NOT NULL ORDER BY sftp_outbound_files.id DESC LIMIT $2`,
    [partner, limit],
  );
  return result.rows as MailboxEntry[];
}

export async function findArchivedOutbound(db: Queryable, partner: string, id: string): Promise<MailboxEntry | undefined> {
  const result = await db.query(`SELECT ${outboundColumns} FROM sftp_outbound_files WHERE partner = $1 AND id = $2 AND removed_at IS NOT NULL`, [
    partner,
    id,
  ]);
  return result.rows[0] as MailboxEntry | undefined;
}

const receivedColumns = `id::text, original_name AS name, size::float8 AS size, received_at AS "modifiedAt"`;

/** What the gateway received from the partner, by any transport: the inbound half of its archive. */
export async function listArchivedInbound(db: Queryable, partner: string, limit: number): Promise<MailboxEntry[]> {
  const result = await db.query(`SELECT ${receivedColumns} FROM received_files WHERE partner = $1 ORDER BY received_files.id DESC LIMIT $2`, [partner, limit]);
  return result.rows as MailboxEntry[];
}

export async function findArchivedInbound(db: Queryable, partner: string, id: string): Promise<MailboxEntry | undefined> {
  const result = await db.query(`SELECT ${receivedColumns} FROM received_files WHERE partner = $1 AND id = $2`, [partner, id]);
  return result.rows[0] as MailboxEntry | undefined;
}

export async function readArchivedInboundContent(db: Queryable, partner: string, id: string): Promise<Buffer | undefined> {
  const result = await db.query<{ content: Buffer }>('SELECT content FROM received_files WHERE partner = $1 AND id = $2', [partner, id]);
  return result.rows[0]?.content;
}

const heldColumns = `id::text, name, octet_length(content)::float8 AS size, held_at AS "modifiedAt"`;

/**
 * Keeps a complete upload under its temporary name, replacing one of the same name. Run in a transaction. A
 * replacement gets a new id: the id is the upload's intake key, and new bytes must never pass for old ones.
 */
export async function holdUpload(db: Queryable, upload: { partner: string; name: string; content: Buffer; heldBy: string }): Promise<MailboxEntry> {
  await db.query('DELETE FROM sftp_held_uploads WHERE partner = $1 AND name = $2', [upload.partner, upload.name]);
  const result = await db.query(
    `INSERT INTO sftp_held_uploads (partner, name, content, held_by) VALUES ($1, $2, $3, $4) RETURNING ${heldColumns}`,
    [upload.partner, upload.name, upload.content, upload.heldBy],
  );
  return result.rows[0] as MailboxEntry;
}

export async function listHeldUploads(db: Queryable, partner: string): Promise<MailboxEntry[]> {
  const result = await db.query(`SELECT ${heldColumns} FROM sftp_held_uploads WHERE partner = $1 ORDER BY name`, [partner]);
  return result.rows as MailboxEntry[];
}

export async function findHeldUpload(db: Queryable, partner: string, name: string): Promise<(MailboxEntry & { content: Buffer }) | undefined> {
  const result = await db.query(`SELECT ${heldColumns}, content FROM sftp_held_uploads WHERE partner = $1 AND name = $2`, [partner, name]);
  return result.rows[0] as (MailboxEntry & { content: Buffer }) | undefined;
}

/** Renames a held upload to another temporary name; false when the name is taken or the upload gone. */
export async function renameHeldUpload(db: Queryable, partner: string, from: string, to: string): Promise<boolean> {
  const result = await db.query(
    `UPDATE sftp_held_uploads SET name = $3
      WHERE partner = $1 AND name = $2 AND NOT EXISTS (SELECT 1 FROM sftp_held_uploads WHERE partner = $1 AND name = $3)`,
    [partner, from, to],
  );
  return result.rowCount === 1;
}

/** Deletes the held upload of that name; given `id`, only if it is still that upload (not a newer one). */
export async function deleteHeldUpload(db: Queryable, partner: string, name: string, id?: string): Promise<boolean> {
  const result = await db.query('DELETE FROM sftp_held_uploads WHERE partner = $1 AND name = $2 AND ($3::bigint IS NULL OR id = $3)', [
    partner,
    name,
    id ?? null,
  ]);
  return result.rowCount === 1;
}

/** Who is refused at the moment, and until when. */
export interface Ban {
  readonly kind: 'user' | 'address';
  readonly subject: string;
  readonly until: Date;
  readonly strikes: number;
}

const banColumns = `subject_kind AS kind, subject, banned_until AS until, strikes`;

/** The ban in force on the login name or the address, if any (the longer one when both are). */
export async function findActiveBan(db: Queryable, username: string, address: string): Promise<Ban | undefined> {
  const result = await db.query(
    `SELECT ${banColumns} FROM sftp_bans
      WHERE ((subject_kind = 'user' AND subject = $1) OR (subject_kind = 'address' AND subject = $2)) AND banned_until > now()
      ORDER BY banned_until DESC LIMIT 1`,
    [username, address],
  );
  return result.rows[0] as Ban | undefined;
}

export interface BanPolicy {
  /** Failures within the window that bring a ban. */
  readonly maxFailures: number;
  readonly windowMs: number;
  /** The first ban; each further one within a day of the last is twice as long, up to a day. */
  readonly banMs: number;
}

/**
 * Records one failed login and bans the login name and the address that reached `maxFailures` within the
 * window; returns the bans it set. Run in a transaction. Failures older than the window are dropped: they no
 * longer count, and the events table keeps every one.
 */
export async function recordLoginFailure(db: Queryable, failure: { username: string; address: string }, policy: BanPolicy): Promise<Ban[]> {
  await db.query(`DELETE FROM sftp_login_failures WHERE (username = $1 OR address = $2) AND at < now() - make_interval(secs => $3 / 1000.0)`, [
    failure.username,
    failure.address,
    policy.windowMs,
  ]);
  await db.query('INSERT INTO sftp_login_failures (username, address) VALUES ($1, $2)', [failure.username, failure.address]);
  const counts = await db.query<{ byUser: number; byAddress: number }>(
    `SELECT count(*) FILTER (WHERE username = $1)::int AS "byUser", count(*) FILTER (WHERE address = $2)::int AS "byAddress"
       FROM sftp_login_failures WHERE username = $1 OR address = $2`,
    [failure.username, failure.address],
  );
  const { byUser, byAddress } = counts.rows[0] as { byUser: number; byAddress: number };
  const bans: Ban[] = [];
  for (const [kind, subject, count] of [
    ['user', failure.username, byUser],
    ['address', failure.address, byAddress],
  ] as const) {
    if (count < policy.maxFailures) continue;
    const ban = await banSubject(db, kind, subject, policy.banMs);
    if (ban) bans.push(ban);
  }
  return bans;
}

/** Bans the subject unless a ban is already in force (two failures at once must not count two strikes). */
async function banSubject(db: Queryable, kind: Ban['kind'], subject: string, banMs: number): Promise<Ban | undefined> {
  const strikes = `CASE WHEN b.last_banned_at < now() - interval '1 day' THEN 1 ELSE b.strikes + 1 END`;
  const length = (n: string) => `LEAST(make_interval(secs => $3 / 1000.0 * power(2, ${n} - 1)), interval '1 day')`;
  const result = await db.query(
    `INSERT INTO sftp_bans AS b (subject_kind, subject, banned_until, strikes, last_banned_at)
     VALUES ($1, $2, now() + ${length('1')}, 1, now())
     ON CONFLICT (subject_kind, subject) DO UPDATE
        SET strikes = ${strikes}, banned_until = now() + ${length(strikes)}, last_banned_at = now()
      WHERE b.banned_until <= now()
     RETURNING ${banColumns}`,
    [kind, subject, banMs],
  );
  return result.rows[0] as Ban | undefined;
}
