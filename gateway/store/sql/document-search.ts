import type { Queryable } from '../pool.js';
import { withoutLeadingZeros } from './acknowledgment-search.js';
import { withReference } from './business-references.js';
import { likeEscaped } from './file-search.js';

// Documents as the dashboard searches them, both ways: inbound, every transaction set (message) of the files
// partners sent, with the canonical document it became when it got that far; outbound, the documents we sent.
// Every filter and the page in SQL, each on an index of migration 0021, newest first.

export type Direction = 'inbound' | 'outbound';

export interface DocumentSearch {
  readonly direction?: Direction | undefined;
  readonly partner?: string | undefined;
  /** The document's own reference or a purchase order number it carries, exactly. */
  readonly reference?: string | undefined;
  /** An interchange, group or set control number, leading zeros aside. */
  readonly controlNumber?: string | undefined;
  /** The name of the file it came in or went out as starts with this, in any case. */
  readonly fileNamePrefix?: string | undefined;
  /** First and last day received or sent (YYYY-MM-DD), as days of `timeZone`. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly timeZone: string;
  readonly offset: number;
  readonly limit: number;
}

export interface FoundDocument {
  readonly direction: Direction;
  /** The transaction set's id (inbound) or the outbound document's. */
  readonly id: string;
  readonly partner: string;
  /** 850, DESADV ...; null for an outbound document not rendered yet. */
  readonly message: string | null;
  readonly reference: string | null;
  readonly state: string;
  /** When the file came in, or when the document was stored to be sent. */
  readonly at: Date;
  readonly fileName: string | null;
  readonly interchangeControlNumber: string | null;
  readonly groupControlNumber: string | null;
  readonly setControlNumber: string | null;
}

/** Newest first; the same moment inbound before outbound, then by id. */
export async function searchDocuments(db: Queryable, search: DocumentSearch): Promise<FoundDocument[]> {
  const params = [
    search.partner ?? null,
    search.reference ?? null,
    search.controlNumber === undefined ? null : withoutLeadingZeros(search.controlNumber),
    search.fileNamePrefix === undefined ? null : `${likeEscaped(search.fileNamePrefix.toLowerCase())}%`,
    search.from ?? null,
    search.to ?? null,
    search.timeZone,
    search.offset + search.limit,
    search.offset,
    search.limit,
  ];
  const inbound = `(SELECT 'inbound' AS direction, s.id, f.partner, s.message_type AS message, d.reference, s.state, f.received_at AS at,
            f.original_name AS "fileName", i.control_number AS "interchangeControlNumber", g.control_number AS "groupControlNumber",
            s.control_number AS "setControlNumber"
       FROM transaction_sets s JOIN interchanges i ON i.id = s.interchange_id JOIN received_files f ON f.id = i.file_id
            LEFT JOIN functional_groups g ON g.id = s.group_id LEFT JOIN documents d ON d.set_id = s.id
      WHERE ($1::text IS NULL OR f.partner = $1)
        AND ($2::text IS NULL OR d.id = ANY(${withReference('documents', '$2')}))
        AND ($3::text IS NULL OR ltrim(i.control_number, '0') = $3 OR ltrim(g.control_number, '0') = $3 OR ltrim(s.control_number, '0') = $3)
        AND ($4::text IS NULL OR lower(f.original_name) LIKE $4)
        AND ($5::date IS NULL OR f.received_at >= ($5::date::timestamp AT TIME ZONE $7))
        AND ($6::date IS NULL OR f.received_at < (($6::date + 1)::timestamp AT TIME ZONE $7))
      ORDER BY f.received_at DESC, s.id DESC LIMIT $8)`;
  const outbound = `(SELECT 'outbound' AS direction, o.id, o.partner, o.message, o.reference, o.state, o.created_at AS at,
            o.file_name AS "fileName", o.interchange_control_number AS "interchangeControlNumber",
            o.group_control_number AS "groupControlNumber", o.set_control_number AS "setControlNumber"
       FROM outbound_documents o
      WHERE ($1::text IS NULL OR o.partner = $1)
        AND ($2::text IS NULL OR o.id = ANY(${withReference('outbound_documents', '$2')}))
        AND ($3::text IS NULL OR ltrim(o.interchange_control_number, '0') = $3 OR ltrim(o.group_control_number, '0') = $3
             OR ltrim(o.set_control_number, '0') = $3)
        AND ($4::text IS NULL OR lower(o.file_name) LIKE $4)
        AND ($5::date IS NULL OR o.created_at >= ($5::date::timestamp AT TIME ZONE $7))
        AND ($6::date IS NULL OR o.created_at < (($6::date + 1)::timestamp AT TIME ZONE $7))
      ORDER BY o.created_at DESC, o.id DESC LIMIT $8)`;
  const branches = search.direction === 'inbound' ? [inbound] : search.direction === 'outbound' ? [outbound] : [inbound, outbound];
  const result = await db.query<Omit<FoundDocument, 'id'> & { id: string }>(
    `SELECT direction, id::text, partner, message, reference, state, at, "fileName", "interchangeControlNumber", "groupControlNumber", "setControlNumber"
       FROM (${branches.join(' UNION ALL ')}) found
      ORDER BY at DESC, direction, id DESC
      OFFSET $9 LIMIT $10`,
    params,
  );
  return result.rows;
}

