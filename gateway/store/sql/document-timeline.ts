import type { Queryable } from '../pool.js';
import type { EventRow } from './events.js';

// Every event of a document, from its arrival to its acknowledgment, oldest first, from the events table's
// (entity, entity_id) index. Inbound documents (the documents table) and outbound ones (outbound_documents)
// both record their events under the entity 'document', each by its own table's id: the event types tell
// them apart.

/** What happens to a canonical document made from what a partner sent; every other document event is of one we send. */
const INBOUND_DOCUMENT_EVENTS = ['document.translated', 'document.sync-started', 'document.synced', 'document.sync-deferred', 'document.sync-failed'];

/** A received set's timeline: its file's events, its own, its document's on the way to Odoo, and its exceptions'. */
export async function inboundTimeline(db: Queryable, target: { readonly fileId: string; readonly setId: string; readonly documentId: string | null }): Promise<EventRow[]> {
  const result = await db.query<EventRow>(
    `SELECT id::text, entity, entity_id AS "entityId", type, details, actor, at FROM events
      WHERE (entity = 'file' AND entity_id = $1)
         OR (entity = 'set' AND entity_id = $2)
         OR (entity = 'document' AND entity_id = $3 AND type = ANY($4))
         OR (entity = 'exception' AND entity_id IN (SELECT id::text FROM exceptions WHERE set_id = $2::bigint))
      ORDER BY at, id`,
    [target.fileId, target.setId, target.documentId ?? '', INBOUND_DOCUMENT_EVENTS],
  );
  return result.rows;
}

/** An outbound document's timeline: its events and those of every attempt linked to it by resubmission (`ids`). */
export async function outboundTimeline(db: Queryable, ids: readonly string[]): Promise<EventRow[]> {
  const result = await db.query<EventRow>(
    `SELECT id::text, entity, entity_id AS "entityId", type, details, actor, at FROM events
      WHERE entity = 'document' AND entity_id = ANY($1) AND NOT (type = ANY($2))
      ORDER BY at, id`,
    [[...ids], INBOUND_DOCUMENT_EVENTS],
  );
  return result.rows;
}
