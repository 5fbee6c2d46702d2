/*
 * sla_funcs.c - sla_sweep(), sla_recompute() and sla_columns(): the SQL
 * functions around the trigger.  The first two run one UPDATE on the ticket
 * table and let the trigger do the work (see sla_trigger.h), so an alert or
 * a recomputed deadline is decided by exactly the same code as on a write.
 */
#include "postgres.h"

#include "access/table.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "calendar_cache.h"
#include "sla_mapping.h"
#include "sla_trigger.h"
#include "spi_util.h"

static SlaMapping *
mapping_of(Oid relid)
{
	Relation	rel = table_open(relid, AccessShareLock);
	SlaMapping *m = sla_mapping_for(rel, CurrentMemoryContext);

	table_close(rel, NoLock);	/* keep the lock to the end of the transaction */
	return m;
}

static const char *
column(Oid relid, const SlaMapping *m, SlaRole r)
{
	return quote_identifier(get_attname(relid, m->att[r], false));
}

static const char *
table_name(Oid relid)
{
	return quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)), get_rel_name(relid));
}

/* Run sql with one timestamptz parameter in the given trigger mode; returns the trigger's count. */
static int64
run_in_mode(SlaMode mode, Oid relid, const char *sql, TimestampTz as_of)
{
	Oid			types[1] = {TIMESTAMPTZOID};
	Datum		args[1] = {TimestampTzGetDatum(as_of)};
	int64		count = 0;

	sla_mode_begin(mode, relid, as_of);
	PG_TRY();
	{
		crm_spi_connect();
		crm_spi_check(SPI_execute_with_args(sql, 1, types, args, NULL, false, 0), SPI_OK_UPDATE,
					  "update the ticket table");
		SPI_finish();
	}
	PG_FINALLY();
	{
		count = sla_mode_end();
	}
	PG_END_TRY();
	return count;
}

/* sla_sweep(tickets regclass, as_of timestamptz): see the SQL comment */
PG_FUNCTION_INFO_V1(crm_sla_sweep);
Datum
crm_sla_sweep(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	TimestampTz as_of = PG_GETARG_TIMESTAMPTZ(1);
	SlaMapping *m = mapping_of(relid);
	const char *next;

	if (m->att[ROLE_NEXT_ALERT] == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("table \"%s\" has no column for the roles next_alert and alerts", m->relname),
				 errhint("ALTER TABLE %s ADD sla_next_alert timestamptz, ADD sla_alerts integer NOT NULL DEFAULT 0; "
						 "CREATE INDEX ON %s (sla_next_alert) WHERE sla_next_alert IS NOT NULL; then SELECT crm_contract.sla_recompute('%s').",
						 m->relname, m->relname, m->relname)));
	if (TIMESTAMP_NOT_FINITE(as_of))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("as_of must be a finite time, not \"%s\"", timestamptz_to_str(as_of))));
	next = column(relid, m, ROLE_NEXT_ALERT);

	/*
	 * Only the due rows, found through the index on next_alert, each locked
	 * first with SKIP LOCKED: a row another session is writing (or another
	 * sweep is marking) is left to the next sweep, so a sweep never waits,
	 * never deadlocks with another (plans that lock in different orders), and
	 * the row lock plus the alert mask still make every alert fire once.
	 */
	PG_RETURN_INT64(run_in_mode(SLA_MODE_SWEEP, relid,
								psprintf("UPDATE %s SET %s = %s WHERE ctid OPERATOR(pg_catalog.=) ANY (ARRAY("
										 "SELECT ctid FROM %s WHERE %s OPERATOR(pg_catalog.<=) $1 AND %s IS NOT NULL"
										 " FOR UPDATE SKIP LOCKED))",
										 table_name(relid), next, next, table_name(relid), next, next),
								as_of));
}

/* sla_recompute(tickets regclass): see the SQL comment */
PG_FUNCTION_INFO_V1(crm_sla_recompute);
Datum
crm_sla_recompute(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	SlaMapping *m = mapping_of(relid);
	SlaRole		due = m->att[ROLE_RESPONSE_DUE] != InvalidAttrNumber ? ROLE_RESPONSE_DUE : ROLE_RESOLVE_DUE;
	const char *col = column(relid, m, due);
	StringInfoData where;

	/* running clocks only: a ticket with its response and resolution done keeps its deadlines */
	initStringInfo(&where);
	if (m->att[ROLE_RESPONDED] != InvalidAttrNumber && m->att[ROLE_RESOLVED] != InvalidAttrNumber)
		appendStringInfo(&where, " WHERE %s IS NULL OR %s IS NULL",
						 column(relid, m, ROLE_RESPONDED), column(relid, m, ROLE_RESOLVED));
	PG_RETURN_INT64(run_in_mode(SLA_MODE_RECOMPUTE, relid,
								psprintf("UPDATE %s SET %s = %s%s", table_name(relid), col, col, where.data),
								GetCurrentStatementStartTimestamp()));
}

/* sla_columns(tickets regclass): the role of each column, as the trigger reads its arguments */
PG_FUNCTION_INFO_V1(crm_sla_columns);
Datum
crm_sla_columns(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	SlaMapping *m;
	int			r,
				i;
	Datum		values[2];
	bool		nulls[2] = {false, false};
	StringInfoData paused;

	InitMaterializedSRF(fcinfo, 0);
	m = mapping_of(relid);
	for (r = 0; r < NUM_ROLES; r++)
	{
		values[0] = CStringGetTextDatum(sla_role_name(r));
		nulls[1] = m->att[r] == InvalidAttrNumber;
		values[1] = nulls[1] ? (Datum) 0 : CStringGetTextDatum(get_attname(relid, m->att[r], false));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	initStringInfo(&paused);
	for (i = 0; i < m->npaused; i++)
		appendStringInfo(&paused, "%s%s", i ? "," : "", m->paused[i]);
	values[0] = CStringGetTextDatum("paused");
	values[1] = CStringGetTextDatum(paused.data);
	nulls[1] = false;
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	return (Datum) 0;
}

/* sla_targets_changed(): drops every session's cached SLA targets (sla_trigger.c) */
PG_FUNCTION_INFO_V1(crm_sla_targets_changed);
Datum
crm_sla_targets_changed(PG_FUNCTION_ARGS)
{
	return relation_changed_trigger(fcinfo);
}
