-- What support was alerted about (overdue or rejected acknowledgments, quarantined files, exceptions), one
-- row per occurrence. The row is committed before any notifier is told, so an alert noticed again finds it
-- and sends nothing, and one whose sending failed is tried again from here, after a restart too.
CREATE TABLE alerts (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Names the occurrence (its kind and what it is about); see gateway/alerts/alert.ts.
  key             text        NOT NULL UNIQUE,
  kind            text        NOT NULL CHECK (kind IN ('ack-overdue', 'ack-rejected', 'file-quarantined', 'exception-opened')),
  partner         text,
  file_id         bigint      REFERENCES received_files (id),
  document_id     text,
  occurred_at     timestamptz NOT NULL,
  -- The alert as fired: every value its templates and the webhook body are made from.
  alert           jsonb       NOT NULL,
  state           text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENT', 'FAILED')),
  -- The notifiers (log, webhook) that took it: a retry tells only the others, so the log line is written once.
  delivered_to    text[]      NOT NULL DEFAULT '{}',
  -- Attempts made to send it; the last failed one's error stays for support to read.
  attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error_code text,
  last_error      text,
  -- When a PENDING alert is next tried. Moved ahead while an instance sends it, so only that instance does,
  -- and the alert comes round again if that instance dies.
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz
);

CREATE INDEX alerts_due_idx ON alerts (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX alerts_partner_idx ON alerts (partner, id DESC);
CREATE INDEX alerts_file_idx ON alerts (file_id) WHERE file_id IS NOT NULL;
