/*
 * targets.c - the SLA targets of (contract, priority) read from
 * crm_contract.sla_target and cached per backend, and the deadlines and
 * warning instants they give a clock (core/sla_clock.h).
 */
#include "postgres.h"

#include "access/parallel.h"
#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/memutils.h"

#include "calendar/cache.h"
#include "calendar/load_lock.h"
#include "calendar/report.h"
#include "core/civil.h"
#include "core/zone.h"
#include "shared/owner.h"
#include "shared/relwatch.h"
#include "shared/spi.h"
#include "sla/targets.h"
#include "term/term_type.h"

/*
 * The targets read so far, per backend: a ticket insert reads no table once
 * its (contract, priority) is known.  Dropped when sla_target, contract or
 * tenant_member change (their statement triggers send a relcache
 * invalidation), and when the role or the chosen tenant changes, because
 * row-level security decides which targets a role sees.
 */
static HTAB *target_cache = NULL;
static MemoryContext target_context = NULL;
static Oid	target_user = InvalidOid;
static char *target_tenant = NULL;
static SPIPlanPtr targets_plan = NULL;
static SPIPlanPtr tenant_targets_plan = NULL;

static RelWatch watch = {.name = "SLA targets", .ntables = 3, .tables = {"sla_target", "contract", "tenant_member"}};

const char *const sla_metric_name[SLA_METRICS] = {"response", "resolution", "update"};

/* Contract and the priority's first bytes mixed: cheaper than hashing the whole padded key. */
static uint32
targets_hash(const void *key, Size keysize)
{
	const SlaTargets *k = (const SlaTargets *) key;
	uint64		p;

	memcpy(&p, k->priority, sizeof(p));
	return (uint32) (((uint64) k->contract * UINT64CONST(0x9E3779B97F4A7C15) ^ p * UINT64CONST(0xC2B2AE3D27D4EB4F)) >> 32);
}

void
sla_targets_init(void)
{
	relwatch_register(&watch);
}

void
sla_targets_check(void)
{
	const char *tenant = GetConfigOption("crm_contract.tenant", true, false);
	HASHCTL		ctl;

	AcceptInvalidationMessages();
	if (tenant == NULL)
		tenant = "";
	if (!relwatch_stale(&watch) && target_cache != NULL && target_user == GetUserId() &&
		strcmp(tenant, target_tenant) == 0)
		return;
	if (target_context == NULL)
		target_context = AllocSetContextCreate(CacheMemoryContext, "crm_contract SLA targets",
											   ALLOCSET_SMALL_SIZES);
	else
		MemoryContextReset(target_context);
	target_cache = NULL;
	relwatch_rebuilding(&watch);
	target_user = GetUserId();
	target_tenant = MemoryContextStrdup(target_context, tenant);
	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = offsetof(SlaTargets, tenant);
	ctl.entrysize = sizeof(SlaTargets);
	ctl.hcxt = target_context;
	ctl.hash = targets_hash;
	ctl.match = memcmp;
	target_cache = hash_create("crm_contract SLA targets", 256, &ctl,
							   HASH_ELEM | HASH_FUNCTION | HASH_COMPARE | HASH_CONTEXT);
}

/* Point t at its compiled calendars, again whenever the calendar cache was rebuilt. */
static void
targets_calendars(SlaTargets *t)
{
	uint64		gen;
	int			k;

	/*
	 * Deadlines stored on these calendars: their load locks, shared, once per
	 * transaction, even when the compiled calendars are cached from an earlier
	 * one (a year's load then waits for this write; a write that waited for a
	 * load reads its days afresh below).
	 */
	if (t->load_locked != MyProc->lxid && !IsInParallelMode())
	{
		for (k = 0; k < SLA_METRICS; k++)
			if (t->has[k])
				calendar_share_load_lock(t->calname[k]);
		t->load_locked = MyProc->lxid;
	}
	/* a lookup may rebuild the cache and free what an earlier one returned: repeat until stable */
	while ((gen = calendar_cache_current()) != t->calgen)
	{
		for (k = 0; k < SLA_METRICS; k++)
			if (t->has[k])
			{
				/* the forecast past the announced days: a ticket write never fails for lack of a year */
				t->cal[k] = calendar_lookup_mode(t->calname[k], CALENDAR_FORECAST);
				if (t->cal[k] == NULL)
					ereport(ERROR,
							(errcode(ERRCODE_UNDEFINED_OBJECT),
							 errmsg("calendar \"%s\" of the SLA target of contract %lld, priority \"%s\" does not exist",
									t->calname[k], (long long) t->contract, t->priority)));
			}
		t->calgen = gen;
	}
}

/* The warning shares of one target: millionths, ascending, each once, inside (0, 1). */
static void
read_warnings(SlaTargets *t, int k, Datum warn)
{
	Datum	   *v;
	bool	   *vnull;
	int			n,
				j;

	deconstruct_array(DatumGetArrayTypeP(warn), INT4OID, 4, true, TYPALIGN_INT, &v, &vnull, &n);
	for (j = 0; j < n && t->nwarn[k] < SLA_MAX_WARN; j++)
		if (!vnull[j] && DatumGetInt32(v[j]) > 0 && DatumGetInt32(v[j]) < SLA_SHARE_SCALE)
			t->warn[k][t->nwarn[k]++] = DatumGetInt32(v[j]);
}

