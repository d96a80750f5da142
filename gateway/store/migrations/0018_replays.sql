-- Replays: a file read again from the stored bytes of one received before, by a person, with a reason. The
-- replay is a received file of its own, linked to the file it replays; it may be pinned to a version of the
-- partner's profile (NULL: each step takes the current one, as for any file), and it answers the partner
-- with an acknowledgment only when the person asked for one (the partner had its answer to the original).
ALTER TABLE received_files ADD COLUMN replay_of bigint REFERENCES received_files (id);
ALTER TABLE received_files ADD COLUMN profile_version integer CHECK (profile_version > 0);
ALTER TABLE received_files ADD COLUMN acknowledges boolean NOT NULL DEFAULT true;
ALTER TABLE received_files ADD CONSTRAINT received_files_replay_pin CHECK (replay_of IS NOT NULL OR (profile_version IS NULL AND acknowledges));

CREATE INDEX received_files_replay_of_idx ON received_files (replay_of) WHERE replay_of IS NOT NULL;
-- Bulk replay selects a partner's files in a state received between two times.
CREATE INDEX received_files_partner_received_idx ON received_files (partner, state, received_at);
