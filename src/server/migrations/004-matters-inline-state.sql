-- A matter's folded state is a few KB of jsonb (3.5 KB on average in the generated council), and
-- every push that touches a matter rewrites it. Above about 2 KB PostgreSQL compresses a row's
-- largest values on every write and decompresses them on every read, which made the matters
-- upsert a fifth of a push's time in the database (issue 5). Rows up to a page stay inline and
-- uncompressed: more disk for a few thousand matters, less CPU on every push.
ALTER TABLE matters SET (toast_tuple_target = 8160);
