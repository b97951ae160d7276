-- The complainant's own diary (DESIGN.md, "a private link"). One row per link issued by a
-- `diarySheetsIssued` event on the private_link method, written in the transaction that accepts
-- that event (sync/event-log.ts). Only the SHA-256 of the token is kept: a copy of the database
-- opens no diary. The link works while it is not revoked, not expired and its matter is open;
-- the route answers every other case with the same 404.
CREATE TABLE diary_links (
  link_id uuid PRIMARY KEY,
  matter_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  party_id uuid,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz,
  -- Optional: a council may give links a lifetime; none by default.
  expires_at timestamptz
);
CREATE INDEX diary_links_matter ON diary_links (matter_id);

-- Bytes received from each link per day, for the per-link daily size limit on files.
CREATE TABLE diary_link_usage (
  link_id uuid NOT NULL,
  day date NOT NULL,
  bytes bigint NOT NULL DEFAULT 0,
  entries integer NOT NULL DEFAULT 0,
  PRIMARY KEY (link_id, day)
);
