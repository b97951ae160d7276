-- Issue 14 (decisions.md "Access after allocation"): an allocated matter's audience is its
-- officer alone; the officer who created it no longer sees it. Under the earlier rule an
-- allocated matter's audience was {creator, allocated officer}, always those two tokens in that
-- order (sync/visibility.ts), and an unallocated one's the creator with or without the enquiry
-- pool. So each stored audience with a second officer token becomes that token alone. Every
-- change of audience under the new rule was one under the old (the same facts decide both), so
-- the only rows to drop are those that no longer change anything (allocating to the creator).
CREATE FUNCTION pg_temp.allocated_only(audience text[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN cardinality(audience) = 2 AND audience[2] LIKE 'officer:%'
              THEN ARRAY[audience[2]] ELSE audience END
$$;

UPDATE matters SET audience = pg_temp.allocated_only(audience)
 WHERE cardinality(audience) = 2 AND audience[2] LIKE 'officer:%';

UPDATE events SET audience_before = pg_temp.allocated_only(audience_before)
 WHERE cardinality(audience_before) = 2 AND audience_before[2] LIKE 'officer:%';

UPDATE audience_changes
   SET audience_before = pg_temp.allocated_only(audience_before),
       audience_after = pg_temp.allocated_only(audience_after);

DELETE FROM audience_changes WHERE audience_before = audience_after;

DROP FUNCTION pg_temp.allocated_only(text[]);
