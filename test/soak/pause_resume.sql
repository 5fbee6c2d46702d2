-- the change happens when it is made: the trigger takes the statement's time (never before the record)
\set k random(1, 1000000000)
\set s random(0, 1)
UPDATE ticket SET status = CASE WHEN :s = 0 THEN 'waiting_customer' ELSE 'open' END
 WHERE id = (SELECT 1 + :k % max(id) FROM ticket) AND resolved_at IS NULL;
