import type { CanonicalDocument } from '../../../translators/canonical/index.js';
import type { Standard } from '../../../translators/identify-standard.js';
import type { DocumentState, SetState } from '../../pipeline/states.js';
import type { Queryable } from '../pool.js';

// What the translate and sync steps read and write (migration 0014): the accepted sets still to translate,
// the canonical documents made from them, and each sync attempt with its outcome.

/** The business name a canonical document is stored under. */
export type DocumentKind = 'Order' | 'ShipNotice' | 'ShipmentStatus' | 'Invoice' | 'FunctionalAck';

export interface SetToRead {
  readonly id: string;
  readonly start: number;
  readonly messageType: string;
  readonly controlNumber: string;
  readonly state: SetState;
}

export interface InterchangeToRead {
  readonly id: string;
  readonly standard: Standard;
  readonly controlNumber: string;
  readonly start: number;
  readonly end: number;
  /** Every set of the interchange, in file order, whatever its state: the reader finds them all again. */
  readonly sets: readonly SetToRead[];
}

/** The file's interchanges holding at least one ACCEPTED set of these message types, in file order. */
export async function listInterchangesToTranslate(db: Queryable, fileId: string, messages: readonly string[]): Promise<InterchangeToRead[]> {
  const result = await db.query<InterchangeToRead>(
    `SELECT i.id::text, i.standard, i.control_number AS "controlNumber", i.start_offset::float8 AS start, i.end_offset::float8 AS end,
            (SELECT jsonb_agg(jsonb_build_object('id', s.id::text, 'start', s.start_offset, 'messageType', s.message_type,
                                                 'controlNumber', s.control_number, 'state', s.state) ORDER BY s.start_offset)
               FROM transaction_sets s WHERE s.interchange_id = i.id) AS sets
       FROM interchanges i
      WHERE i.file_id = $1
        AND EXISTS (SELECT 1 FROM transaction_sets s WHERE s.interchange_id = i.id AND s.state = 'ACCEPTED' AND s.message_type = ANY($2))
      ORDER BY i.start_offset`,
    [fileId, messages],
  );
  return result.rows;
}

export async function setSetState(db: Queryable, setId: string, state: SetState): Promise<void> {
  await db.query('UPDATE transaction_sets SET state = $2, state_changed_at = now() WHERE id = $1', [setId, state]);
}

export async function getSetState(db: Queryable, setId: string): Promise<SetState | undefined> {
  const result = await db.query<{ state: SetState }>('SELECT state FROM transaction_sets WHERE id = $1', [setId]);
  return result.rows[0]?.state;
}

/**
 * What the file still waits for: its sets that are TRANSLATED or EXCEPTION, or ACCEPTED and of a message type
 * the translate step takes (the others, acknowledgments, are reconciled apart from the file), and its open
 * exceptions, whatever step opened them (a duplicate interchange held back waits for support too).
 */
export async function countWaiting(db: Queryable, fileId: string, translatedMessages: readonly string[]): Promise<{ readonly sets: number; readonly exceptions: number }> {
  const result = await db.query<{ sets: number; exceptions: number }>(
    `SELECT (SELECT count(*)::int FROM transaction_sets s JOIN interchanges i ON i.id = s.interchange_id
              WHERE i.file_id = $1 AND (s.state IN ('TRANSLATED', 'EXCEPTION') OR (s.state = 'ACCEPTED' AND s.message_type = ANY($2)))) AS sets,
            (SELECT count(*)::int FROM exceptions WHERE file_id = $1 AND state = 'OPEN') AS exceptions`,
    [fileId, translatedMessages],
  );
  return result.rows[0] as { sets: number; exceptions: number };
}

/** The file's sets counted by state: what its file.processed event records. */
export async function countSetsByState(db: Queryable, fileId: string): Promise<Record<string, number>> {
  const result = await db.query<{ state: string; count: number }>(
    `SELECT s.state, count(*)::int AS count FROM transaction_sets s JOIN interchanges i ON i.id = s.interchange_id
      WHERE i.file_id = $1 GROUP BY s.state ORDER BY s.state`,
    [fileId],
  );
  return Object.fromEntries(result.rows.map((row) => [row.state, row.count]));
}

export interface NewInboundDocument {
  readonly kind: DocumentKind;
  readonly partner: string;
  readonly reference: string | undefined;
  readonly canonical: CanonicalDocument;
  readonly fileId: string;
  readonly setId: string;
  readonly profileVersion: number;
  readonly state: DocumentState;
}

