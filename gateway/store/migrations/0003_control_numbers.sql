-- The last control number given per partner and kind: one counter in the database, so every instance
-- writing to a partner draws from it and none gives a number another already gave.
CREATE TABLE control_numbers (
  partner    text        NOT NULL CHECK (partner <> ''),
  kind       text        NOT NULL CHECK (kind IN ('interchange', 'group', 'set')),
  -- bigint: an EDIFACT interchange reference (UNB 0020) runs to 14 digits.
  last_value bigint      NOT NULL CHECK (last_value > 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partner, kind)
);
