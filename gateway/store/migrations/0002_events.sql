-- Every state change and every action, append-only: the timeline support reads.
CREATE TABLE events (
  id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity    text        NOT NULL,
  entity_id text        NOT NULL,
  type      text        NOT NULL,
  details   jsonb       NOT NULL DEFAULT '{}'::jsonb,
  actor     text        NOT NULL,
  at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX events_entity_idx ON events (entity, entity_id, id);
CREATE INDEX events_type_idx ON events (type, at);

CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP;
END
$$;

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();
