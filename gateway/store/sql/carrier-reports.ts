import type { ShipmentStatus } from '../../../translators/canonical/index.js';
import type { Queryable } from '../pool.js';

// Carriers' status reports synced to our deliveries (migration 0025): the ones saying the goods were
// delivered, which the Odoo poller relays to the delivery's customer.

type StatusEvent = ShipmentStatus['events'][number];

export interface DeliveredReport {
  readonly documentId: string;
  /** The delivery it was synced to, as the sync port names it: WH/OUT/00012. */
  readonly delivery: string;
  /** When it was synced, UTC, to the microsecond: "2026-03-01 12:00:05.123456". */
  readonly syncedAt: string;
}

const DELIVERED = `jsonb_path_exists(d.canonical, '$.events[*] ? (@.status == "delivered")')`;

/** Reports saying "delivered" synced after the point given (a time, and the last document read at it), oldest first. */
export async function deliveredReportsAfter(db: Queryable, after: { readonly syncedAt: string; readonly documentId: string } | undefined, limit: number): Promise<DeliveredReport[]> {
  const result = await db.query<DeliveredReport>(
    `SELECT d.id::text AS "documentId", d.sync_reference AS delivery,
            to_char(d.state_changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS "syncedAt"
       FROM documents d
      WHERE d.direction = 'inbound' AND d.kind = 'ShipmentStatus' AND d.state = 'SYNCED' AND d.sync_reference IS NOT NULL
        AND ($1::timestamp IS NULL OR (d.state_changed_at, d.id) > ($1::timestamp AT TIME ZONE 'UTC', $2::bigint))
        AND ${DELIVERED}
      ORDER BY d.state_changed_at, d.id
      LIMIT $3`,
    [after?.syncedAt ?? null, after?.documentId ?? '0', limit],
  );
  return result.rows;
}

/** The first delivered milestone a carrier reported for the delivery, as the carrier told it; undefined when none did. */
export async function deliveredMilestone(db: Queryable, delivery: string): Promise<StatusEvent | undefined> {
  const result = await db.query<{ event: StatusEvent }>(
    `SELECT e.event
       FROM documents d, jsonb_array_elements(d.canonical -> 'events') AS e(event)
      WHERE d.direction = 'inbound' AND d.kind = 'ShipmentStatus' AND d.state = 'SYNCED' AND d.sync_reference = $1
        AND e.event ->> 'status' = 'delivered'
      ORDER BY d.id
      LIMIT 1`,
    [delivery],
  );
  return result.rows[0]?.event;
}
