/*
 * citus_sweep.c - sla_sweep() and sla_recompute() of a ticket table Citus
 * distributes by its tenant column; see citus_sweep.h.
 *
 * The trigger fires on the shards, in the workers' backends, where the mode
 * sweep.c keeps in this backend is not: it is told by a setting,
 * crm_contract.sla_mode, set LOCAL and sent to the workers with Citus's own
 * propagation of SET LOCAL.  The rows are swept tenant by tenant (a query of
 * one shard each, where FOR UPDATE SKIP LOCKED is allowed), and what the
 * trigger recorded is read back from the log: the events of the tickets this
 * sweep holds locked, newer than the newest before it.  Their warnings,
 * breaches and recomputations are notified here, on the coordinator, where
 * the listeners are (as change.c notifies them on one node).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"

#include "shared/citus.h"
#include "shared/owner.h"
#include "shared/spi.h"
#include "sla/citus_sweep.h"
#include "sla/log.h"
#include "sla/notify.h"

bool
sla_citus_distributed(Oid relid)
{
	Oid			types[1] = {OIDOID};
	Datum		args[1] = {ObjectIdGetDatum(relid)};
	bool		distributed;

	if (!crm_citus_installed())
		return false;
	crm_spi_connect();
	crm_spi_check(SPI_execute_with_args("SELECT FROM pg_catalog.pg_dist_partition p"
										" WHERE p.logicalrelid OPERATOR(pg_catalog.=) $1::pg_catalog.regclass",
										1, types, args, NULL, true, 1),
				  SPI_OK_SELECT, "read pg_catalog.pg_dist_partition");
	distributed = SPI_processed > 0;
	SPI_finish();
	return distributed;
}

static const char *
column(const SlaMapping *m, SlaRole r)
{
	return quote_identifier(get_attname(m->relid, m->att[r], false));
}

/* SET LOCAL crm_contract.sla_mode on this node and every worker of the transaction. */
static void
set_mode(const char *value)
{
	crm_spi_check(SPI_execute("SELECT pg_catalog.set_config('citus.propagate_set_commands', 'local', true)", false, 0),
				  SPI_OK_SELECT, "set citus.propagate_set_commands");
	/* in a DO block: Citus propagates a SET LOCAL only inside a transaction block, a procedure or a DO */
	crm_spi_check(SPI_execute(psprintf("DO %s", quote_literal_cstr(psprintf("BEGIN SET LOCAL crm_contract.sla_mode = %s; END",
																			  quote_literal_cstr(value)))), false, 0),
				  SPI_OK_UTILITY, "set crm_contract.sla_mode");
}

/* The newest event of the tickets, or the events after it, read as the log's owner. */
static void
read_log(const char *sql, int nargs, Oid *types, Datum *args)
{
	Oid			save_user;
	int			save_sec;

	GetUserIdAndSecContext(&save_user, &save_sec);
	SetUserIdAndSecContext(crm_table_owner("sla_event"), save_sec | SECURITY_LOCAL_USERID_CHANGE | SECURITY_NOFORCE_RLS);
	PG_TRY();
	{
		crm_spi_check(SPI_execute_with_args(sql, nargs, types, args, NULL, true, 0), SPI_OK_SELECT,
					  "read crm_contract.sla_event");
	}
	PG_FINALLY();
	{
		SetUserIdAndSecContext(save_user, save_sec);
	}
	PG_END_TRY();
}

/*
 * One tenant: lock its due (or open) tickets, update them, and count (and for
 * a sweep notify) what the trigger logged for them.
 */
