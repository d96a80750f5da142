-- An action support takes on many exceptions at once from the dashboard, carried out one by one while the
-- page shows how far it got. Each exception's own resolution is its event; this row is the progress.
CREATE TABLE bulk_actions (
  id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  action       text        NOT NULL,
  reason       text,
  actor        text        NOT NULL,
  -- The exceptions' ids, in the order they are taken.
  items        bigint[]    NOT NULL CHECK (cardinality(items) > 0),
  done         integer     NOT NULL DEFAULT 0 CHECK (done >= 0),
  -- [{exception, code, message}] for each one the action could not be taken on.
  failures     jsonb       NOT NULL DEFAULT '[]'::jsonb,
  state        text        NOT NULL DEFAULT 'RUNNING' CHECK (state IN ('RUNNING', 'FINISHED')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  -- Written after each item: a RUNNING row whose heartbeat stopped was left by a process that ended.
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);
