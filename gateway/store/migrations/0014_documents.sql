-- The canonical documents (Order, ShipNotice, ShipmentStatus, Invoice, FunctionalAck) made from what partners
-- sent, each linked to the file and transaction set (message) it was read from, and on its way to the system
-- of record (Odoo). Written by the translate step in the transaction that moves its set to TRANSLATED; the
-- unique set_id makes a second document for one set impossible.
CREATE TABLE documents (
  id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  direction        text        NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  kind             text        NOT NULL CHECK (kind IN ('Order', 'ShipNotice', 'ShipmentStatus', 'Invoice', 'FunctionalAck')),
  partner          text        NOT NULL,
  -- What support searches by: the purchase order, shipment or invoice number, when the document has one.
  reference        text,
  canonical        jsonb       NOT NULL,
  file_id          bigint      REFERENCES received_files (id),
  set_id           bigint      UNIQUE REFERENCES transaction_sets (id),
  -- The version of the partner's profile whose options it was translated with.
  profile_version  integer,
  state            text        NOT NULL,
  state_changed_at timestamptz NOT NULL DEFAULT now(),
  -- The fencing token: the number of the latest sync attempt started. An attempt writes its outcome only while
  -- it is still the latest, so one that outlived its lease cannot overwrite a newer attempt's result.
  sync_attempt     integer     NOT NULL DEFAULT 0 CHECK (sync_attempt >= 0),
  -- Attempts deferred in a row ('retry-later'): the backoff grows with them, and the last allowed opens an exception.
  sync_deferrals   integer     NOT NULL DEFAULT 0 CHECK (sync_deferrals >= 0),
  -- TRANSLATED: when a deferred attempt is due. SYNCING: when the running attempt's lease ends and another
  -- may take over. The sweep nudges documents whose time has passed.
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  -- The record it became in the system of record, as the sync port names it.
  sync_reference   text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (direction <> 'inbound' OR (file_id IS NOT NULL AND set_id IS NOT NULL))
);

CREATE INDEX documents_file_idx ON documents (file_id);
CREATE INDEX documents_due_idx ON documents (next_attempt_at) WHERE state IN ('TRANSLATED', 'SYNCING');
CREATE INDEX documents_reference_idx ON documents (partner, reference);

-- Every sync attempt, recorded as an intent in the transaction that marks its document SYNCING, before the
-- sync port is called; its outcome is written once the port answered, if the attempt is still the latest.
-- The idempotency key is the document's, the same for every attempt: the system of record finds what an
-- earlier attempt made (one that died after the call) instead of making it twice.
CREATE TABLE sync_intents (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id     bigint      NOT NULL REFERENCES documents (id),
  attempt         integer     NOT NULL CHECK (attempt > 0),
  idempotency_key text        NOT NULL,
  started_by      text        NOT NULL,
  started_at      timestamptz NOT NULL DEFAULT now(),
  outcome         text        CHECK (outcome IN ('synced', 'refused', 'retry-later')),
  reference       text,
  code            text,
  message         text,
  finished_at     timestamptz,
  UNIQUE (document_id, attempt)
);

-- The sweep's search for sets still to translate.
CREATE INDEX transaction_sets_accepted_idx ON transaction_sets (state_changed_at) WHERE state = 'ACCEPTED';
