import type { Diagnostic } from '../../../translators/diagnostic.js';
import type { AcknowledgmentKind } from '../../pipeline/make-acknowledgments.js';
import type { AcknowledgmentState, SetState } from '../../pipeline/states.js';
import type { Queryable } from '../pool.js';

// What the acknowledge step reads and writes (migration 0011): a parsed file's interchanges with their sets,
// each set's outcome and diagnostics, and the acknowledgments we owe (acknowledgments_out) until delivered.

export interface StoredSet {
  readonly id: string;
  readonly start: number;
}

export interface StoredInterchange {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** Its sets and messages, grouped or not, by where they start. */
  readonly sets: readonly StoredSet[];
}

/** A file's interchanges in file order, each with its sets. */
export async function listStoredInterchanges(db: Queryable, fileId: string): Promise<StoredInterchange[]> {
  const result = await db.query<{ id: string; start: number; end: number; sets: StoredSet[] }>(
    `SELECT i.id::text, i.start_offset::float8 AS start, i.end_offset::float8 AS end,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('id', s.id::text, 'start', s.start_offset) ORDER BY s.start_offset)
                        FROM transaction_sets s WHERE s.interchange_id = i.id), '[]'::jsonb) AS sets
       FROM interchanges i WHERE i.file_id = $1 ORDER BY i.start_offset`,
    [fileId],
  );
  return result.rows;
}

export interface SetOutcomeRow {
  readonly id: string;
  readonly state: SetState;
  readonly diagnostics: readonly Diagnostic[];
}

/** Writes each set's state and diagnostics in one statement. */
export async function setSetOutcomes(db: Queryable, outcomes: readonly SetOutcomeRow[]): Promise<void> {
  if (outcomes.length === 0) return;
  await db.query(
    `UPDATE transaction_sets s SET state = o.state, diagnostics = o.diagnostics, state_changed_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS o(id bigint, state text, diagnostics jsonb)
      WHERE s.id = o.id`,
    [JSON.stringify(outcomes)],
  );
}

export interface NewAcknowledgment {
  readonly fileId: string;
  readonly interchangeId: string;
  readonly partner: string;
  readonly kind: AcknowledgmentKind;
  readonly controlNumber: string;
  readonly content: Buffer;
  readonly state: AcknowledgmentState;
}

/** Inserts the acknowledgment of one received interchange; returns its id. */
export async function insertAcknowledgment(db: Queryable, acknowledgment: NewAcknowledgment): Promise<string> {
  const result = await db.query<{ id: string }>(
    `INSERT INTO acknowledgments_out (file_id, interchange_id, partner, kind, control_number, content, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text`,
    [acknowledgment.fileId, acknowledgment.interchangeId, acknowledgment.partner, acknowledgment.kind, acknowledgment.controlNumber, acknowledgment.content, acknowledgment.state],
  );
  return (result.rows[0] as { id: string }).id;
}

export interface Acknowledgment {
  readonly id: string;
  readonly fileId: string;
  readonly partner: string;
  readonly kind: AcknowledgmentKind;
  readonly controlNumber: string;
  readonly content: Buffer;
  readonly state: AcknowledgmentState;
}

/** Locks the acknowledgment's row for the rest of the transaction. */
export async function lockAcknowledgment(db: Queryable, id: string): Promise<Acknowledgment | undefined> {
  const result = await db.query(
    `SELECT id::text, file_id::text AS "fileId", partner, kind, control_number AS "controlNumber", content, state
       FROM acknowledgments_out WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return result.rows[0] as Acknowledgment | undefined;
}

export async function setAcknowledgmentState(db: Queryable, id: string, state: AcknowledgmentState): Promise<void> {
  await db.query('UPDATE acknowledgments_out SET state = $2, state_changed_at = now() WHERE id = $1', [id, state]);
}

/**
 * Ids of acknowledgments PENDING longer than `olderThanMs` whose partner's current profile has a transport
 * they can go through (an SFTP mailbox, for now): those whose delivery job was lost. The others wait for one.
 */
export async function findStuckAcknowledgments(db: Queryable, olderThanMs: number, limit: number): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `SELECT a.id::text FROM acknowledgments_out a
       JOIN partner_profiles p ON p.partner = a.partner
       JOIN partner_profile_versions v ON v.partner = p.partner AND v.version = p.current_version
      WHERE a.state = 'PENDING' AND a.state_changed_at < now() - make_interval(secs => $1 / 1000.0)
        AND v.profile #> '{transports,sftpMailbox}' IS NOT NULL
      ORDER BY a.state_changed_at LIMIT $2`,
    [olderThanMs, limit],
  );
  return result.rows.map((row) => row.id);
}