/*
 * Read the targets of (contract, priority) into t (strings in mcxt).  The
 * contract is read too, with the role's rights: no row means row-level
 * security hides it (or there is none), which the trigger reports as such.
 */
static void
read_targets(SlaTargets *t, MemoryContext mcxt, const char *priority, const char *tenant)
{
	int			i;
	Datum		args[3];

	args[0] = Int64GetDatum(t->contract);
	args[1] = CStringGetTextDatum(priority);
	args[2] = tenant ? CStringGetTextDatum(tenant) : (Datum) 0;
	crm_spi_connect();
	if (tenant != NULL)
	{
		Oid			types[3] = {INT8OID, TEXTOID, TEXTOID};

		/* the same, in one tenant: on Citus a query of the shards on this node */
		crm_spi_plan(&tenant_targets_plan,
			"SELECT c.tenant, s.metric::pg_catalog.text, s.target, coalesce(s.calendar, c.calendar),"
			"       (SELECT pg_catalog.array_agg(DISTINCT (w OPERATOR(pg_catalog.*) 1000000)::pg_catalog.int4"
			"                                    ORDER BY (w OPERATOR(pg_catalog.*) 1000000)::pg_catalog.int4)"
			"          FROM pg_catalog.unnest(s.warn_at) w)"
			"  FROM crm_contract.contract c"
			"  LEFT JOIN crm_contract.sla_target s ON s.contract_id OPERATOR(pg_catalog.=) c.id"
			"        AND s.tenant OPERATOR(pg_catalog.=) $3 AND s.priority OPERATOR(pg_catalog.=) $2"
			" WHERE c.id OPERATOR(pg_catalog.=) $1 AND c.tenant OPERATOR(pg_catalog.=) $3", 3, types);
		crm_spi_check(SPI_execute_plan(tenant_targets_plan, args, NULL, true, 0), SPI_OK_SELECT,
					  "read crm_contract.sla_target");
	}
	else
	{
		Oid			types[2] = {INT8OID, TEXTOID};

		/*
		 * warn_at as millionths (numeric to integer rounds, no floating
		 * point), each share once: thresholds written with more decimals
		 * before 0.3 refused them must not warn twice at one share.  Joined
		 * on the tenant too, as a distributed table would need.
		 */
		crm_spi_plan(&targets_plan,
			"SELECT c.tenant, s.metric::pg_catalog.text, s.target, coalesce(s.calendar, c.calendar),"
			"       (SELECT pg_catalog.array_agg(DISTINCT (w OPERATOR(pg_catalog.*) 1000000)::pg_catalog.int4"
			"                                    ORDER BY (w OPERATOR(pg_catalog.*) 1000000)::pg_catalog.int4)"
			"          FROM pg_catalog.unnest(s.warn_at) w)"
			"  FROM crm_contract.contract c"
			"  LEFT JOIN crm_contract.sla_target s ON s.contract_id OPERATOR(pg_catalog.=) c.id"
			"        AND s.tenant OPERATOR(pg_catalog.=) c.tenant AND s.priority OPERATOR(pg_catalog.=) $2"
			" WHERE c.id OPERATOR(pg_catalog.=) $1", 2, types);
		crm_spi_check(SPI_execute_plan(targets_plan, args, NULL, true, 0), SPI_OK_SELECT,
					  "read crm_contract.sla_target");
	}
	for (i = 0; i < (int) SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	td = SPI_tuptable->tupdesc;
		char	   *metric = SPI_getvalue(tup, td, 2);
		bool		isnull;
		int			k;
		Datum		warn;

		t->visible = true;
		t->tenant = MemoryContextStrdup(mcxt, SPI_getvalue(tup, td, 1));
		if (metric == NULL)
			continue;			/* the contract, without a target for this priority */
		for (k = 0; k < SLA_METRICS && strcmp(metric, sla_metric_name[k]) != 0; k++)
			;
		if (k == SLA_METRICS)
			continue;
		t->has[k] = true;
		t->term[k] = DatumGetTerm(SPI_getbinval(tup, td, 3, &isnull));
		t->calname[k] = MemoryContextStrdup(mcxt, SPI_getvalue(tup, td, 4));
		warn = SPI_getbinval(tup, td, 5, &isnull);
		if (!isnull)
			read_warnings(t, k, warn);
	}
	SPI_finish();
}

