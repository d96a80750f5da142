import type { OutboundState } from '../../pipeline/states.js';
import type { Queryable } from '../pool.js';
import { withReference } from './business-references.js';
import type { OutboundKind, ReceivedAcknowledgmentKind } from './outbound-documents.js';

// The documents we sent that expect (or got) the partner's acknowledgment, as the dashboard searches them:
// every filter and the page in SQL, each on an index of migration 0021 (business references, control
// numbers, partner and day sent, kind, state), newest first.

/** Where a document stands with its acknowledgment, as support says it. */
export const acknowledgmentStatuses = ['pending', 'overdue', 'accepted', 'accepted-with-errors', 'rejected', 'resubmitted'] as const;
export type AcknowledgmentStatus = (typeof acknowledgmentStatuses)[number];

export interface AcknowledgmentSearch {
  readonly partner?: string | undefined;
  readonly kind?: OutboundKind | undefined;
  readonly status?: AcknowledgmentStatus | undefined;
  /** The document's own reference or a purchase order number it carries, exactly. */
  readonly reference?: string | undefined;
  /** An interchange, group or set control number, leading zeros aside. */
  readonly controlNumber?: string | undefined;
  /** First and last day sent (YYYY-MM-DD), as days of `timeZone`. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly timeZone: string;
  /** What "overdue" is measured against. */
  readonly now: Date;
  readonly beforeId?: string | undefined;
  readonly limit: number;
}

export interface AcknowledgmentRow {
  readonly id: string;
  readonly partner: string;
  readonly kind: OutboundKind;
  readonly message: string | null;
  readonly reference: string | null;
  /** Every business number it is known by (its reference and the purchase orders it carries). */
  readonly references: readonly string[];
  readonly state: OutboundState;
  readonly status: AcknowledgmentStatus | null;
  readonly interchangeControlNumber: string | null;
  readonly groupControlNumber: string | null;
  readonly setControlNumber: string | null;
  readonly fileName: string | null;
  readonly reason: string | null;
  readonly createdAt: Date;
  readonly deliveredAt: Date | null;
  readonly dueAt: Date | null;
  readonly acknowledgedAt: Date | null;
  readonly acknowledgmentKind: ReceivedAcknowledgmentKind | null;
  readonly resubmittedAs: string | null;
}

/** The status a document's state and due time amount to, in SQL; null for those not in the partner's hands. */
const STATUS = `CASE
    WHEN d.state = 'AWAITING_ACK' AND d.due_at <= $9 THEN 'overdue'
    WHEN d.state = 'AWAITING_ACK' THEN 'pending'
    WHEN d.state = 'OVERDUE' THEN 'overdue'
    WHEN d.state = 'ACCEPTED' THEN 'accepted'
    WHEN d.state = 'ACCEPTED_WITH_ERRORS' THEN 'accepted-with-errors'
    WHEN d.state = 'REJECTED' THEN 'rejected'
    WHEN d.state = 'RESUBMITTED' THEN 'resubmitted'
  END`;

/** The states a status is found in (on their index); pending and overdue are told apart by the due time. */
const statusStates: Readonly<Record<AcknowledgmentStatus, readonly OutboundState[]>> = {
  pending: ['AWAITING_ACK'],
  overdue: ['AWAITING_ACK', 'OVERDUE'],
  accepted: ['ACCEPTED'],
  'accepted-with-errors': ['ACCEPTED_WITH_ERRORS'],
  rejected: ['REJECTED'],
  resubmitted: ['RESUBMITTED'],
};

/** Newest first. */
export async function searchAcknowledgments(db: Queryable, search: AcknowledgmentSearch): Promise<AcknowledgmentRow[]> {
  const result = await db.query<AcknowledgmentRow>(
    `SELECT d.id::text, d.partner, d.kind, d.message, d.reference, business_references(d.reference, d.canonical) AS "references", d.state, ${STATUS} AS status,
            d.interchange_control_number AS "interchangeControlNumber", d.group_control_number AS "groupControlNumber",
            d.set_control_number AS "setControlNumber", d.file_name AS "fileName", d.reason, d.created_at AS "createdAt",
            d.delivered_at AS "deliveredAt", d.due_at AS "dueAt", d.acknowledged_at AS "acknowledgedAt", a.kind AS "acknowledgmentKind",
            (SELECT r.id::text FROM outbound_documents r WHERE r.resubmission_of = d.id) AS "resubmittedAs"
       FROM outbound_documents d LEFT JOIN acknowledgments_in a ON a.id = d.acknowledgment_id
      WHERE (d.due_at IS NOT NULL OR d.acknowledgment_id IS NOT NULL)
        AND ($1::text IS NULL OR d.partner = $1)
        AND ($2::text IS NULL OR d.kind = $2)
        AND ($3::text[] IS NULL OR d.state = ANY($3))
        AND ($12::text IS NULL OR ($12 = 'pending' AND d.due_at > $9) OR ($12 = 'overdue' AND (d.state = 'OVERDUE' OR d.due_at <= $9)))
        AND ($4::text IS NULL OR d.id = ANY(${withReference('outbound_documents', '$4')}))
        AND ($5::text IS NULL OR ltrim(d.interchange_control_number, '0') = $5 OR ltrim(d.group_control_number, '0') = $5
             OR ltrim(d.set_control_number, '0') = $5)
        AND ($6::date IS NULL OR d.created_at >= ($6::date::timestamp AT TIME ZONE $8))
        AND ($7::date IS NULL OR d.created_at < (($7::date + 1)::timestamp AT TIME ZONE $8))
        AND ($10::bigint IS NULL OR d.id < $10)
      ORDER BY d.id DESC
      LIMIT $11`,
    [
      search.partner ?? null,
      search.kind ?? null,
      search.status === undefined ? null : statusStates[search.status],
      search.reference ?? null,
      search.controlNumber === undefined ? null : withoutLeadingZeros(search.controlNumber),
      search.from ?? null,
      search.to ?? null,
      search.timeZone,
      search.now,
      search.beforeId ?? null,
      search.limit,
      search.status === 'pending' || search.status === 'overdue' ? search.status : null,
    ],
  );
  return result.rows;
}

/** A control number as the indexes hold it: 000000042 and 42 are the same number. */
export function withoutLeadingZeros(number: string): string {
  return number.trim().replace(/^0+/, '');
}

/** What the overview counts: documents the partner rejected and acknowledgments past due, as the list's statuses count them. */
export async function countAcknowledgmentTrouble(db: Queryable, now: Date): Promise<{ readonly rejected: number; readonly overdue: number }> {
  const result = await db.query<{ rejected: number; overdue: number }>(
    `SELECT (SELECT count(*)::int FROM outbound_documents WHERE state = 'REJECTED') AS rejected,
            (SELECT count(*)::int FROM outbound_documents WHERE state = 'OVERDUE' OR (state = 'AWAITING_ACK' AND due_at <= $1)) AS overdue`,
    [now],
  );
  return result.rows[0] as { rejected: number; overdue: number };
}
