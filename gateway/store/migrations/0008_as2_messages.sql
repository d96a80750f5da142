-- AS2 messages received: one row per partner and Message-ID, written once the payload is stored, with the
-- MDN we answered, so a repeated message is not processed again and gets the same MDN back.
CREATE TABLE as2_inbound_messages (
  id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  partner        text        NOT NULL,
  message_id     text        NOT NULL CHECK (message_id <> ''),
  file_id        bigint      NOT NULL REFERENCES received_files (id),
  signed         boolean     NOT NULL,
  encrypted      boolean     NOT NULL,
  compressed     boolean     NOT NULL,
  mic            text,
  mdn_mode       text        NOT NULL CHECK (mdn_mode IN ('none', 'sync', 'async')),
  mdn_url        text,
  -- The MDN exactly as sent: its HTTP headers and body.
  mdn_headers    jsonb,
  mdn_body       bytea,
  -- async only: QUEUED until the partner's server took it, DELIVERED, or FAILED after the last attempt.
  mdn_state      text        CHECK (mdn_state IN ('QUEUED', 'DELIVERED', 'FAILED')),
  mdn_attempts   integer     NOT NULL DEFAULT 0,
  received_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partner, message_id),
  CHECK ((mdn_mode = 'none') = (mdn_body IS NULL)),
  CHECK ((mdn_mode = 'async') = (mdn_url IS NOT NULL AND mdn_state IS NOT NULL))
);

-- AS2 messages we send: the request is stored before the first attempt, so every retry sends the same
-- bytes under the same Message-ID, and the MDN that settles it is kept beside it.
CREATE TABLE as2_outbound_messages (
  id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  partner          text        NOT NULL,
  message_id       text        NOT NULL UNIQUE CHECK (message_id <> ''),
  file_name        text        NOT NULL,
  -- The MIC the partner's MDN must return: over the signed entity, with our signing digest.
  mic              text        NOT NULL,
  mdn_mode         text        NOT NULL CHECK (mdn_mode IN ('sync', 'async')),
  request_headers  jsonb       NOT NULL,
  request_body     bytea       NOT NULL,
  state            text        NOT NULL CHECK (state IN ('PREPARED', 'SENT', 'ACKNOWLEDGED', 'REJECTED', 'FAILED')),
  attempts         integer     NOT NULL DEFAULT 0,
  -- Why it was not acknowledged: an error code of the catalogue, and the words.
  failure_code     text,
  last_error       text,
  mdn_disposition  text,
  mdn_body         bytea,
  created_at       timestamptz NOT NULL DEFAULT now(),
  state_changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX as2_outbound_messages_partner_idx ON as2_outbound_messages (partner, id DESC);
CREATE INDEX as2_outbound_messages_state_idx ON as2_outbound_messages (state, state_changed_at);
