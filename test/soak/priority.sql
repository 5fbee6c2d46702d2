\set k random(1, 1000000000)
\set p random(0, 2)
UPDATE ticket SET priority = 'P' || :p WHERE id = (SELECT 1 + :k % max(id) FROM ticket) AND resolved_at IS NULL;
