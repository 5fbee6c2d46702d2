/*
 * citus.h - crm_contract on a Citus cluster, without linking to Citus (it is
 * looked up by name, and absent most of the time).
 *
 * Reference tables (calendars, LPR, tenant memberships) have one shard with a
 * placement on every node.  A query of the logical table from inside a query
 * Citus runs on a shard is refused ("cannot execute a distributed query from a
 * query on a shard"), so the C readers read the node's own placement instead,
 * which holds the same rows (Citus writes every placement in the writing
 * transaction).  Without Citus, or for a table that is not distributed, the
 * name is the table's own.
 */
#ifndef CRM_SHARED_CITUS_H
#define CRM_SHARED_CITUS_H

#include "postgres.h"

/* whether extension citus is installed in this database */
extern bool crm_citus_installed(void);

/*
 * The qualified, quoted name to read crm_contract.<relname> by on this node:
 * its local shard placement when it is a Citus reference table with one here,
 * else the table itself.  The string lives until the end of the backend.
 */
extern const char *crm_reference_table(const char *relname);

/*
 * The distributed table a relation is a shard of (public.ticket_102100 ->
 * public.ticket, by Citus's catalog pg_dist_shard), else the relation itself.
 */
extern Oid	crm_citus_logical_table(Oid relid);

#endif
