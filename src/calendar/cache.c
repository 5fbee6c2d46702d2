/*
 * cache.c - the per-backend cache of compiled calendars, and the SQL
 * function calendar_cache() that shows it.
 *
 * Calendars are compiled on first use (calendar/load.c) into one context
 * under CacheMemoryContext and dropped together when any calendar table
 * changes (shared/relwatch.h).  A function call keeps its calendar in
 * fn_extra with the cache generation, so warm calls do no lookups at all.
 */
#include "postgres.h"

#include "access/parallel.h"
#include "access/xact.h"
#include "funcapi.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "calendar/cache.h"
#include "calendar/load.h"
#include "calendar/load_lock.h"
#include "shared/relwatch.h"

#define CALENDAR_NAME_LEN 256	/* 63 characters of up to 4 bytes, and a NUL */
#define CALENDAR_KEY_LEN (CALENDAR_NAME_LEN + 1)	/* the mode's letter, then the name */

typedef struct CalendarEntry
{
	char		key[CALENDAR_KEY_LEN];	/* hash key: 'S' (strict) or 'F' (forecast), then the name */
	Calendar   *cal;
	LocalTransactionId only_in;	/* valid only in this transaction, or invalid */
} CalendarEntry;

/* What a call keeps in fn_extra. */
typedef struct CalendarCallCache
{
	TimestampTz statement;		/* statement the entry was checked in */
	LocalTransactionId xact;
	uint64		generation;
	CalendarMode mode;
	int			namelen;
	char		name[CALENDAR_NAME_LEN];
	const Calendar *cal;
} CalendarCallCache;

/* crm_contract.beyond_coverage: error (strict) or forecast */
static int	beyond_coverage = CALENDAR_STRICT;

static const struct config_enum_entry beyond_coverage_options[] = {
	{"error", CALENDAR_STRICT, false},
	{"forecast", CALENDAR_FORECAST, false},
	{NULL, 0, false}
};

static HTAB *calendars = NULL;
static MemoryContext calendar_context = NULL;
static uint64 cache_generation = 1;

static RelWatch watch = {
	.name = "calendars", .ntables = 5,
	.tables = {"calendar", "calendar_hours", "calendar_exception", "calendar_exception_hours",
	"calendar_forecast"}
};

void
calendar_cache_init(void)
{
	relwatch_register(&watch);
	DefineCustomEnumVariable("crm_contract.beyond_coverage",
							 "What calendar computations do past the days a calendar covers.",
							 "error (the default) raises SQLSTATE 22008; forecast computes on the calendar's forecast "
							 "and says so with a NOTICE.  Deadlines stored by crm_contract always use the forecast.",
							 &beyond_coverage, CALENDAR_STRICT, beyond_coverage_options,
							 PGC_USERSET, 0, NULL, NULL, NULL);
}

CalendarMode
calendar_mode_setting(void)
{
	return (CalendarMode) beyond_coverage;
}