/** A transaction set (message) a partner sent, with what became of it: where it is in its file, and its document. */
export interface InboundSet {
  readonly id: string;
  readonly partner: string;
  readonly standard: 'X12' | 'EDIFACT';
  readonly message: string;
  readonly state: string;
  readonly fileId: string;
  readonly fileName: string;
  readonly receivedAt: Date;
  readonly interchangeControlNumber: string;
  readonly groupControlNumber: string | null;
  readonly setControlNumber: string;
  /** The interchange the set came in, as the partner wrote it: the bytes from its header to its trailer. */
  readonly interchange: Buffer;
  /** Where the interchange starts in its file: diagnostics give file offsets. */
  readonly interchangeStart: number;
  readonly setStart: number;
  readonly setEnd: number;
  /** What validation found in it, as the validator wrote it (translators/diagnostic.ts). */
  readonly diagnostics: readonly Record<string, unknown>[];
  readonly documentId: string | null;
  readonly reference: string | null;
  readonly canonical: Record<string, unknown> | null;
  readonly documentState: string | null;
  /** The record it became in the system of record (Odoo), as the sync port names it. */
  readonly syncReference: string | null;
}

export async function getInboundSet(db: Queryable, id: string): Promise<InboundSet | undefined> {
  if (!/^[1-9][0-9]{0,18}$/.test(id)) return undefined;
  const result = await db.query<InboundSet>(
    `SELECT s.id::text, i.partner, i.standard, s.message_type AS message, s.state, f.id::text AS "fileId", f.original_name AS "fileName",
            f.received_at AS "receivedAt", i.control_number AS "interchangeControlNumber", g.control_number AS "groupControlNumber",
            s.control_number AS "setControlNumber", substring(f.content FROM i.start_offset::int + 1 FOR (i.end_offset - i.start_offset)::int) AS interchange,
            i.start_offset::float8 AS "interchangeStart", s.start_offset::float8 AS "setStart", s.end_offset::float8 AS "setEnd",
            COALESCE(s.diagnostics, '[]'::jsonb) AS diagnostics, d.id::text AS "documentId", d.reference, d.canonical,
            d.state AS "documentState", d.sync_reference AS "syncReference"
       FROM transaction_sets s JOIN interchanges i ON i.id = s.interchange_id JOIN received_files f ON f.id = i.file_id
            LEFT JOIN functional_groups g ON g.id = s.group_id LEFT JOIN documents d ON d.set_id = s.id
      WHERE s.id = $1`,
    [id],
  );
  return result.rows[0];
}

/** The partner's acknowledgment that settled an outbound document, as read. */
export async function getSettlingAcknowledgment(
  db: Queryable,
  acknowledgmentId: string,
): Promise<{ readonly kind: string; readonly fileId: string; readonly functionalAck: Record<string, unknown> | null } | undefined> {
  const result = await db.query<{ kind: string; fileId: string; functionalAck: Record<string, unknown> | null }>(
    `SELECT kind, file_id::text AS "fileId", functional_ack AS "functionalAck" FROM acknowledgments_in WHERE id = $1`,
    [acknowledgmentId],
  );
  return result.rows[0];
}

/** The outbound document's rendered bytes; null before it was rendered. */
export async function getOutboundContent(db: Queryable, id: string): Promise<Buffer | null> {
  const result = await db.query<{ content: Buffer | null }>('SELECT content FROM outbound_documents WHERE id = $1', [id]);
  return result.rows[0]?.content ?? null;
}
