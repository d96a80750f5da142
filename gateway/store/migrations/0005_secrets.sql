-- Partners' secrets (private keys, certificates, passwords of their servers), encrypted with AES-256-GCM
-- under a master key kept outside the database: a copy of the database alone gives none of them away.
CREATE TABLE secrets (
  name       text        PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9_][A-Za-z0-9_.:/-]{0,127}$'),
  kind       text        NOT NULL CHECK (kind IN ('ssh-private-key', 'password', 'certificate', 'private-key')),
  -- 12-byte nonce, ciphertext and 16-byte tag; the name is the additional data, so a value cannot be moved
  -- to another name unnoticed.
  nonce      bytea       NOT NULL CHECK (length(nonce) = 12),
  ciphertext bytea       NOT NULL,
  tag        bytea       NOT NULL CHECK (length(tag) = 16),
  -- Which master key encrypted it (the first 8 bytes of its SHA-256), so a wrong key is told apart from tampering.
  key_id     text        NOT NULL,
  expires_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
