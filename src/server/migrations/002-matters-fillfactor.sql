-- Every accepted event rewrites its matter's row (its folded state). With room left on each page,
-- PostgreSQL can put the new version beside the old one and skip the indexes (a HOT update), and
-- old versions are pruned as pages are visited: a push of hundreds of matters writes less.
ALTER TABLE matters SET (fillfactor = 50);
