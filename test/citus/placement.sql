-- After the scenario: where the rows are.
\set ON_ERROR_STOP on
-- each tenant's contracts are on one worker, the two tenants on different ones
SELECT count(*) AS tenants, bool_and(x.nodes = 1) AS each_on_one_node, count(DISTINCT x.node) AS workers
  FROM (SELECT c.tenant, count(DISTINCT p.groupid) AS nodes, min(p.groupid) AS node
          FROM crm_contract.contract c
          JOIN pg_dist_placement p ON p.shardid = get_shard_id_for_distribution_column('crm_contract.contract', c.tenant)
         GROUP BY c.tenant) x;
-- each tenant's tickets and SLA events are on the node of its contracts (colocation)
SELECT t.tenant, count(*) AS tickets,
       bool_and(pt.groupid = pc.groupid) AS with_its_contracts
  FROM public.ticket t
  JOIN pg_dist_placement pt ON pt.shardid = get_shard_id_for_distribution_column('public.ticket', t.tenant)
  JOIN pg_dist_placement pc ON pc.shardid = get_shard_id_for_distribution_column('crm_contract.contract', t.tenant)
 GROUP BY t.tenant ORDER BY t.tenant;
