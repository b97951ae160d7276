-- A pull sends each event's body as JSON text with its seq added (sync/pull-events.ts). Stored
-- as jsonb, every body was rebuilt as text on every pull, most of a manager's page on PGlite
-- (issue 5). json keeps the text as it was accepted, which is all the server ever needs: it
-- never queries inside a body (the columns beside it are what it looks up).
ALTER TABLE events ALTER COLUMN body TYPE json USING body::json;
