import type { Queryable } from '../pool.js';
import type { EventRow } from './events.js';

// Every event of a document, from its arrival to its acknowledgment, oldest first, from the events table's
// (entity, entity_id) index. A document made from what a partner sent (the documents table) records its
// events as 'inbound-document', one we send (outbound_documents) as 'document'.

/** A received set's timeline: its file's events, its own, its document's on the way to Odoo, and its exceptions'. */
export async function inboundTimeline(db: Queryable, target: { readonly fileId: string; readonly setId: string; readonly documentId: string | null }): Promise<EventRow[]> {
  const result = await db.query<EventRow>(
    `SELECT id::text, entity, entity_id AS "entityId", type, details, actor, at FROM events
      WHERE (entity = 'file' AND entity_id = $1)
         OR (entity = 'set' AND entity_id = $2)
         OR (entity = 'inbound-document' AND entity_id = $3)
         OR (entity = 'exception' AND entity_id IN (SELECT id::text FROM exceptions WHERE set_id = $2::bigint))
      ORDER BY at, id`,
    [target.fileId, target.setId, target.documentId ?? ''],
  );
  return result.rows;
}

/** An outbound document's timeline: its events and those of every attempt linked to it by resubmission (`ids`). */
export async function outboundTimeline(db: Queryable, ids: readonly string[]): Promise<EventRow[]> {
  const result = await db.query<EventRow>(
    `SELECT id::text, entity, entity_id AS "entityId", type, details, actor, at FROM events
      WHERE entity = 'document' AND entity_id = ANY($1)
      ORDER BY at, id`,
    [[...ids]],
  );
  return result.rows;
}
