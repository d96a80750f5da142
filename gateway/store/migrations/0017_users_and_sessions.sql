-- The people who use the dashboard, their sessions, and failed sign-ins (which limit guessing).
CREATE TABLE users (
  username      text        PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._@-]{0,63}$'),
  display_name  text        NOT NULL CHECK (display_name <> ''),
  role          text        NOT NULL CHECK (role IN ('admin', 'onboarding', 'support', 'viewer')),
  -- scrypt$N$r$p$salt$hash: the cost parameters and the user's own salt are kept with the hash, so a higher
  -- cost later leaves older hashes readable.
  password_hash text        NOT NULL CHECK (password_hash ~ '^scrypt\$'),
  disabled      boolean     NOT NULL DEFAULT false,
  -- An IANA zone (Europe/Paris): the dashboard shows times, and reads dates typed into filters, in it.
  time_zone     text        NOT NULL DEFAULT 'UTC',
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Server-side sessions. The cookie carries a random id; only its SHA-256 is stored, so a copy of this table
-- (a backup, a replica) signs no one in. A sign-in always makes a new row: a session id known before the
-- sign-in is never the one that carries it.
CREATE TABLE sessions (
  id_hash      bytea       PRIMARY KEY,
  username     text        NOT NULL REFERENCES users (username),
  -- Every state-changing request of the session must carry this token (a form field or a header); a page
  -- of another site can make the browser send the cookie, not read the token.
  csrf_token   text        NOT NULL,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  -- The absolute end (creation + EDI_DASHBOARD_SESSION_MAX_MS); the idle end is last_seen_at + the idle setting.
  expires_at   timestamptz NOT NULL,
  address      text
);

CREATE INDEX sessions_username_idx ON sessions (username);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Failed sign-ins within the window count against the user name and the address they came from; past the
-- limit, both are refused until old failures leave the window.
CREATE TABLE sign_in_failures (
  id       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text        NOT NULL,
  address  text        NOT NULL,
  at       timestamptz NOT NULL
);

CREATE INDEX sign_in_failures_username_idx ON sign_in_failures (username, at);
CREATE INDEX sign_in_failures_address_idx ON sign_in_failures (address, at);
CREATE INDEX sign_in_failures_at_idx ON sign_in_failures (at);

-- The dashboard's lists filter and page in SQL, newest first: files by state, day and the start of their
-- name; exceptions by state, code, reference and day; acknowledgments by state and day.
CREATE INDEX received_files_state_id_idx ON received_files (state, id DESC);
CREATE INDEX received_files_received_at_idx ON received_files (received_at);
CREATE INDEX received_files_name_idx ON received_files (lower(original_name) text_pattern_ops);
CREATE INDEX exceptions_state_idx ON exceptions (state, id DESC);
CREATE INDEX exceptions_code_idx ON exceptions (code, id DESC);
CREATE INDEX exceptions_reference_idx ON exceptions (reference, id DESC) WHERE reference IS NOT NULL;
CREATE INDEX exceptions_created_at_idx ON exceptions (created_at);
CREATE INDEX acknowledgments_out_state_idx ON acknowledgments_out (state, state_changed_at);
