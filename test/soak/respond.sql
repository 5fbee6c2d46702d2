-- clock_timestamp(): evaluated again if the row was locked by another writer, so never before what it wrote
\set k random(1, 1000000000)
UPDATE ticket SET first_response_at = clock_timestamp(), updated_at = clock_timestamp()
 WHERE id = (SELECT 1 + :k % max(id) FROM ticket) AND first_response_at IS NULL;
