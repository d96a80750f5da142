-- Everything that needs a person: one row per problem, with a stable error code (gateway/errors/catalogue.ts),
-- the cause in plain words, the business reference support searches by, what it is about (file, set,
-- document), and the actions allowed on it. Opened in the transaction of the step that found the problem;
-- the same problem found again (its key) opens nothing new.
CREATE TABLE exceptions (
  id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Names the problem and what it is about, e.g. 'translate:set:42'.
  key          text        NOT NULL UNIQUE,
  code         text        NOT NULL,
  message      text        NOT NULL,
  partner      text,
  -- What support searches by: a purchase order number, an invoice number, a shipment id.
  reference    text,
  file_id      bigint      REFERENCES received_files (id),
  set_id       bigint      REFERENCES transaction_sets (id),
  document_id  text,
  -- Where in the file, when the problem is in its content.
  location     jsonb,
  actions      text[]      NOT NULL,
  state        text        NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'RESOLVED')),
  resolution   text,
  resolved_by  text,
  resolved_at  timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX exceptions_open_idx ON exceptions (created_at DESC) WHERE state = 'OPEN';
CREATE INDEX exceptions_partner_idx ON exceptions (partner, id DESC);
CREATE INDEX exceptions_file_idx ON exceptions (file_id);
