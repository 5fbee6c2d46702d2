/*
 * sweep.c - sla_sweep() and sla_recompute(): each runs an UPDATE on the
 * ticket table and lets the trigger do the work (see sweep.h), so an alert
 * or a recomputed deadline is decided by exactly the same code as on a write.
 */
#include "postgres.h"

#include "access/table.h"
#include "catalog/pg_class.h"
#include "catalog/pg_inherits.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "storage/itemptr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "calendar/cache.h"
#include "calendar/load_lock.h"
#include "sla/citus_sweep.h"
#include "sla/mapping.h"
#include "sla/sweep.h"
#include "shared/citus.h"
#include "shared/spi.h"
#include "utils/guc.h"

/* Set by sla_sweep() / sla_recompute() around their UPDATE. */
static SlaMode mode = SLA_MODE_NONE;
static Oid	mode_relid = InvalidOid;
static List *mode_members = NIL;	/* a partitioned table's partitions, in TopTransactionContext */
static TimestampTz mode_as_of;
static int64 mode_count;

/*
 * On a Citus worker, a sweep of the coordinator's says so in the setting
 * crm_contract.sla_mode (citus_sweep.c): "sweep|recompute <as_of> <table>",
 * the table by its log name, which a shard's trigger knows its table by.
 */
static SlaMode
mode_of_setting(Oid relid)
{
	const char *setting = GetConfigOption("crm_contract.sla_mode", true, false);
	char		kind[16];
	long long	as_of;
	int			used = 0;
	SlaMode		m;

	if (setting == NULL || setting[0] == '\0' || !crm_citus_installed())
		return SLA_MODE_NONE;
	if (sscanf(setting, "%15s %lld %n", kind, &as_of, &used) != 2 || used == 0)
		return SLA_MODE_NONE;
	m = strcmp(kind, "sweep") == 0 ? SLA_MODE_SWEEP : strcmp(kind, "recompute") == 0 ? SLA_MODE_RECOMPUTE : SLA_MODE_NONE;
	if (m == SLA_MODE_NONE ||
		strcmp(setting + used, sla_table_name(crm_citus_logical_table(sla_root_of(relid)))) != 0)
		return SLA_MODE_NONE;
	mode_as_of = (TimestampTz) as_of;
	return m;
}

SlaMode
sla_mode_of(Oid relid)
{
	if (mode == SLA_MODE_NONE)
		return mode_of_setting(relid);
	return relid == mode_relid || list_member_oid(mode_members, relid) ? mode : SLA_MODE_NONE;
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
	MemoryContext old = MemoryContextSwitchTo(TopTransactionContext);

	/* every partition below relid, however deep: its trigger fires for this sweep */
	mode_members = get_rel_relkind(relid) == RELKIND_PARTITIONED_TABLE ?
		find_all_inheritors(relid, NoLock, NULL) : NIL;
	MemoryContextSwitchTo(old);
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
	mode_members = NIL;			/* freed with the transaction's memory */
	mode_count = 0;
	return n;
}

static const char *
column(const SlaMapping *m, SlaRole r)
{
	return quote_identifier(get_attname(m->relid, m->att[r], false));
}

/* Run the statements in the given trigger mode; returns the trigger's count. */
static int64
run_in_mode(SlaMode mode, const SlaMapping *m, TimestampTz as_of, void (*body) (const SlaMapping *, TimestampTz))
{
	int64		count = 0;

	sla_mode_begin(mode, m->relid, as_of);
	PG_TRY();
	{
		crm_spi_connect();
		body(m, as_of);
		SPI_finish();
	}
	PG_FINALLY();
	{
		count = sla_mode_end();
	}
	PG_END_TRY();
	return count;
}

/*
 * An UPDATE of the rows matching `cond` (SQL over the table, $1 = as_of),
 * each locked first with SKIP LOCKED: a row another session is writing (or
 * another sweep is marking) is left to it and to the next sweep, so a sweep
 * never waits, never deadlocks with another (plans that lock in different
 * orders), and the row lock plus the alert mask still make every alert fire
 * once.  `col` is set to itself: the trigger does the work.
 */
static uint64
update_unlocked_rows(const SlaMapping *m, const char *col, const char *cond, TimestampTz as_of)
{
	const char *tbl = sla_table_name(m->relid);
	Oid			types[1] = {TIMESTAMPTZOID};
	Datum		args[1] = {TimestampTzGetDatum(as_of)};

	crm_spi_check(SPI_execute_with_args(psprintf("UPDATE %s SET %s = %s WHERE ctid OPERATOR(pg_catalog.=) ANY (ARRAY("
												 "SELECT ctid FROM %s WHERE %s FOR UPDATE SKIP LOCKED))",
												 tbl, col, col, tbl, cond),
										1, types, args, NULL, false, 0),
				  SPI_OK_UPDATE, "update the ticket table");
	return SPI_processed;
}

