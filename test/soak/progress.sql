-- a progress report on an open ticket
\set k random(1, 1000000000)
UPDATE ticket SET last_update_at = clock_timestamp(), updated_at = clock_timestamp()
 WHERE id = (SELECT 1 + :k % max(id) FROM ticket) AND resolved_at IS NULL;
