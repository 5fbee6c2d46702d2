-- resolve an open ticket, or reopen a resolved one (a resolution is not rewritten)
\set k random(1, 1000000000)
UPDATE ticket SET resolved_at = CASE WHEN resolved_at IS NULL THEN clock_timestamp() END,
                  status = CASE WHEN resolved_at IS NULL THEN 'resolved' ELSE 'open' END,
                  updated_at = clock_timestamp()
 WHERE id = (SELECT 1 + :k % max(id) FROM ticket);
