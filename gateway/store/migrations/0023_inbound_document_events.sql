-- The events of a document made from what a partner sent (the documents table) were written under the entity
-- 'document', as are those of a document we send (outbound_documents): each by its own table's id, so the two
-- documents numbered 7 shared one history. They get an entity of their own. Events are append-only; this
-- relabelling is the one change made to them, by the schema itself, before anything reads them by entity.
ALTER TABLE events DISABLE TRIGGER events_append_only;

UPDATE events SET entity = 'inbound-document'
 WHERE entity = 'document'
   AND type IN ('document.translated', 'document.sync-started', 'document.synced', 'document.sync-deferred', 'document.sync-failed');

ALTER TABLE events ENABLE TRIGGER events_append_only;
