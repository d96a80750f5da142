-- Keys programs use to call the HTTP API, each held by a user and acting with that user's role. Only the
-- SHA-256 of a key is stored (keys are 256 random bits, so a plain hash cannot be reversed by guessing);
-- the key itself is shown once, when made.
CREATE TABLE api_keys (
  id           text        PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{8}$'),
  username     text        NOT NULL REFERENCES users (username),
  name         text        NOT NULL CHECK (name <> ''),
  key_hash     bytea       NOT NULL UNIQUE,
  created_by   text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  -- Written at most once a minute per key, so a busy caller does not turn every read into a write.
  last_used_at timestamptz,
  revoked_by   text,
  revoked_at   timestamptz
);

CREATE INDEX api_keys_username_idx ON api_keys (username);
