/*
 * sweep.c - sla_sweep() and sla_recompute(): each runs one UPDATE on the
 * ticket table and lets the trigger do the work (see sweep.h), so an alert
 * or a recomputed deadline is decided by exactly the same code as on a write.
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

#include "calendar/cache.h"
#include "sla/mapping.h"
#include "sla/sweep.h"
#include "shared/spi.h"

/* Set by sla_sweep() / sla_recompute() around their UPDATE. */
static SlaMode mode = SLA_MODE_NONE;
static Oid	mode_relid = InvalidOid;
static TimestampTz mode_as_of;
static int64 mode_count;

SlaMode
sla_mode_of(Oid relid)
{
	return relid == mode_relid ? mode : SLA_MODE_NONE;
}

TimestampTz
sla_mode_as_of(void)
{
	return mode_as_of;
}

void
sla_mode_count(int64 n)
{
	mode_count += n;
}

static void
sla_mode_begin(SlaMode m, Oid relid, TimestampTz as_of)
{
	mode = m;
	mode_relid = relid;
	mode_as_of = as_of;
	mode_count = 0;
}

/* Ends the mode and returns how many alerts fired or tickets changed. */
static int64
sla_mode_end(void)
{
	int64		n = mode_count;

	mode = SLA_MODE_NONE;
	mode_relid = InvalidOid;
	mode_count = 0;
	return n;
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
	SlaMapping *m = sla_mapping_of(relid, CurrentMemoryContext);
	const char *next;

	if (m->att[SLA_ROLE_NEXT_ALERT] == InvalidAttrNumber)
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
	next = column(relid, m, SLA_ROLE_NEXT_ALERT);

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
	SlaMapping *m = sla_mapping_of(relid, CurrentMemoryContext);
	SlaRole		due = m->att[SLA_ROLE_RESPONSE_DUE] != InvalidAttrNumber ? SLA_ROLE_RESPONSE_DUE : SLA_ROLE_RESOLVE_DUE;
	const char *col = column(relid, m, due);
	StringInfoData where;

	/* running clocks only: a ticket with its response and resolution done keeps its deadlines */
	initStringInfo(&where);
	if (m->att[SLA_ROLE_RESPONDED] != InvalidAttrNumber && m->att[SLA_ROLE_RESOLVED] != InvalidAttrNumber)
		appendStringInfo(&where, " WHERE %s IS NULL OR %s IS NULL",
						 column(relid, m, SLA_ROLE_RESPONDED), column(relid, m, SLA_ROLE_RESOLVED));
	PG_RETURN_INT64(run_in_mode(SLA_MODE_RECOMPUTE, relid,
								psprintf("UPDATE %s SET %s = %s%s", table_name(relid), col, col, where.data),
								GetCurrentStatementStartTimestamp()));
}