static void
reset_cache_if_stale(void)
{
	HASHCTL		ctl;

	if (calendars != NULL && !relwatch_stale(&watch))
		return;
	if (calendar_context == NULL)
		calendar_context = AllocSetContextCreate(CacheMemoryContext,
												 "crm_contract calendars",
												 ALLOCSET_SMALL_SIZES);
	else
		MemoryContextReset(calendar_context);
	calendars = NULL;
	cache_generation++;
	relwatch_rebuilding(&watch);

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = CALENDAR_KEY_LEN;
	ctl.entrysize = sizeof(CalendarEntry);
	ctl.hcxt = calendar_context;
	calendars = hash_create("crm_contract calendars", 8, &ctl,
							HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
}

/*
 * The cache's generation after dropping it if stale: a caller that keeps
 * calendar pointers across rows looks them up again when it changes.
 */
uint64
calendar_cache_current(void)
{
	reset_cache_if_stale();
	return cache_generation;
}

/* Look a calendar up by name, compiling it on first use; NULL if none. */
const Calendar *
calendar_lookup_mode(const char *name, CalendarMode mode)
{
	CalendarEntry *entry;
	bool		found;
	Calendar   *cal;
	char		key[CALENDAR_KEY_LEN];

	if (strlen(name) >= CALENDAR_NAME_LEN)
		return NULL;
	/* deadlines that may be stored come from the forecast: not while its year is loaded */
	if (mode == CALENDAR_FORECAST && !IsInParallelMode())
		calendar_share_load_lock(name);
	reset_cache_if_stale();
	key[0] = mode == CALENDAR_FORECAST ? 'F' : 'S';
	strcpy(key + 1, name);
	entry = hash_search(calendars, key, HASH_FIND, NULL);
	if (entry != NULL && (entry->only_in == InvalidLocalTransactionId ||
						  entry->only_in == MyProc->lxid))
		return entry->cal;

	cal = calendar_load(name, mode, calendar_context);

	/* an invalidation during compiling made the cache stale: use this result once */
	if (relwatch_stale(&watch) || cal == NULL)
		return cal;
	entry = hash_search(calendars, key, HASH_ENTER, &found);
	entry->cal = cal;
	entry->only_in = IsInParallelMode() ? MyProc->lxid : InvalidLocalTransactionId;
	return cal;
}

const Calendar *
calendar_lookup(const char *name)
{
	return calendar_lookup_mode(name, CALENDAR_STRICT);
}

const Calendar *
calendar_for_call(FunctionCallInfo fcinfo, int argno)
{
	return calendar_for_call_mode(fcinfo, argno, calendar_mode_setting());
}

const Calendar *
calendar_for_call_mode(FunctionCallInfo fcinfo, int argno, CalendarMode mode)
{
	text	   *arg = PG_GETARG_TEXT_PP(argno);
	int			len = VARSIZE_ANY_EXHDR(arg);
	CalendarCallCache *cc = (CalendarCallCache *) fcinfo->flinfo->fn_extra;
	const Calendar *cal;
	TimestampTz stmt = GetCurrentStatementStartTimestamp();

	/*
	 * A statement that reads no table takes no lock, so invalidations sent by
	 * other sessions are fetched here, once per statement.
	 */
	if (cc == NULL || cc->statement != stmt || cc->xact != MyProc->lxid)
	{
		AcceptInvalidationMessages();
		if (cc != NULL)
		{
			cc->statement = stmt;
			cc->xact = MyProc->lxid;
			if (IsInParallelMode())
				cc->generation = 0;	/* re-check transaction-local entries */
		}
	}
	if (cc != NULL && !relwatch_stale(&watch) && cc->generation == cache_generation &&
		cc->mode == mode && cc->namelen == len && memcmp(cc->name, VARDATA_ANY(arg), len) == 0)
		return cc->cal;

	if (len >= CALENDAR_NAME_LEN)
		cal = NULL;
	else
	{
		char		name[CALENDAR_NAME_LEN];

		memcpy(name, VARDATA_ANY(arg), len);
		name[len] = '\0';
		cal = calendar_lookup_mode(name, mode);
	}
	if (cal == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("calendar \"%s\" does not exist", text_to_cstring(arg)),
				 errhint("Calendars are the rows of crm_contract.calendar; CN, 24x7 and weekdays are shipped.")));

	if (cc == NULL)
	{
		cc = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(CalendarCallCache));
		fcinfo->flinfo->fn_extra = cc;
	}
	cc->statement = stmt;
	cc->xact = MyProc->lxid;
	cc->generation = relwatch_stale(&watch) ? 0 : cache_generation;
	cc->mode = mode;
	cc->namelen = len;
	memcpy(cc->name, VARDATA_ANY(arg), len);
	cc->cal = cal;
	return cal;
}

/* calendar_cache(): calendars compiled in this session and their size */
PG_FUNCTION_INFO_V1(crm_calendar_cache);
Datum
crm_calendar_cache(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	HASH_SEQ_STATUS seq;
	CalendarEntry *entry;

	InitMaterializedSRF(fcinfo, 0);
	reset_cache_if_stale();
	hash_seq_init(&seq, calendars);
	while ((entry = hash_seq_search(&seq)) != NULL)
	{
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		values[0] = CStringGetTextDatum(entry->key + 1);
		values[1] = Int64GetDatum((int64) calendar_size(entry->cal));
		values[2] = Int32GetDatum(calendar_table_days(entry->cal));
		values[3] = Int32GetDatum(calendar_zone(entry->cal)->nshifts);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