static int64
one_tenant(SlaMode mode, const SlaMapping *m, const char *cond, Datum tenant, TimestampTz as_of)
{
	const char *tbl = sla_table_name(m->relid);
	const char *tcol = column(m, SLA_ROLE_TENANT);
	const char *idcol = column(m, SLA_ROLE_ID);
	const char *col = mode == SLA_MODE_SWEEP ? column(m, SLA_ROLE_NEXT_ALERT) :
		column(m, m->att[SLA_ROLE_RESPONSE_DUE] != InvalidAttrNumber ? SLA_ROLE_RESPONSE_DUE :
			   m->att[SLA_ROLE_RESOLVE_DUE] != InvalidAttrNumber ? SLA_ROLE_RESOLVE_DUE : SLA_ROLE_UPDATE_DUE);
	Oid			lock_types[2] = {TIMESTAMPTZOID, TEXTOID};
	Datum		lock_args[2] = {TimestampTzGetDatum(as_of), tenant};
	Oid			log_types[4] = {TEXTOID, TEXTOID, TEXTARRAYOID, INT8OID};
	Datum		log_args[4];
	Datum	   *keys;
	int64		n = 0;
	int64		newest;
	uint64		i,
				nkeys;
	bool		isnull;
	ArrayType  *keyarr;

	/* the tickets of one tenant: one shard; a row another session holds is left to it */
	crm_spi_check(SPI_execute_with_args(psprintf("SELECT %s::pg_catalog.text FROM %s WHERE %s OPERATOR(pg_catalog.=) $2 AND %s"
												 " FOR UPDATE SKIP LOCKED", idcol, tbl, tcol, cond),
										2, lock_types, lock_args, NULL, false, 0),
				  SPI_OK_SELECT, "lock the tickets");
	nkeys = SPI_processed;
	if (nkeys == 0)
		return 0;
	keys = palloc(sizeof(Datum) * nkeys);
	for (i = 0; i < nkeys; i++)
		keys[i] = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);
	keyarr = construct_array(keys, (int) nkeys, TEXTOID, -1, false, TYPALIGN_INT);
	log_args[0] = tenant;
	log_args[1] = CStringGetTextDatum(m->ticket_table);
	log_args[2] = PointerGetDatum(keyarr);
	read_log("SELECT coalesce(pg_catalog.max(e.id), 0) FROM crm_contract.sla_event e"
			 " WHERE e.tenant OPERATOR(pg_catalog.=) $1 AND e.ticket_table OPERATOR(pg_catalog.=) $2"
			 "   AND e.ticket OPERATOR(pg_catalog.=) ANY ($3)", 3, log_types, log_args);
	newest = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));

	{
		Oid			types[2] = {TEXTOID, TEXTARRAYOID};
		Datum		args[2] = {tenant, PointerGetDatum(keyarr)};

		crm_spi_check(SPI_execute_with_args(psprintf("UPDATE %s SET %s = %s WHERE %s OPERATOR(pg_catalog.=) $1"
													 " AND %s::pg_catalog.text OPERATOR(pg_catalog.=) ANY ($2)",
													 tbl, col, col, tcol, idcol),
											2, types, args, NULL, false, 0),
					  SPI_OK_UPDATE, "update the ticket table");
	}

	log_args[3] = Int64GetDatum(newest);
	/*
	 * What it recorded: not the start of a history a ticket's first logged
	 * change writes (its started event, and the pause it was inserted in),
	 * which the trigger does not count either.
	 */
	read_log("SELECT e.id, e.kind OPERATOR(pg_catalog.=) ANY ('{warned,breached,recomputed}'), e.ticket"
			 "  FROM crm_contract.sla_event e"
			 " WHERE e.tenant OPERATOR(pg_catalog.=) $1 AND e.ticket_table OPERATOR(pg_catalog.=) $2"
			 "   AND e.ticket OPERATOR(pg_catalog.=) ANY ($3) AND e.id OPERATOR(pg_catalog.>) $4"
			 "   AND e.kind OPERATOR(pg_catalog.<>) 'started'"
			 "   AND NOT (e.kind OPERATOR(pg_catalog.=) 'paused' AND EXISTS (SELECT FROM crm_contract.sla_event s"
			 "             WHERE s.tenant OPERATOR(pg_catalog.=) $1 AND s.ticket_table OPERATOR(pg_catalog.=) $2"
			 "               AND s.ticket OPERATOR(pg_catalog.=) e.ticket AND s.id OPERATOR(pg_catalog.>) $4"
			 "               AND s.kind OPERATOR(pg_catalog.=) 'started' AND s.at OPERATOR(pg_catalog.=) e.at))"
			 " ORDER BY e.ticket, e.id", 4, log_types, log_args);
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		SlaEvent	ev;

		if (mode == SLA_MODE_RECOMPUTE)
		{
			/* a recomputation counts the tickets it changed */
			if (i == 0 || strcmp(SPI_getvalue(tup, SPI_tuptable->tupdesc, 3),
								 SPI_getvalue(SPI_tuptable->vals[i - 1], SPI_tuptable->tupdesc, 3)) != 0)
				n++;
		}
		else
			n++;				/* a sweep counts what it recorded */
		if (!DatumGetBool(SPI_getbinval(tup, SPI_tuptable->tupdesc, 2, &isnull)))
			continue;
		memset(&ev, 0, sizeof(ev));
		ev.id = DatumGetInt64(SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &isnull));
		sla_notify_alert(&ev);
	}
	return n;
}

int64
sla_citus_run(SlaMode mode, const SlaMapping *m, TimestampTz as_of)
{
	const char *tbl = sla_table_name(m->relid);
	const char *cond;
	int64		n = 0;
	uint64		i,
				ntenants;
	SPITupleTable *tenants;
	Oid			types[1] = {TIMESTAMPTZOID};
	Datum		args[1] = {TimestampTzGetDatum(as_of)};

	if (m->att[SLA_ROLE_TENANT] == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s of table %s, distributed by Citus, needs the trigger role tenant",
						mode == SLA_MODE_SWEEP ? "sla_sweep" : "sla_recompute", m->ticket_table),
				 errhint("Distribute the table by its tenant column, colocated with crm_contract.contract, and map it: "
						 "sla_deadlines('tenant=<column>', ...).")));
	if (mode == SLA_MODE_SWEEP)
		cond = psprintf("%s OPERATOR(pg_catalog.<=) $1 AND %s IS NOT NULL",
						column(m, SLA_ROLE_NEXT_ALERT), column(m, SLA_ROLE_NEXT_ALERT));
	else if (m->att[SLA_ROLE_RESPONDED] != InvalidAttrNumber && m->att[SLA_ROLE_RESOLVED] != InvalidAttrNumber)
		cond = psprintf("(%s IS NULL OR %s IS NULL) AND $1 IS NOT NULL",
						column(m, SLA_ROLE_RESPONDED), column(m, SLA_ROLE_RESOLVED));
	else
		cond = "$1 IS NOT NULL";

	crm_spi_connect();
	set_mode(psprintf("%s " INT64_FORMAT " %s", mode == SLA_MODE_SWEEP ? "sweep" : "recompute",
					  (int64) as_of, m->ticket_table));
	crm_spi_check(SPI_execute_with_args(psprintf("SELECT DISTINCT %s FROM %s WHERE %s ORDER BY 1",
												 column(m, SLA_ROLE_TENANT), tbl, cond),
										1, types, args, NULL, true, 0),
				  SPI_OK_SELECT, "read the tenants of the ticket table");
	tenants = SPI_tuptable;
	ntenants = SPI_processed;
	for (i = 0; i < ntenants; i++)
	{
		bool		isnull;
		Datum		tenant = SPI_getbinval(tenants->vals[i], tenants->tupdesc, 1, &isnull);

		if (!isnull)
			n += one_tenant(mode, m, cond, tenant, as_of);
	}
	set_mode("");
	SPI_finish();
	return n;
}
