-- The documents we send partners, from the canonical document they came in as to the acknowledgment that
-- settles them. A row is written STORED with the canonical JSON; the render step adds the bytes, the control
-- numbers they were given and the name they are delivered under (the delivery's idempotency key) in the
-- transaction that makes it RENDERED, so every later delivery attempt sends exactly those bytes under that
-- name. States and their transitions are in gateway/pipeline/states.ts (DocumentState).
CREATE TABLE outbound_documents (
  id                         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  partner                    text        NOT NULL REFERENCES partner_profiles (partner),
  kind                       text        NOT NULL CHECK (kind IN ('order', 'ship-notice', 'shipment-status', 'invoice')),
  -- What support searches by: the order, shipment or invoice number the document carries.
  reference                  text,
  canonical                  jsonb       NOT NULL,
  -- Where it came from: a command, the API, the Odoo poller, or a resubmission of another document.
  origin                     text        NOT NULL CHECK (origin IN ('cli', 'api', 'odoo', 'resubmission')),
  -- The caller's key for this send: the same key again, for the same partner, gives back this document instead of a second one.
  intake_key                 text,
  -- The document this one sends again (new control numbers, same canonical document); each is sent again once at most.
  resubmission_of            bigint      UNIQUE REFERENCES outbound_documents (id),
  -- Resubmissions the partner's policy made in a row before this one; a person resubmitting starts again at 0.
  auto_resubmissions         integer     NOT NULL DEFAULT 0 CHECK (auto_resubmissions >= 0),
  state                      text        NOT NULL CHECK (state IN ('STORED', 'RENDERED', 'FAILED', 'DELIVERED', 'AWAITING_ACK', 'ACCEPTED',
                                                                   'ACCEPTED_WITH_ERRORS', 'REJECTED', 'OVERDUE', 'RESUBMITTED')),
  -- Written by the render step.
  profile_version            integer,
  standard                   text        CHECK (standard IN ('X12', 'EDIFACT')),
  -- 856, DESADV ...; GS01 (SH, IN ...) for X12.
  message                    text,
  functional_id              text,
  -- ISA13 / UNB 0020, GS06 (none in EDIFACT: we write no UNG), ST02 / UNH 0062, as written.
  interchange_control_number text,
  group_control_number       text,
  set_control_number         text,
  content                    bytea,
  -- The delivery intent: the partner's transport and the name the bytes go under there.
  transport                  text        CHECK (transport IN ('sftp-mailbox')),
  file_name                  text,
  -- Why it could not be rendered (FAILED), or what the partner's acknowledgment says is wrong with it.
  reason                     text,
  rendered_at                timestamptz,
  delivered_at               timestamptz,
  -- When the partner's acknowledgment is due; null when the partner sends none.
  due_at                     timestamptz,
  acknowledged_at            timestamptz,
  created_by                 text        NOT NULL CHECK (created_by <> ''),
  created_at                 timestamptz NOT NULL DEFAULT now(),
  state_changed_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (state IN ('STORED', 'FAILED') OR (content IS NOT NULL AND file_name IS NOT NULL AND interchange_control_number IS NOT NULL)),
  CHECK (state <> 'AWAITING_ACK' OR due_at IS NOT NULL),
  UNIQUE (partner, intake_key)
);

CREATE INDEX outbound_documents_partner_idx ON outbound_documents (partner, id DESC);
CREATE INDEX outbound_documents_reference_idx ON outbound_documents (reference, id DESC);
CREATE INDEX outbound_documents_state_idx ON outbound_documents (state, state_changed_at);
CREATE INDEX outbound_documents_due_idx ON outbound_documents (due_at) WHERE state = 'AWAITING_ACK';
-- Acknowledgments name our groups (X12) and interchanges (EDIFACT) by number, with or without leading zeros.
CREATE INDEX outbound_documents_group_idx ON outbound_documents (partner, ltrim(group_control_number, '0')) WHERE group_control_number IS NOT NULL;
CREATE INDEX outbound_documents_interchange_idx ON outbound_documents (partner, ltrim(interchange_control_number, '0')) WHERE interchange_control_number IS NOT NULL;

-- The acknowledgments partners sent us (997, 999, CONTRL), one row per transaction set or message, written by
-- the reconcile step in the transaction that settles the document it answers: the unique set makes a second
-- reconciliation of the same set impossible.
CREATE TABLE acknowledgments_in (
  id                   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  set_id               bigint      NOT NULL UNIQUE REFERENCES transaction_sets (id),
  file_id              bigint      NOT NULL REFERENCES received_files (id),
  partner              text        NOT NULL,
  kind                 text        NOT NULL CHECK (kind IN ('997', '999', 'CONTRL')),
  -- ISA13 / UNB 0020 of the interchange it came in.
  control_number       text        NOT NULL,
  -- settled: it settled document_id; duplicate: document_id was settled before; unmatched: it answers nothing
  -- we sent (or could not be read), and an exception says so.
  outcome              text        NOT NULL CHECK (outcome IN ('settled', 'duplicate', 'unmatched')),
  document_id          bigint      REFERENCES outbound_documents (id),
  -- The acknowledgment as read: a canonical FunctionalAck; null when it could not be read.
  functional_ack       jsonb,
  reconciled_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((outcome = 'unmatched') = (document_id IS NULL))
);

CREATE INDEX acknowledgments_in_file_idx ON acknowledgments_in (file_id);
-- The sweep's search for acknowledgment sets still to reconcile.
CREATE INDEX transaction_sets_acknowledgment_idx ON transaction_sets (state_changed_at) WHERE message_type IN ('997', '999', 'CONTRL');
CREATE INDEX acknowledgments_in_document_idx ON acknowledgments_in (document_id);

ALTER TABLE outbound_documents ADD COLUMN acknowledgment_id bigint REFERENCES acknowledgments_in (id);
