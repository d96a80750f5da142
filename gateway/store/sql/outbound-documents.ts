import type { OutboundState } from '../../pipeline/states.js';
import type { Queryable } from '../pool.js';

// The documents we send partners and the acknowledgments they answer with (migration 0015).

export type OutboundKind = 'order' | 'ship-notice' | 'shipment-status' | 'invoice';
export type OutboundOrigin = 'cli' | 'api' | 'odoo' | 'resubmission';
export type ReceivedAcknowledgmentKind = '997' | '999' | 'CONTRL';

export interface OutboundDocument {
  readonly id: string;
  readonly partner: string;
  readonly kind: OutboundKind;
  readonly reference: string | null;
  readonly canonical: Record<string, unknown>;
  readonly origin: OutboundOrigin;
  readonly intakeKey: string | null;
  readonly resubmissionOf: string | null;
  readonly autoResubmissions: number;
  readonly state: OutboundState;
  readonly profileVersion: number | null;
  readonly standard: 'X12' | 'EDIFACT' | null;
  readonly message: string | null;
  readonly functionalId: string | null;
  readonly interchangeControlNumber: string | null;
  readonly groupControlNumber: string | null;
  readonly setControlNumber: string | null;
  readonly transport: 'sftp-mailbox' | null;
  readonly fileName: string | null;
  readonly reason: string | null;
  readonly renderedAt: Date | null;
  readonly deliveredAt: Date | null;
  readonly dueAt: Date | null;
  readonly acknowledgedAt: Date | null;
  readonly acknowledgmentId: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly stateChangedAt: Date;
}

const columns = `id::text, partner, kind, reference, canonical, origin, intake_key AS "intakeKey", resubmission_of::text AS "resubmissionOf",
  auto_resubmissions AS "autoResubmissions", state, profile_version AS "profileVersion", standard, message, functional_id AS "functionalId",
  interchange_control_number AS "interchangeControlNumber", group_control_number AS "groupControlNumber", set_control_number AS "setControlNumber",
  transport, file_name AS "fileName", reason, rendered_at AS "renderedAt", delivered_at AS "deliveredAt", due_at AS "dueAt",
  acknowledged_at AS "acknowledgedAt", acknowledgment_id::text AS "acknowledgmentId", created_by AS "createdBy", created_at AS "createdAt",
  state_changed_at AS "stateChangedAt"`;

export interface NewOutboundDocument {
  readonly partner: string;
  readonly kind: OutboundKind;
  readonly reference: string | undefined;
  readonly canonical: unknown;
  readonly origin: OutboundOrigin;
  readonly intakeKey?: string | undefined;
  readonly resubmissionOf?: string | undefined;
  readonly autoResubmissions?: number;
  readonly createdBy: string;
}

/**
 * Inserts the document STORED. With an intake key the partner's documents used before, nothing is inserted
 * and the document stored under it then is returned, `created` false: a send repeated by its caller sends once.
 */
export async function insertOutboundDocument(db: Queryable, document: NewOutboundDocument): Promise<{ document: OutboundDocument; created: boolean }> {
  const inserted = await db.query<OutboundDocument>(
    `INSERT INTO outbound_documents (partner, kind, reference, canonical, origin, intake_key, resubmission_of, auto_resubmissions, state, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'STORED', $9)
     ON CONFLICT (partner, intake_key) DO NOTHING
     RETURNING ${columns}`,
    [
      document.partner,
      document.kind,
      document.reference ?? null,
      JSON.stringify(document.canonical),
      document.origin,
      document.intakeKey ?? null,
      document.resubmissionOf ?? null,
      document.autoResubmissions ?? 0,
      document.createdBy,
    ],
  );
  const row = inserted.rows[0];
  if (row) return { document: row, created: true };
  const existing = await db.query<OutboundDocument>(`SELECT ${columns} FROM outbound_documents WHERE partner = $1 AND intake_key = $2`, [document.partner, document.intakeKey]);
  return { document: existing.rows[0] as OutboundDocument, created: false };
}

