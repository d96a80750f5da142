-- How far the Odoo poller has read each model of each Odoo connection: the write_date of the last records
-- it turned into documents (Odoo's own "YYYY-MM-DD HH:MM:SS", UTC, kept as Odoo wrote it so that it goes back
-- into a domain unchanged), and the ids of those records at exactly that instant. Odoo gives write_date to
-- the second, so several records can share it; the next poll reads from that same second again and leaves
-- out only the ids listed here, so a record saved later within the same second is not lost.
CREATE TABLE odoo_watermarks (
  connection   text        NOT NULL,
  model        text        NOT NULL,
  write_date   text        NOT NULL,
  ids_at_mark  integer[]   NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection, model)
);

-- Odoo records the poller found and sent nothing for, and why (no partner profile takes the document): one
-- row per record and document, so the reason is recorded once however often the record changes.
CREATE TABLE odoo_skipped_records (
  connection   text        NOT NULL,
  model        text        NOT NULL,
  record_id    integer     NOT NULL,
  document     text        NOT NULL,
  reason       text        NOT NULL,
  skipped_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection, model, record_id, document)
);