/** Inserts an inbound document; returns its id. */
export async function insertInboundDocument(db: Queryable, document: NewInboundDocument): Promise<string> {
  const result = await db.query<{ id: string }>(
    `INSERT INTO documents (direction, kind, partner, reference, canonical, file_id, set_id, profile_version, state)
     VALUES ('inbound', $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text`,
    [document.kind, document.partner, document.reference ?? null, JSON.stringify(document.canonical), document.fileId, document.setId, document.profileVersion, document.state],
  );
  return (result.rows[0] as { id: string }).id;
}

export interface StoredDocument {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly partner: string;
  readonly reference: string | null;
  readonly canonical: CanonicalDocument;
  readonly fileId: string;
  readonly setId: string;
  /** 850, ORDERS ...: the set it was read from, and its control number, for messages support reads. */
  readonly messageType: string;
  readonly setControlNumber: string;
  readonly profileVersion: number | null;
  readonly state: DocumentState;
  readonly syncAttempt: number;
  readonly syncDeferrals: number;
  readonly syncReference: string | null;
  /** Whether next_attempt_at has passed, by the database's clock. */
  readonly due: boolean;
  readonly nextAttemptAt: Date;
}

const documentColumns = `d.id::text, d.kind, d.partner, d.reference, d.canonical, d.file_id::text AS "fileId", d.set_id::text AS "setId",
  s.message_type AS "messageType", s.control_number AS "setControlNumber", d.profile_version AS "profileVersion", d.state,
  d.sync_attempt AS "syncAttempt", d.sync_deferrals AS "syncDeferrals", d.sync_reference AS "syncReference",
  d.next_attempt_at <= now() AS due, d.next_attempt_at AS "nextAttemptAt"`;

/** Locks the inbound document's row for the rest of the transaction. */
export async function lockDocument(db: Queryable, id: string): Promise<StoredDocument | undefined> {
  const result = await db.query<StoredDocument>(
    `SELECT ${documentColumns} FROM documents d JOIN transaction_sets s ON s.id = d.set_id WHERE d.id = $1 AND d.direction = 'inbound' FOR UPDATE OF d`,
    [id],
  );
  return result.rows[0];
}

export async function getDocument(db: Queryable, id: string): Promise<StoredDocument | undefined> {
  const result = await db.query<StoredDocument>(`SELECT ${documentColumns} FROM documents d JOIN transaction_sets s ON s.id = d.set_id WHERE d.id = $1`, [id]);
  return result.rows[0];
}

/** The file's inbound documents, in the order of the sets they were read from. */
export async function listFileDocuments(db: Queryable, fileId: string): Promise<StoredDocument[]> {
  const result = await db.query<StoredDocument>(
    `SELECT ${documentColumns} FROM documents d JOIN transaction_sets s ON s.id = d.set_id WHERE d.file_id = $1 ORDER BY s.start_offset`,
    [fileId],
  );
  return result.rows;
}

/**
 * Starts the next attempt: the document SYNCING under a new attempt number (the fencing token), held for
 * `leaseMs`, and the attempt's intent recorded. Run in the transaction that locked the document.
 */
export async function startSyncAttempt(db: Queryable, documentId: string, intent: { readonly idempotencyKey: string; readonly leaseMs: number; readonly startedBy: string }): Promise<number> {
  const result = await db.query<{ attempt: number }>(
    `UPDATE documents SET state = 'SYNCING', state_changed_at = now(), sync_attempt = sync_attempt + 1,
                          next_attempt_at = now() + make_interval(secs => $2 / 1000.0)
      WHERE id = $1 RETURNING sync_attempt AS attempt`,
    [documentId, intent.leaseMs],
  );
  const attempt = (result.rows[0] as { attempt: number }).attempt;
  await db.query('INSERT INTO sync_intents (document_id, attempt, idempotency_key, started_by) VALUES ($1, $2, $3, $4)', [documentId, attempt, intent.idempotencyKey, intent.startedBy]);
  return attempt;
}

export type AttemptEnd =
  | { readonly state: 'SYNCED'; readonly reference: string }
  | { readonly state: 'EXCEPTION' }
  /** Deferred: tried again once `waitMs` has passed. */
  | { readonly state: 'TRANSLATED'; readonly waitMs: number };

/**
 * Writes the attempt's end, only while it is the document's latest attempt and still SYNCING: false when a
 * newer attempt took over (this one outlived its lease), and then nothing was written.
 */
