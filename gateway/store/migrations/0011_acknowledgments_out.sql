-- What validation found in each transaction set (message): the validating reader's diagnostics, with the
-- standard's codes and where each finding is. Null until the acknowledge step validated the set, which
-- writes them with the set's new state (ACCEPTED or REJECTED).
ALTER TABLE transaction_sets ADD COLUMN diagnostics jsonb;

-- The acknowledgments we owe partners for what they sent: 997 or 999 (with a TA1 in the same interchange
-- when one is due too), a TA1 alone, or a CONTRL. One per received interchange at most, written with its
-- bytes in the transaction that moves the file to ACKNOWLEDGED, so a retry re-sends these same bytes and
-- never writes a second one.
CREATE TABLE acknowledgments_out (
  id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_id          bigint      NOT NULL REFERENCES received_files (id),
  interchange_id   bigint      NOT NULL UNIQUE REFERENCES interchanges (id),
  partner          text        NOT NULL,
  kind             text        NOT NULL CHECK (kind IN ('997', '999', 'TA1', 'CONTRL')),
  -- ISA13 / UNB 0020 of the acknowledgment, from the partner's counter in control_numbers.
  control_number   text        NOT NULL,
  content          bytea       NOT NULL,
  state            text        NOT NULL CHECK (state IN ('PENDING', 'DELIVERED')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  state_changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX acknowledgments_out_file_idx ON acknowledgments_out (file_id);
CREATE INDEX acknowledgments_out_pending_idx ON acknowledgments_out (state_changed_at) WHERE state = 'PENDING';
