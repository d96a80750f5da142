-- What a parsed file holds: its interchanges, functional groups and transaction sets (EDIFACT: messages),
-- each linked to the file and to the bytes it came from. A range runs from the first byte of the header
-- segment (an EDIFACT interchange's UNA, when it has one) to the byte after the trailer's terminator, so
-- slicing the file's stored content by it gives the envelope whole. Written once, by the parse step, in
-- the transaction that moves the file to PARSED; the unique offsets make a second write impossible.
CREATE TABLE interchanges (
  id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_id            bigint      NOT NULL REFERENCES received_files (id),
  partner            text        NOT NULL,
  standard           text        NOT NULL CHECK (standard IN ('X12', 'EDIFACT')),
  -- ISA05/ISA06 and ISA07/ISA08 without their padding; UNB S002 and S003 (qualifier '' when there is none).
  sender_qualifier   text        NOT NULL,
  sender_id          text        NOT NULL,
  receiver_qualifier text        NOT NULL,
  receiver_id        text        NOT NULL,
  -- ISA13 / UNB 0020.
  control_number     text        NOT NULL,
  -- ISA15 = P / no UNB 0035: production; anything else is taken as test.
  usage              text        NOT NULL CHECK (usage IN ('test', 'production')),
  start_offset       bigint      NOT NULL CHECK (start_offset >= 0),
  end_offset         bigint      NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (end_offset > start_offset),
  UNIQUE (file_id, start_offset)
);

-- X12 GS/GE and EDIFACT UNG/UNE; an EDIFACT interchange without UNG has none.
CREATE TABLE functional_groups (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  interchange_id bigint NOT NULL REFERENCES interchanges (id),
  -- GS01 (PO, SH, IN ...) / UNG 0038 (ORDERS ...).
  functional_id  text   NOT NULL,
  -- GS06 / UNG 0048.
  control_number text   NOT NULL,
  -- GS08 (004010, 005010X231A1) / UNG S008 0052 and 0054 (D96A).
  version        text   NOT NULL,
  start_offset   bigint NOT NULL CHECK (start_offset >= 0),
  end_offset     bigint NOT NULL,
  CHECK (end_offset > start_offset),
  UNIQUE (interchange_id, start_offset)
);

-- X12 ST/SE and EDIFACT UNH/UNT. Each goes on through the pipeline on its own, so it has its own state.
CREATE TABLE transaction_sets (
  id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  interchange_id   bigint      NOT NULL REFERENCES interchanges (id),
  group_id         bigint      REFERENCES functional_groups (id),
  -- ST01 (850) / UNH S009 0065 (ORDERS).
  message_type     text        NOT NULL,
  -- ST02 / UNH 0062.
  control_number   text        NOT NULL,
  start_offset     bigint      NOT NULL CHECK (start_offset >= 0),
  end_offset       bigint      NOT NULL,
  state            text        NOT NULL,
  state_changed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_offset > start_offset),
  UNIQUE (interchange_id, start_offset)
);

CREATE INDEX transaction_sets_group_idx ON transaction_sets (group_id);
