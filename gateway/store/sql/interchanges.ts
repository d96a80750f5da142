import type { Diagnostic } from '../../../translators/diagnostic.js';
import type { Standard } from '../../../translators/identify-standard.js';
import type { SetState } from '../../pipeline/states.js';
import type { Queryable } from '../pool.js';

// Interchanges, functional groups and transaction sets of parsed files (migration 0010), each with the
// byte range of the file it came from. Written in the parse step's transaction; a file's rows are
// written once: the unique start offsets refuse a second copy.

export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

export interface NewInterchange {
  readonly fileId: string;
  readonly partner: string;
  readonly standard: Standard;
  readonly sender: { readonly qualifier: string; readonly id: string };
  readonly receiver: { readonly qualifier: string; readonly id: string };
  readonly controlNumber: string;
  readonly usage: 'test' | 'production';
  readonly range: ByteRange;
  /** SHA-256 of the interchange's bytes, hex: a duplicate sent as it was has the same. */
  readonly contentHash: string;
}

export interface NewFunctionalGroup {
  readonly functionalId: string;
  readonly controlNumber: string;
  readonly version: string;
  readonly range: ByteRange;
}

export interface NewTransactionSet {
  /** Null for an EDIFACT message with no UNG around it. */
  readonly groupId: string | null;
  readonly messageType: string;
  readonly controlNumber: string;
  readonly range: ByteRange;
  readonly state: SetState;
}

/** Inserts the interchange and returns its id. */
export async function insertInterchange(db: Queryable, interchange: NewInterchange): Promise<string> {
  const { sender, receiver, range } = interchange;
  const result = await db.query<{ id: string }>(
    `INSERT INTO interchanges (file_id, partner, standard, sender_qualifier, sender_id, receiver_qualifier, receiver_id,
                               control_number, usage, start_offset, end_offset, content_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     RETURNING id::text`,
    [
      interchange.fileId,
      interchange.partner,
      interchange.standard,
      sender.qualifier,
      sender.id,
      receiver.qualifier,
      receiver.id,
      interchange.controlNumber,
      interchange.usage,
      range.start,
      range.end,
      interchange.contentHash,
    ],
  );
  return (result.rows[0] as { id: string }).id;
}

/** Inserts an interchange's groups in one statement; returns their ids in the order given. */
export async function insertFunctionalGroups(db: Queryable, interchangeId: string, groups: readonly NewFunctionalGroup[]): Promise<string[]> {
  if (groups.length === 0) return [];
  const result = await db.query<{ id: string; start: string }>(
    `INSERT INTO functional_groups (interchange_id, functional_id, control_number, version, start_offset, end_offset)
     SELECT $1::bigint, * FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])
     RETURNING id::text, start_offset::text AS start`,
    [
      interchangeId,
      groups.map((group) => group.functionalId),
      groups.map((group) => group.controlNumber),
      groups.map((group) => group.version),
      groups.map((group) => group.range.start),
      groups.map((group) => group.range.end),
    ],
  );
  // RETURNING promises no order; a group's start offset is unique in its interchange.
  const idByStart = new Map(result.rows.map((row) => [Number(row.start), row.id]));
  return groups.map((group) => idByStart.get(group.range.start) as string);
}

/** Inserts an interchange's transaction sets (messages) in one statement. */
export async function insertTransactionSets(db: Queryable, interchangeId: string, sets: readonly NewTransactionSet[]): Promise<void> {
  if (sets.length === 0) return;
  await db.query(
    `INSERT INTO transaction_sets (interchange_id, group_id, message_type, control_number, start_offset, end_offset, state)
     SELECT $1::bigint, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[])`,
    [
      interchangeId,
      sets.map((set) => set.groupId),
      sets.map((set) => set.messageType),
      sets.map((set) => set.controlNumber),
      sets.map((set) => set.range.start),
      sets.map((set) => set.range.end),
      sets.map((set) => set.state),
    ],
  );
}

export interface EarlierInterchange {
  readonly id: string;
  readonly fileId: string;
  /** The same bytes as the one it was found for. */
  readonly identical: boolean;
  /** What both have: ISA13 / UNB 0020, and the sender's and receiver's ids. */
  readonly controlNumber: string;
  readonly senderId: string;
  readonly receiverId: string;
}

/**
 * The first interchange before this one from the same partner with the same sender, receiver and control
 * number, received within `windowDays` in a file that was not refused or set aside, and not itself a
 * duplicate held back. Undefined when there is none, or when support forced this one through.
 */
export async function findEarlierInterchange(db: Queryable, interchangeId: string, windowDays: number): Promise<EarlierInterchange | undefined> {
  const result = await db.query<EarlierInterchange>(
    `SELECT e.id::text, e.file_id::text AS "fileId", e.content_hash = i.content_hash AS identical,
            i.control_number AS "controlNumber", i.sender_id AS "senderId", i.receiver_id AS "receiverId"
       FROM interchanges i
       JOIN interchanges e ON e.partner = i.partner AND e.control_number = i.control_number
                          AND e.sender_qualifier = i.sender_qualifier AND e.sender_id = i.sender_id
                          AND e.receiver_qualifier = i.receiver_qualifier AND e.receiver_id = i.receiver_id
                          AND e.id < i.id AND e.created_at >= i.created_at - make_interval(days => $2)
       JOIN received_files f ON f.id = e.file_id AND f.state NOT IN ('REJECTED', 'QUARANTINED')
      WHERE i.id = $1 AND i.duplicate_forced_by IS NULL
        AND (e.duplicate_of IS NULL OR e.duplicate_forced_by IS NOT NULL)
      ORDER BY e.id LIMIT 1`,
    [interchangeId, windowDays],
  );
  return result.rows[0];
}

export async function markDuplicate(db: Queryable, interchangeId: string, originalId: string): Promise<void> {
  await db.query('UPDATE interchanges SET duplicate_of = $2 WHERE id = $1', [interchangeId, originalId]);
}

export async function forceDuplicateInterchange(db: Queryable, interchangeId: string, forced: { readonly by: string; readonly reason: string }): Promise<void> {
  await db.query('UPDATE interchanges SET duplicate_forced_by = $2, duplicate_forced_reason = $3 WHERE id = $1', [interchangeId, forced.by, forced.reason]);
}

export interface InterchangeSet {
  readonly id: string;
  readonly state: SetState;
  readonly diagnostics: readonly Diagnostic[];
}

export async function listInterchangeSets(db: Queryable, interchangeId: string): Promise<InterchangeSet[]> {
  const result = await db.query<InterchangeSet>(
    `SELECT id::text, state, COALESCE(diagnostics, '[]'::jsonb) AS diagnostics FROM transaction_sets WHERE interchange_id = $1 ORDER BY start_offset`,
    [interchangeId],
  );
  return result.rows;
}

export async function setSetVerdict(db: Queryable, setId: string, state: SetState, diagnostics: readonly Diagnostic[]): Promise<void> {
  await db.query('UPDATE transaction_sets SET state = $2, diagnostics = $3 WHERE id = $1', [setId, state, JSON.stringify(diagnostics)]);
}