SlaTargets *
sla_targets_for(int64 contract, const char *priority, const char *tenant)
{
	SlaTargets	fresh;
	SlaTargets *t;
	bool		found;

	memset(&fresh, 0, sizeof(fresh));
	fresh.contract = contract;
	if (strlen(priority) < SLA_PRIORITY_KEY_LEN)
	{
		strcpy(fresh.priority, priority);
		t = hash_search(target_cache, &fresh, HASH_FIND, NULL);
		if (t != NULL && tenant != NULL && t->visible && strcmp(t->tenant, tenant) != 0)
		{
			/* the contract id of another tenant than the ticket's: read for this row only */
			t = palloc(sizeof(SlaTargets));
			memcpy(t, &fresh, sizeof(fresh));
			read_targets(t, CurrentMemoryContext, priority, tenant);
			targets_calendars(t);
			return t;
		}
		if (t == NULL)
		{
			int			k;

			/* read fully before entering: an error leaves no half-made entry */
			read_targets(&fresh, CurrentMemoryContext, priority, tenant);
			if (relwatch_stale(&watch))
			{
				/* an invalidation arrived meanwhile: use what we read for this row only */
				t = palloc(sizeof(SlaTargets));
				memcpy(t, &fresh, sizeof(fresh));
				targets_calendars(t);
				return t;
			}
			for (k = 0; k < SLA_METRICS; k++)
				if (fresh.calname[k])
					fresh.calname[k] = MemoryContextStrdup(target_context, fresh.calname[k]);
			if (fresh.tenant)
				fresh.tenant = MemoryContextStrdup(target_context, fresh.tenant);
			t = hash_search(target_cache, &fresh, HASH_ENTER, &found);
			memcpy(t, &fresh, sizeof(fresh));
		}
	}
	else
	{
		/* too long to be a key: read for this row only */
		strlcpy(fresh.priority, priority, SLA_PRIORITY_KEY_LEN);	/* for messages */
		t = palloc(sizeof(SlaTargets));
		read_targets(&fresh, CurrentMemoryContext, priority, tenant);
		memcpy(t, &fresh, sizeof(fresh));
	}
	targets_calendars(t);
	return t;
}

bool
sla_contract_exists(int64 contract, const char *tenant)
{
	static SPIPlanPtr exists_plan = NULL;
	static SPIPlanPtr tenant_exists_plan = NULL;
	Oid			types[2] = {INT8OID, TEXTOID};
	Datum		args[2] = {Int64GetDatum(contract), tenant ? CStringGetTextDatum(tenant) : (Datum) 0};
	SPIPlanPtr	plan;
	Oid			owner,
				save_user;
	int			save_sec;
	bool		exists;

	owner = crm_table_owner("contract");
	crm_spi_connect();
	plan = tenant == NULL
		? crm_spi_plan(&exists_plan, "SELECT FROM crm_contract.contract c WHERE c.id OPERATOR(pg_catalog.=) $1", 1, types)
		: crm_spi_plan(&tenant_exists_plan, "SELECT FROM crm_contract.contract c WHERE c.id OPERATOR(pg_catalog.=) $1"
					   " AND c.tenant OPERATOR(pg_catalog.=) $2", 2, types);
	/* as the table's owner for this statement only, as ri_triggers.c checks a reference */
	GetUserIdAndSecContext(&save_user, &save_sec);
	SetUserIdAndSecContext(owner, save_sec | SECURITY_LOCAL_USERID_CHANGE | SECURITY_NOFORCE_RLS);
	crm_spi_check(SPI_execute_plan(plan, args, NULL, true, 1), SPI_OK_SELECT, "read crm_contract.contract");
	SetUserIdAndSecContext(save_user, save_sec);
	exists = SPI_processed > 0;
	SPI_finish();
	return exists;
}

static void
clock_check(CalStatus st, const CalError *err, const SlaTargets *t, int k, int64 result)
{
	if (st != CAL_OK)
		calendar_report(st, err, t->calname[k], t->cal[k]);
	if (err->provisional)
		calendar_note_forecast(t->calname[k], t->cal[k]);	/* one NOTICE per statement and calendar */
	if (!IS_VALID_TIMESTAMP(result))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("SLA deadline of contract %lld, priority \"%s\" out of range",
						(long long) t->contract, t->priority)));
}

TimestampTz
sla_target_deadline(const SlaTargets *t, int k, TimestampTz start, const SlaPause *pauses, int npauses)
{
	CalError	err = {0};
	int64		due = 0;
	CalStatus	st = sla_clock_deadline(t->cal[k], &t->term[k], start, pauses, npauses, &due, &err);

	clock_check(st, &err, t, k, due);
	return (TimestampTz) due;
}

TimestampTz
sla_target_warning(const SlaTargets *t, int k, int j, TimestampTz start, const SlaPause *pauses, int npauses)
{
	CalError	err = {0};
	int64		at = 0;
	CalStatus	st = sla_clock_share_instant(t->cal[k], &t->term[k], start, t->warn[k][j],
											 pauses, npauses, &at, &err);

	clock_check(st, &err, t, k, at);
	return (TimestampTz) at;
}


bool
sla_targets_provisional(const SlaTargets *t, const bool *has_due, const TimestampTz *due)
{
	int			k;

	if (t == NULL)
		return false;
	for (k = 0; k < SLA_METRICS; k++)
	{
		int64		from;

		if (t->has[k] && has_due[k] && term_unit_is_working(t->term[k].unit) && t->cal[k] != NULL &&
			calendar_forecast_from(t->cal[k], &from) &&
			civil_floor_div(zone_to_local(calendar_zone(t->cal[k]), due[k]), CIVIL_USECS_PER_DAY) >= from)
			return true;
	}
	return false;
}
