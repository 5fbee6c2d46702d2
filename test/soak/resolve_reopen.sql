\set k random(1, 1000000000)
\set d random(60, 6000)
\set r random(0, 4)
UPDATE ticket SET resolved_at = CASE WHEN resolved_at IS NULL OR :r > 0 THEN opened_at + :d * interval '1 minute' END,
                  status = CASE WHEN resolved_at IS NULL OR :r > 0 THEN 'resolved' ELSE 'open' END,
                  updated_at = opened_at + :d * interval '1 minute'
 WHERE id = (SELECT 1 + :k % max(id) FROM ticket);