export async function getOutboundDocument(db: Queryable, id: string): Promise<OutboundDocument | undefined> {
  if (!/^[1-9][0-9]{0,18}$/.test(id)) return undefined;
  const result = await db.query<OutboundDocument>(`SELECT ${columns} FROM outbound_documents WHERE id = $1`, [id]);
  return result.rows[0];
}

/** Locks the document's row for the rest of the transaction, with its rendered bytes. */
export async function lockOutboundDocument(db: Queryable, id: string): Promise<(OutboundDocument & { readonly content: Buffer | null }) | undefined> {
  if (!/^[1-9][0-9]{0,18}$/.test(id)) return undefined;
  const result = await db.query<OutboundDocument & { content: Buffer | null }>(`SELECT ${columns}, content FROM outbound_documents WHERE id = $1 FOR UPDATE`, [id]);
  return result.rows[0];
}

/** Locks several documents in the order of their ids, so that two transactions locking overlapping sets cannot deadlock. */
export async function lockOutboundDocuments(db: Queryable, ids: readonly string[]): Promise<Map<string, OutboundDocument>> {
  if (ids.length === 0) return new Map();
  const result = await db.query<OutboundDocument>(`SELECT ${columns} FROM outbound_documents WHERE id = ANY($1::bigint[]) ORDER BY outbound_documents.id FOR UPDATE`, [[...new Set(ids)]]);
  return new Map(result.rows.map((row) => [row.id, row]));
}

export interface OutboundFilter {
  readonly partner?: string | undefined;
  readonly state?: OutboundState | undefined;
  readonly reference?: string | undefined;
  /** Only documents with a smaller id (the next page after the last one shown). */
  readonly before?: string | undefined;
  readonly limit: number;
}

/** Newest first, filtered and paged in SQL. */
export async function listOutboundDocuments(db: Queryable, filter: OutboundFilter): Promise<OutboundDocument[]> {
  const result = await db.query<OutboundDocument>(
    `SELECT ${columns} FROM outbound_documents
      WHERE ($1::text IS NULL OR partner = $1) AND ($2::text IS NULL OR state = $2) AND ($3::text IS NULL OR reference = $3)
        AND ($4::bigint IS NULL OR id < $4)
      ORDER BY outbound_documents.id DESC LIMIT $5`,
    [filter.partner ?? null, filter.state ?? null, filter.reference ?? null, filter.before ?? null, filter.limit],
  );
  return result.rows;
}

/** Every document linked to this one by resubmission, before and after it, oldest first (the document itself included). */
export async function listResubmissionChain(db: Queryable, id: string): Promise<OutboundDocument[]> {
  const result = await db.query<OutboundDocument>(
    `WITH RECURSIVE back(id, resubmission_of) AS (
       SELECT id, resubmission_of FROM outbound_documents WHERE id = $1
       UNION ALL
       SELECT d.id, d.resubmission_of FROM outbound_documents d JOIN back b ON d.id = b.resubmission_of
     ), forth(id) AS (
       SELECT id FROM back WHERE resubmission_of IS NULL
       UNION ALL
       SELECT d.id FROM outbound_documents d JOIN forth f ON d.resubmission_of = f.id
     )
     SELECT ${columns} FROM outbound_documents WHERE id IN (SELECT id FROM forth) ORDER BY outbound_documents.id`,
    [id],
  );
  return result.rows;
}

export interface Rendering {
  readonly profileVersion: number;
  readonly standard: 'X12' | 'EDIFACT';
  readonly message: string;
  readonly functionalId: string | undefined;
  readonly interchangeControlNumber: string;
  readonly groupControlNumber: string | undefined;
  readonly setControlNumber: string;
  readonly content: Buffer;
  readonly transport: 'sftp-mailbox';
  readonly fileName: string;
}

