-- When each partner's own SFTP server is next polled, and how its last polls went. Rows follow the partner
-- profiles that set up polling (added, changed and removed on every check), so a profile change needs no
-- other step. The row is the truth; the scheduler's jobs only carry it out.
CREATE TABLE sftp_remote_polls (
  partner          text        PRIMARY KEY,
  interval_seconds integer     NOT NULL CHECK (interval_seconds > 0),
  -- Moved forward by one interval when a poll is queued, so a poll whose job was lost still comes round again.
  next_poll_at     timestamptz NOT NULL,
  -- Failed polls in a row: the wait before the next one doubles with each.
  failures         integer     NOT NULL DEFAULT 0 CHECK (failures >= 0),
  last_polled_at   timestamptz,
  last_error_code  text,
  last_error       text
);

CREATE INDEX sftp_remote_polls_due_idx ON sftp_remote_polls (next_poll_at);
