-- Every file a partner delivered, stored whole before anyone is told it arrived.
CREATE TABLE received_files (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  partner          text        NOT NULL,
  source           text        NOT NULL,
  original_name    text        NOT NULL,
  -- Unique per delivery attempt, chosen by the transport: a retried store of the same delivery is a no-op.
  intake_key       text        NOT NULL UNIQUE,
  size             bigint      NOT NULL CHECK (size >= 0),
  sha256           text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content          bytea       NOT NULL,
  received_at      timestamptz NOT NULL DEFAULT now(),
  received_by      text        NOT NULL,
  state            text        NOT NULL,
  state_changed_at timestamptz NOT NULL DEFAULT now(),
  standard         text,
  rejection_code   text,
  rejection_reason text,
  CHECK (octet_length(content) = size)
);

CREATE INDEX received_files_partner_idx ON received_files (partner, id DESC);
CREATE INDEX received_files_state_idx ON received_files (state, state_changed_at);
CREATE INDEX received_files_sha256_idx ON received_files (sha256);