export async function recordRendered(db: Queryable, id: string, rendering: Rendering): Promise<void> {
  await db.query(
    `UPDATE outbound_documents
        SET state = 'RENDERED', state_changed_at = now(), rendered_at = now(), profile_version = $2, standard = $3, message = $4, functional_id = $5,
            interchange_control_number = $6, group_control_number = $7, set_control_number = $8, content = $9, transport = $10, file_name = $11
      WHERE id = $1`,
    [
      id,
      rendering.profileVersion,
      rendering.standard,
      rendering.message,
      rendering.functionalId ?? null,
      rendering.interchangeControlNumber,
      rendering.groupControlNumber ?? null,
      rendering.setControlNumber,
      rendering.content,
      rendering.transport,
      rendering.fileName,
    ],
  );
}

/** The document cannot be rendered with the partner's profile: FAILED, with why. */
export async function recordRenderFailed(db: Queryable, id: string, profileVersion: number, reason: string): Promise<void> {
  await db.query(`UPDATE outbound_documents SET state = 'FAILED', state_changed_at = now(), profile_version = $2, reason = $3 WHERE id = $1`, [id, profileVersion, reason]);
}

/** In the partner's hands: AWAITING_ACK until `dueAt`, or DELIVERED when no acknowledgment is expected. */
export async function recordDelivered(db: Queryable, id: string, delivery: { readonly at: Date; readonly dueAt: Date | undefined }): Promise<void> {
  await db.query(
    `UPDATE outbound_documents SET state = CASE WHEN $3::timestamptz IS NULL THEN 'DELIVERED' ELSE 'AWAITING_ACK' END,
            state_changed_at = now(), delivered_at = $2, due_at = $3
      WHERE id = $1`,
    [id, delivery.at, delivery.dueAt ?? null],
  );
}

/** Settled by the partner's acknowledgment: its state, what it says is wrong (null when nothing), and which one it was. */
export async function recordAcknowledged(
  db: Queryable,
  id: string,
  settlement: { readonly state: OutboundState; readonly reason: string | null; readonly acknowledgmentId: string; readonly at: Date },
): Promise<void> {
  await db.query(
    `UPDATE outbound_documents SET state = $2, state_changed_at = now(), reason = $3, acknowledgment_id = $4, acknowledged_at = $5 WHERE id = $1`,
    [id, settlement.state, settlement.reason, settlement.acknowledgmentId, settlement.at],
  );
}

export async function setOutboundState(db: Queryable, id: string, state: OutboundState): Promise<void> {
  await db.query('UPDATE outbound_documents SET state = $2, state_changed_at = now() WHERE id = $1', [id, state]);
}

/** Ids of documents that have sat in `state` longer than `olderThanMs` (work whose job was lost), oldest first. */
export async function findStuckOutbound(db: Queryable, state: OutboundState, olderThanMs: number, limit: number): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `SELECT id::text FROM outbound_documents
      WHERE state = $1 AND state_changed_at < now() - make_interval(secs => $2 / 1000.0)
      ORDER BY state_changed_at LIMIT $3`,
    [state, olderThanMs, limit],
  );
  return result.rows.map((row) => row.id);
}

/**
 * Ids of documents RENDERED longer than `olderThanMs` whose partner's current profile has the SFTP mailbox
 * they are delivered through: those whose delivery job was lost. The others wait for one.
 */
export async function findStuckDeliveries(db: Queryable, olderThanMs: number, limit: number): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `SELECT d.id::text FROM outbound_documents d
       JOIN partner_profiles p ON p.partner = d.partner
       JOIN partner_profile_versions v ON v.partner = p.partner AND v.version = p.current_version
      WHERE d.state = 'RENDERED' AND d.state_changed_at < now() - make_interval(secs => $1 / 1000.0)
        AND v.profile #> '{transports,sftpMailbox}' IS NOT NULL
      ORDER BY d.state_changed_at LIMIT $2`,
    [olderThanMs, limit],
  );
  return result.rows.map((row) => row.id);
}

