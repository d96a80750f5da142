-- A partner's AS2 id and its logins on our SFTP server are identities like its ISA or UNB id: one partner
-- per id, so that an AS2 message or an SFTP login is only ever taken as one partner's.
ALTER TABLE partner_identities DROP CONSTRAINT partner_identities_kind_check;
ALTER TABLE partner_identities ADD CONSTRAINT partner_identities_kind_check CHECK (kind IN ('isa', 'gs', 'unb', 'as2', 'sftp'));
