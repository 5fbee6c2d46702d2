\set k random(1, 1000000000)
\set d random(1, 900)
UPDATE ticket SET first_response_at = opened_at + :d * interval '1 minute', updated_at = opened_at + :d * interval '1 minute'
 WHERE id = (SELECT 1 + :k % max(id) FROM ticket) AND first_response_at IS NULL;
