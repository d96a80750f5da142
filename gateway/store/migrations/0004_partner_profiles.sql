-- Trading-partner profiles. Every change is a new version and no version is ever changed, so a file
-- received last month is still translated with the profile it was received under. A version holds the
-- whole profile as the schema validated it (a document, exported as YAML as it stands); the fields the
-- gateway looks partners up by are columns of their own.
CREATE TABLE partner_profiles (
  partner         text        PRIMARY KEY CHECK (partner ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
  current_version integer     NOT NULL CHECK (current_version > 0),
  partner_group   text,
  standard        text        NOT NULL CHECK (standard IN ('X12', 'EDIFACT')),
  usage           text        NOT NULL CHECK (usage IN ('test', 'production')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE partner_profile_versions (
  partner    text        NOT NULL REFERENCES partner_profiles (partner),
  version    integer     NOT NULL CHECK (version > 0),
  profile    jsonb       NOT NULL,
  -- Who made the change, and what it was in words ("created from template retailer-x12-4010").
  changed_by text        NOT NULL CHECK (changed_by <> ''),
  change     text        NOT NULL CHECK (change <> ''),
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partner, version)
);

CREATE FUNCTION partner_profile_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'partner profile versions are kept as written: % is not allowed', TG_OP;
END
$$;

CREATE TRIGGER partner_profile_versions_kept BEFORE UPDATE OR DELETE ON partner_profile_versions
  FOR EACH ROW EXECUTE FUNCTION partner_profile_versions_refuse_change();

-- The envelope identities a partner sends under (ISA qualifier and id, GS id, UNB id and qualifier). One
-- partner per identity: a file is only ever attributed to one partner, and no partner can be set up to
-- send under another's id.
CREATE TABLE partner_identities (
  kind      text NOT NULL CHECK (kind IN ('isa', 'gs', 'unb')),
  qualifier text NOT NULL,
  id        text NOT NULL CHECK (id <> ''),
  partner   text NOT NULL REFERENCES partner_profiles (partner),
  PRIMARY KEY (kind, qualifier, id)
);

CREATE INDEX partner_identities_partner_idx ON partner_identities (partner);