/*
 * A partitioned table: ctids repeat across partitions, so the rows are
 * locked once through the table (partition and ctid), then updated through
 * it partition by partition (its privileges and policies apply, as for any
 * write of the table).
 */
static uint64
update_unlocked_partitioned(const SlaMapping *m, const char *col, const char *cond, TimestampTz as_of)
{
	const char *tbl = sla_table_name(m->relid);
	Oid			types[2] = {InvalidOid, OIDOID};
	Oid			lock_types[1] = {TIMESTAMPTZOID};
	Datum		lock_args[1] = {TimestampTzGetDatum(as_of)};
	SPITupleTable *locked;
	uint64		n,
				i,
				j;
	char	   *update;

	types[0] = get_array_type(TIDOID);
	crm_spi_check(SPI_execute_with_args(psprintf("SELECT tableoid, ctid FROM %s WHERE %s"
												 " ORDER BY tableoid FOR UPDATE SKIP LOCKED", tbl, cond),
										1, lock_types, lock_args, NULL, false, 0),
				  SPI_OK_SELECT, "lock the tickets");
	locked = SPI_tuptable;
	n = SPI_processed;
	update = psprintf("UPDATE %s SET %s = %s WHERE tableoid OPERATOR(pg_catalog.=) $2"
					  " AND ctid OPERATOR(pg_catalog.=) ANY ($1)", tbl, col, col);
	for (i = 0; i < n; i = j)
	{
		bool		isnull;
		Oid			part = DatumGetObjectId(SPI_getbinval(locked->vals[i], locked->tupdesc, 1, &isnull));
		Datum	   *tids = palloc(sizeof(Datum) * (n - i));
		Datum		args[2];

		for (j = i; j < n && DatumGetObjectId(SPI_getbinval(locked->vals[j], locked->tupdesc, 1, &isnull)) == part; j++)
			tids[j - i] = SPI_getbinval(locked->vals[j], locked->tupdesc, 2, &isnull);
		args[0] = PointerGetDatum(construct_array(tids, (int) (j - i), TIDOID, sizeof(ItemPointerData), false,
												  TYPALIGN_SHORT));
		args[1] = ObjectIdGetDatum(part);
		crm_spi_check(SPI_execute_with_args(update, 2, types, args, NULL, false, 0), SPI_OK_UPDATE,
					  "update the ticket table");
	}
	return n;
}

/* Returns how many rows it updated. */
static uint64
update_unlocked(const SlaMapping *m, const char *col, const char *cond, TimestampTz as_of)
{
	if (get_rel_relkind(m->relid) == RELKIND_PARTITIONED_TABLE)
		return update_unlocked_partitioned(m, col, cond, as_of);
	return update_unlocked_rows(m, col, cond, as_of);
}

/* The sweep marks only the due rows, found through the index on next_alert. */
static void
sweep_body(const SlaMapping *m, TimestampTz as_of)
{
	const char *next = column(m, SLA_ROLE_NEXT_ALERT);

	(void) update_unlocked(m, next, psprintf("%s OPERATOR(pg_catalog.<=) $1 AND %s IS NOT NULL", next, next), as_of);
}

/*
 * A year's load: the rows other transactions hold are left to them (a
 * writer waits for the load, holding its row).  With the provisional role,
 * the ticket's next write computes it again; without it the ticket keeps
 * its forecast deadlines until its clock next moves.  The load says how
 * many it left either way: a row may be locked by one that never writes it.
 */
static void
recompute_unlocked(const SlaMapping *m, const char *col, const char *open, TimestampTz as_of)
{
	uint64		total,
				done;
	bool		isnull;

	crm_spi_check(SPI_execute(psprintf("SELECT pg_catalog.count(*) FROM %s WHERE %s", sla_table_name(m->relid), open),
							  true, 0), SPI_OK_SELECT, "count the open tickets");
	total = (uint64) DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	done = update_unlocked(m, col, open, as_of);
	if (done < total)
		ereport(NOTICE,
				(errmsg("%llu open ticket(s) of table %s were locked by other transactions during the load and were not recomputed",
						(unsigned long long) (total - done), m->ticket_table),
				 m->att[SLA_ROLE_PROVISIONAL] != InvalidAttrNumber ?
				 errhint("Their next write recomputes them (they are marked provisional); or run SELECT crm_contract.sla_recompute('%s') once those transactions end.",
						 m->ticket_table) :
				 errhint("Run SELECT crm_contract.sla_recompute('%s') once those transactions end, or add the trigger role provisional (a column sla_provisional boolean), with which a ticket's next write recomputes it.",
						 m->ticket_table)));
}