export async function endSyncAttempt(db: Queryable, documentId: string, attempt: number, end: AttemptEnd): Promise<boolean> {
  const result = await db.query(
    `UPDATE documents
        SET state = $3, state_changed_at = now(),
            sync_reference = CASE WHEN $3 = 'SYNCED' THEN $4 ELSE sync_reference END,
            sync_deferrals = CASE WHEN $3 = 'TRANSLATED' THEN sync_deferrals + 1 ELSE sync_deferrals END,
            next_attempt_at = now() + make_interval(secs => $5 / 1000.0)
      WHERE id = $1 AND sync_attempt = $2 AND state = 'SYNCING'`,
    [documentId, attempt, end.state, end.state === 'SYNCED' ? end.reference : null, end.state === 'TRANSLATED' ? end.waitMs : 0],
  );
  return result.rowCount === 1;
}

export async function recordIntentOutcome(
  db: Queryable,
  documentId: string,
  attempt: number,
  outcome: { readonly outcome: 'synced' | 'refused' | 'retry-later'; readonly reference?: string; readonly code?: string; readonly message?: string },
): Promise<void> {
  await db.query(
    `UPDATE sync_intents SET outcome = $3, reference = $4, code = $5, message = $6, finished_at = now()
      WHERE document_id = $1 AND attempt = $2`,
    [documentId, attempt, outcome.outcome, outcome.reference ?? null, outcome.code ?? null, outcome.message ?? null],
  );
}

export interface SyncIntent {
  readonly attempt: number;
  readonly idempotencyKey: string;
  readonly startedBy: string;
  readonly outcome: 'synced' | 'refused' | 'retry-later' | null;
  readonly reference: string | null;
  readonly code: string | null;
}

export async function listSyncIntents(db: Queryable, documentId: string): Promise<SyncIntent[]> {
  const result = await db.query<SyncIntent>(
    `SELECT attempt, idempotency_key AS "idempotencyKey", started_by AS "startedBy", outcome, reference, code
       FROM sync_intents WHERE document_id = $1 ORDER BY attempt`,
    [documentId],
  );
  return result.rows;
}

/** Support retries the document's sync: TRANSLATED again, due now, its deferrals counted from nothing. */
export async function reopenDocument(db: Queryable, documentId: string): Promise<void> {
  await db.query(
    `UPDATE documents SET state = 'TRANSLATED', state_changed_at = now(), sync_deferrals = 0, next_attempt_at = now() WHERE id = $1`,
    [documentId],
  );
}

export async function setDocumentState(db: Queryable, documentId: string, state: DocumentState): Promise<void> {
  await db.query('UPDATE documents SET state = $2, state_changed_at = now() WHERE id = $1', [documentId, state]);
}

/**
 * Files the translate step should look at again: ACKNOWLEDGED, with an ACCEPTED set of a translated message
 * type that sat longer than `olderThanMs` (its job was lost, or support retried it), or with nothing left
 * waiting (no such set, none TRANSLATED or in EXCEPTION, no open exception) but not yet PROCESSED.
 */
export async function findFilesToTranslate(db: Queryable, translatedMessages: readonly string[], olderThanMs: number, limit: number): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `SELECT f.id::text FROM received_files f
      WHERE f.state = 'ACKNOWLEDGED'
        AND (EXISTS (SELECT 1 FROM interchanges i JOIN transaction_sets s ON s.interchange_id = i.id
                      WHERE i.file_id = f.id AND s.state = 'ACCEPTED' AND s.message_type = ANY($1)
                        AND s.state_changed_at < now() - make_interval(secs => $2 / 1000.0))
             OR (f.state_changed_at < now() - make_interval(secs => $2 / 1000.0)
                 AND NOT EXISTS (SELECT 1 FROM interchanges i JOIN transaction_sets s ON s.interchange_id = i.id
                                  WHERE i.file_id = f.id AND (s.state IN ('TRANSLATED', 'EXCEPTION') OR (s.state = 'ACCEPTED' AND s.message_type = ANY($1))))
                 AND NOT EXISTS (SELECT 1 FROM exceptions e WHERE e.file_id = f.id AND e.state = 'OPEN')))
      ORDER BY f.state_changed_at LIMIT $3`,
    [translatedMessages, olderThanMs, limit],
  );
  return result.rows.map((row) => row.id);
}

/**
 * Inbound documents whose sync should be tried now: TRANSLATED, due, and left so for longer than
 * `olderThanMs` (their job was lost, or their deferral is over), or SYNCING past their attempt's lease.
 */
export async function findDocumentsToSync(db: Queryable, olderThanMs: number, limit: number): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `SELECT id::text FROM documents
      WHERE direction = 'inbound' AND state IN ('TRANSLATED', 'SYNCING') AND next_attempt_at <= now()
        AND (state = 'SYNCING' OR state_changed_at < now() - make_interval(secs => $1 / 1000.0))
      ORDER BY next_attempt_at LIMIT $2`,
    [olderThanMs, limit],
  );
  return result.rows.map((row) => row.id);
}
