-- Tamper evidence (issue 13, DESIGN.md "Tamper evidence and the court bundle"): each event's link
-- in its matter's hash chain, and each matter's head (the link of its last event). The chain is
-- defined in src/domain/event-chain.ts over the canonical JSON of each event; SQL cannot write
-- that JSON byte for byte (jsonb reorders keys by length and adds spaces), and PGlite has no
-- pgcrypto without loading an extension, so the links of events already stored are computed in
-- TypeScript right after this migration, a batch of matters per transaction, resumably
-- (server/chain/build-chains.ts). Until then, `hash` and `chain_head` are null.
ALTER TABLE events ADD COLUMN hash text;
ALTER TABLE matters ADD COLUMN chain_head text;
-- The matters whose chain is still to be built: none once the first start after this migration
-- has finished, so the index stays empty.
CREATE INDEX matters_chain_to_build ON matters (id) WHERE chain_head IS NULL;
