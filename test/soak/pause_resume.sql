\set k random(1, 1000000000)
\set s random(0, 1)
\set d random(1, 600)
UPDATE ticket SET status = CASE WHEN :s = 0 THEN 'waiting_customer' ELSE 'open' END,
                  updated_at = opened_at + :d * interval '1 minute'
 WHERE id = (SELECT 1 + :k % max(id) FROM ticket) AND resolved_at IS NULL;