/** Ids of documents whose acknowledgment was due by `now` and has not come, most overdue first. */
export async function findOverdueDocuments(db: Queryable, now: Date, limit: number): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `SELECT id::text FROM outbound_documents WHERE state = 'AWAITING_ACK' AND due_at <= $1 ORDER BY due_at LIMIT $2`,
    [now, limit],
  );
  return result.rows.map((row) => row.id);
}

/** States in which a document is in the partner's hands, so that an acknowledgment may answer it. */
const DELIVERED_STATES = ['DELIVERED', 'AWAITING_ACK', 'ACCEPTED', 'ACCEPTED_WITH_ERRORS', 'REJECTED', 'OVERDUE', 'RESUBMITTED'];

/**
 * The delivered document of the partner's that went in the group with this control number (leading zeros
 * aside): one of the functional id the acknowledgment names first, as a partner may echo AK101 wrongly; the
 * latest, should the counter have gone round.
 */
export async function findDocumentByGroup(db: Queryable, partner: string, groupControlNumber: string, functionalId: string | undefined): Promise<string | undefined> {
  const result = await db.query<{ id: string }>(
    `SELECT id::text FROM outbound_documents
      WHERE partner = $1 AND ltrim(group_control_number, '0') = ltrim($2, '0') AND state = ANY($4)
      ORDER BY functional_id IS NOT DISTINCT FROM $3::text DESC, id DESC LIMIT 1`,
    [partner, groupControlNumber, functionalId ?? null, DELIVERED_STATES],
  );
  return result.rows[0]?.id;
}

/** The same for an interchange (EDIFACT: a CONTRL answers an interchange, and our interchanges have no groups). */
export async function findDocumentByInterchange(db: Queryable, partner: string, interchangeControlNumber: string): Promise<string | undefined> {
  const result = await db.query<{ id: string }>(
    `SELECT id::text FROM outbound_documents
      WHERE partner = $1 AND ltrim(interchange_control_number, '0') = ltrim($2, '0') AND state = ANY($3)
      ORDER BY outbound_documents.id DESC LIMIT 1`,
    [partner, interchangeControlNumber, DELIVERED_STATES],
  );
  return result.rows[0]?.id;
}

/** An acknowledgment set (997, 999 or CONTRL) of a received file, with what the parse step stored of its envelope. */
export interface AcknowledgmentSet {
  readonly id: string;
  readonly kind: ReceivedAcknowledgmentKind;
  readonly controlNumber: string;
  readonly start: number;
  readonly interchangeId: string;
  readonly interchangeStart: number;
  readonly interchangeEnd: number;
  readonly interchangeControlNumber: string;
}

// Written out rather than passed, so that the planner can use the partial index of migration 0015.
const ACKNOWLEDGMENT_MESSAGES = `s.message_type IN ('997', '999', 'CONTRL')`;

/**
 * The acknowledgment sets of a file that validation accepted and that are not reconciled yet, in file order.
 * A set the acknowledge step rejected (broken, or in an interchange held as a duplicate) is not read.
 */
export async function listUnreconciledAcknowledgments(db: Queryable, fileId: string): Promise<AcknowledgmentSet[]> {
  const result = await db.query<AcknowledgmentSet>(
    `SELECT s.id::text, s.message_type AS kind, s.control_number AS "controlNumber", s.start_offset::float8 AS start, i.id::text AS "interchangeId",
            i.start_offset::float8 AS "interchangeStart", i.end_offset::float8 AS "interchangeEnd", i.control_number AS "interchangeControlNumber"
       FROM transaction_sets s JOIN interchanges i ON i.id = s.interchange_id
      WHERE i.file_id = $1 AND ${ACKNOWLEDGMENT_MESSAGES} AND s.state NOT IN ('PARSED', 'REJECTED')
        AND NOT EXISTS (SELECT 1 FROM acknowledgments_in a WHERE a.set_id = s.id)
      ORDER BY s.start_offset`,
    [fileId],
  );
  return result.rows;
}

