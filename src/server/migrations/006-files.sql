-- Evidence files (DESIGN.md "Evidence files"): a file is named by the SHA-256 of its bytes. The
-- bytes live in a file store (server/files/): files under DATA_DIR on the embedded default, or
-- file_chunks below when the server runs on a PostgreSQL every server process shares.

-- Every file the server holds, once. `location` is where its file store keeps the bytes (a path
-- under DATA_DIR/files, or a blob id in file_chunks). `last_upload_at` starts the orphan clock
-- again whenever someone uploads the file again.
CREATE TABLE files (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size > 0),
  media_type text NOT NULL,
  location text NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL,
  last_upload_at timestamptz NOT NULL
);
CREATE INDEX files_last_upload_at ON files (last_upload_at);

-- Everyone who uploaded a file ('user:<id>' or 'diary-link:<id>'): uploading the bytes proves one
-- has them, which is what lets an uploader read the file back before any event references it.
CREATE TABLE file_uploads (
  sha256 text NOT NULL REFERENCES files (sha256) ON DELETE CASCADE,
  uploader text NOT NULL,
  uploaded_at timestamptz NOT NULL,
  PRIMARY KEY (sha256, uploader)
);

-- Which accepted event of which matter references which file, written in the transaction that
-- stores the event. A referenced file is never an orphan (the foreign key refuses its deletion).
CREATE TABLE file_refs (
  sha256 text NOT NULL REFERENCES files (sha256),
  matter_id uuid NOT NULL,
  event_id uuid NOT NULL,
  PRIMARY KEY (sha256, event_id)
);
CREATE INDEX file_refs_matter ON file_refs (matter_id);

-- The bytes of files when the server runs on PostgreSQL: 1 MiB chunks of a blob, streamed in and
-- out one at a time. A blob is written before its file is known good; one that no files row
-- names after a while (an upload cut short by a crash) is swept away.
CREATE TABLE file_chunks (
  blob uuid NOT NULL,
  n integer NOT NULL CHECK (n >= 0),
  bytes bytea NOT NULL,
  written_at timestamptz NOT NULL,
  PRIMARY KEY (blob, n)
);
CREATE INDEX file_chunks_written_at ON file_chunks (written_at) WHERE n = 0;
