-- Duplicates: an interchange whose sender, receiver and control number (ISA13, UNB 0020) came in before from
-- the same partner, within its profile's window, is not processed again. The SHA-256 of its bytes tells a
-- copy resent as it was from one that changed; duplicate_of names the interchange it repeats; support may
-- force it through, recorded with who and why.
ALTER TABLE interchanges ADD COLUMN content_hash text;
ALTER TABLE interchanges ADD COLUMN duplicate_of bigint REFERENCES interchanges (id);
ALTER TABLE interchanges ADD COLUMN duplicate_forced_by text;
ALTER TABLE interchanges ADD COLUMN duplicate_forced_reason text;

CREATE INDEX interchanges_identity_idx ON interchanges (partner, control_number, sender_id, receiver_id, created_at);
