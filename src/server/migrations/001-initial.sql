-- The first schema of the sync server. Plain SQL that PostgreSQL 15+ and PGlite both run.

-- People who sign in. `id` goes into events as actorId, so it never changes; `username` may.
CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('officer', 'manager', 'admin')),
  -- scrypt$N$r$p$salt$hash: the cost travels with the hash so it can be raised later.
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Only a SHA-256 of each token is kept: a copy of the database signs no one in.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

-- Gap-free numbers. A PostgreSQL sequence can skip values when a transaction rolls back, so the
-- event seq and the public references are counters updated in the transaction that uses them.
CREATE TABLE counters (
  name text PRIMARY KEY,
  value bigint NOT NULL
);
INSERT INTO counters (name, value) VALUES ('event_seq', 0), ('public_reference', 0);

-- The event log: every accepted event, once, in the server's order (seq).
CREATE TABLE events (
  id uuid PRIMARY KEY,
  seq bigint NOT NULL UNIQUE CHECK (seq > 0),
  matter_id uuid NOT NULL,
  type text NOT NULL,
  actor_id text NOT NULL,
  device_id text NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  -- The event exactly as accepted (payload included), so a pull returns what was pushed.
  body jsonb NOT NULL,
  -- Who could see the matter just before this event (see sync/visibility.ts and pull-events.ts).
  audience_before text[] NOT NULL
);
CREATE INDEX events_matter_seq ON events (matter_id, seq);

-- Each matter's state folded from its events, updated in the same transaction as they are.
CREATE TABLE matters (
  id uuid PRIMARY KEY,
  reference text NOT NULL,
  created_by text NOT NULL,
  assigned_officer_id text,
  phase text NOT NULL,
  -- Who can see the matter now (see sync/visibility.ts).
  audience text[] NOT NULL,
  -- When the next automatic closure (R4, R5) comes due, for the scheduler to find.
  automatic_closure_at timestamptz,
  last_seq bigint NOT NULL,
  state jsonb NOT NULL
);
CREATE INDEX matters_assigned_officer ON matters (assigned_officer_id);
CREATE INDEX matters_automatic_closure_at ON matters (automatic_closure_at)
  WHERE automatic_closure_at IS NOT NULL;

-- References handed to the public form (ASB-2026-000042), one per matter.
CREATE TABLE public_reports (
  reference text PRIMARY KEY,
  matter_id uuid NOT NULL UNIQUE,
  received_at timestamptz NOT NULL
);
