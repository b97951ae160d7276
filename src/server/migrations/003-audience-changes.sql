-- The events that changed who can see their matter: its report, an assignment, an enquiry leaving
-- the unassigned pool. A few per matter, against dozens of events. A filtered pull finds here
-- when a matter became a viewer's (their grant) or stopped being theirs, instead of reading every
-- event of every matter it passes (issue 5: an officer's pull read each matter's whole history on
-- every page). Written with the events, in the same transaction (see sync/event-log.ts).
CREATE TABLE audience_changes (
  matter_id uuid NOT NULL,
  seq bigint NOT NULL,
  audience_before text[] NOT NULL,
  audience_after text[] NOT NULL,
  PRIMARY KEY (matter_id, seq)
);
CREATE INDEX audience_changes_seq ON audience_changes (seq);

-- The changes in the events already stored: after an event comes the next one's audience_before,
-- or, after a matter's last event, its audience now.
INSERT INTO audience_changes (matter_id, seq, audience_before, audience_after)
SELECT matter_id, seq, audience_before, audience_after
  FROM (SELECT e.matter_id, e.seq, e.audience_before,
               coalesce(lead(e.audience_before) OVER (PARTITION BY e.matter_id ORDER BY e.seq),
                        m.audience) AS audience_after
          FROM events e JOIN matters m ON m.id = e.matter_id) c
 WHERE audience_after <> audience_before;