/*
 * Running clocks only: a ticket with its response and resolution done keeps
 * its deadlines.  Every such row is waited for, so that none keeps a
 * deadline of the old calendar; but inside a year's load (which writers
 * wait for while they hold their rows) a locked row is skipped: its writer
 * computes it on the loaded days once the load commits.
 */
static void
recompute_body(const SlaMapping *m, TimestampTz as_of)
{
	SlaRole		due = m->att[SLA_ROLE_RESPONSE_DUE] != InvalidAttrNumber ? SLA_ROLE_RESPONSE_DUE :
		m->att[SLA_ROLE_RESOLVE_DUE] != InvalidAttrNumber ? SLA_ROLE_RESOLVE_DUE : SLA_ROLE_UPDATE_DUE;
	const char *col = column(m, due);
	const char *open = "true";
	StringInfoData sql;

	if (m->att[SLA_ROLE_RESPONDED] != InvalidAttrNumber && m->att[SLA_ROLE_RESOLVED] != InvalidAttrNumber)
		open = psprintf("(%s IS NULL OR %s IS NULL)", column(m, SLA_ROLE_RESPONDED), column(m, SLA_ROLE_RESOLVED));
	if (calendar_loading())
	{
		recompute_unlocked(m, col, open, as_of);
		return;
	}
	initStringInfo(&sql);
	appendStringInfo(&sql, "UPDATE %s SET %s = %s WHERE %s", sla_table_name(m->relid), col, col, open);
	crm_spi_check(SPI_execute(sql.data, false, 0), SPI_OK_UPDATE, "update the ticket table");
}

/*
 * The table a sweep or recompute updates: the caller's UPDATE privilege is
 * checked before the table is locked; rules would rewrite the UPDATE the
 * trigger is driven by, so a table with rules is refused.
 */
static SlaMapping *
updatable_table(Oid relid, const char *fn)
{
	SlaMapping *m = sla_mapping_of(relid, ACL_UPDATE, CurrentMemoryContext);
	Relation	rel = table_open(relid, NoLock);	/* locked by sla_mapping_of */
	bool		rules = rel->rd_rules != NULL;

	table_close(rel, NoLock);
	if (rules)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("table \"%s\" has rules: %s() cannot update it", m->relname, fn),
				 errdetail("A sweep and a recomputation are UPDATEs of the ticket table that its trigger acts on; a rule would rewrite them."),
				 errhint("Drop the rules of the ticket table, or sweep a table without them.")));
	return m;
}

/* sla_sweep(tickets regclass, as_of timestamptz): see the SQL comment */
PG_FUNCTION_INFO_V1(crm_sla_sweep);
Datum
crm_sla_sweep(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	TimestampTz as_of = PG_GETARG_TIMESTAMPTZ(1);
	SlaMapping *m;

	if (TIMESTAMP_NOT_FINITE(as_of))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("as_of must be a finite time, not \"%s\"", timestamptz_to_str(as_of))));
	/* a sweep ahead of the clock would record breaches that have not happened */
	if (as_of > GetCurrentStatementStartTimestamp() + SLA_CLIENT_SKEW_USECS)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("as_of \"%s\" is in the future", timestamptz_to_str(as_of)),
				 errhint("A sweep records what has passed: sweep as of now (the default) or earlier.")));
	m = updatable_table(relid, "sla_sweep");
	if (m->att[SLA_ROLE_NEXT_ALERT] == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("table \"%s\" has no column for the role next_alert", m->relname),
				 errhint("ALTER TABLE %s ADD sla_next_alert timestamptz; "
						 "CREATE INDEX ON %s (sla_next_alert) WHERE sla_next_alert IS NOT NULL; then SELECT crm_contract.sla_recompute('%s').",
						 m->relname, m->relname, m->relname)));
	if (sla_citus_distributed(relid))
		PG_RETURN_INT64(sla_citus_run(SLA_MODE_SWEEP, m, as_of));
	PG_RETURN_INT64(run_in_mode(SLA_MODE_SWEEP, m, as_of, sweep_body));
}

/* sla_recompute(tickets regclass): see the SQL comment */
PG_FUNCTION_INFO_V1(crm_sla_recompute);
Datum
crm_sla_recompute(PG_FUNCTION_ARGS)
{
	SlaMapping *m = updatable_table(PG_GETARG_OID(0), "sla_recompute");

	if (sla_citus_distributed(m->relid))
		PG_RETURN_INT64(sla_citus_run(SLA_MODE_RECOMPUTE, m, GetCurrentStatementStartTimestamp()));
	PG_RETURN_INT64(run_in_mode(SLA_MODE_RECOMPUTE, m, GetCurrentStatementStartTimestamp(), recompute_body));
}