/** Whether the file holds acknowledgment sets validation accepted, so that the reconcile step has work. */
export async function holdsAcknowledgments(db: Queryable, fileId: string): Promise<boolean> {
  const result = await db.query(
    `SELECT 1 FROM transaction_sets s JOIN interchanges i ON i.id = s.interchange_id
      WHERE i.file_id = $1 AND ${ACKNOWLEDGMENT_MESSAGES} AND s.state NOT IN ('PARSED', 'REJECTED') LIMIT 1`,
    [fileId],
  );
  return (result.rowCount ?? 0) > 0;
}

/** Files holding accepted acknowledgment sets left unreconciled longer than `olderThanMs` (their job was lost). */
export async function findFilesWithUnreconciledAcknowledgments(db: Queryable, olderThanMs: number, limit: number): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `SELECT DISTINCT i.file_id::text AS id
       FROM transaction_sets s JOIN interchanges i ON i.id = s.interchange_id
      WHERE ${ACKNOWLEDGMENT_MESSAGES} AND s.state NOT IN ('PARSED', 'REJECTED')
        AND s.state_changed_at < now() - make_interval(secs => $1 / 1000.0)
        AND NOT EXISTS (SELECT 1 FROM acknowledgments_in a WHERE a.set_id = s.id)
      LIMIT $2`,
    [olderThanMs, limit],
  );
  return result.rows.map((row) => row.id);
}

export interface NewReceivedAcknowledgment {
  readonly setId: string;
  readonly fileId: string;
  readonly partner: string;
  readonly kind: ReceivedAcknowledgmentKind;
  readonly controlNumber: string;
  readonly outcome: 'settled' | 'duplicate' | 'unmatched';
  readonly documentId: string | undefined;
  readonly functionalAck: unknown;
}

export async function insertReceivedAcknowledgment(db: Queryable, acknowledgment: NewReceivedAcknowledgment): Promise<string> {
  const result = await db.query<{ id: string }>(
    `INSERT INTO acknowledgments_in (set_id, file_id, partner, kind, control_number, outcome, document_id, functional_ack)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text`,
    [
      acknowledgment.setId,
      acknowledgment.fileId,
      acknowledgment.partner,
      acknowledgment.kind,
      acknowledgment.controlNumber,
      acknowledgment.outcome,
      acknowledgment.documentId ?? null,
      acknowledgment.functionalAck === undefined ? null : JSON.stringify(acknowledgment.functionalAck),
    ],
  );
  return (result.rows[0] as { id: string }).id;
}

export interface ReceivedAcknowledgment {
  readonly id: string;
  readonly fileId: string;
  readonly kind: ReceivedAcknowledgmentKind;
  readonly controlNumber: string;
  readonly outcome: 'settled' | 'duplicate' | 'unmatched';
  readonly reconciledAt: Date;
}

/** The acknowledgments received about a document, oldest first: the one that settled it and any duplicates. */
export async function listAcknowledgmentsOfDocument(db: Queryable, documentId: string): Promise<ReceivedAcknowledgment[]> {
  const result = await db.query<ReceivedAcknowledgment>(
    `SELECT id::text, file_id::text AS "fileId", kind, control_number AS "controlNumber", outcome, reconciled_at AS "reconciledAt"
       FROM acknowledgments_in WHERE document_id = $1 ORDER BY acknowledgments_in.id`,
    [documentId],
  );
  return result.rows;
}

/** Ids of the OPEN exceptions about a document with one of these codes. */
export async function openExceptionsOfDocument(db: Queryable, documentId: string, codes: readonly string[]): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `SELECT id::text FROM exceptions WHERE document_id = $1 AND state = 'OPEN' AND code = ANY($2) ORDER BY exceptions.id`,
    [documentId, [...codes]],
  );
  return result.rows.map((row) => row.id);
}
