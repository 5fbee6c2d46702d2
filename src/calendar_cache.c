/*
 * calendar_cache.c - compile calendars from their tables into per-session
 * memory, and drop them when any session changes a calendar table.
 *
 * A statement trigger on each calendar table (calendar_changed) sends a
 * relcache invalidation for that table; every backend's relcache callback
 * then marks the cache stale, and the next lookup rebuilds it.  Callbacks must
 * not do catalog access, so they only set a flag.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "access/parallel.h"
#include "access/xact.h"
#include "storage/proc.h"
#include "utils/timestamp.h"

#include "calendar_cache.h"
#include "core/civil.h"
#include "spi_util.h"

#define CALENDAR_KEY_LEN 256	/* 63 characters of up to 4 bytes, and a NUL */

/* Offset changes are read for 1900..2199 at most; outside, the nearest offset holds. */
#define ZONE_WINDOW_LO_YEAR 1900
#define ZONE_WINDOW_HI_YEAR 2200
#define UNIX_EPOCH_SECS_BEFORE_PG INT64CONST(946684800)

typedef struct CalendarEntry
{
	char		name[CALENDAR_KEY_LEN];	/* hash key */
	WorkCalendar *cal;
	LocalTransactionId only_in;	/* valid only in this transaction, or invalid */
} CalendarEntry;

/* What a call keeps in fn_extra. */
typedef struct CalendarCallCache
{
	TimestampTz statement;		/* statement the entry was checked in */
	LocalTransactionId xact;
	uint64		generation;
	int			namelen;
	char		name[CALENDAR_KEY_LEN];
	const WorkCalendar *cal;
} CalendarCallCache;

static HTAB *calendars = NULL;
static MemoryContext calendar_context = NULL;
static uint64 cache_generation = 1;
static bool cache_stale = false;

/* OIDs of the four calendar tables, learnt when the cache is (re)built. */
static Oid	watched_tables[4] = {InvalidOid, InvalidOid, InvalidOid, InvalidOid};

static void
calendar_relcache_callback(Datum arg, Oid relid)
{
	size_t		i;

	if (relid == InvalidOid)
	{
		cache_stale = true;
		return;
	}
	for (i = 0; i < lengthof(watched_tables); i++)
		if (watched_tables[i] == relid)
			cache_stale = true;
}

void
calendar_cache_init(void)
{
	CacheRegisterRelcacheCallback(calendar_relcache_callback, (Datum) 0);
}

static void
learn_watched_tables(void)
{
	static const char *const names[4] = {
		"calendar", "calendar_hours", "calendar_exception", "calendar_exception_hours"
	};
	Oid			nsp = get_namespace_oid("crm_contract", true);
	int			i;

	for (i = 0; i < 4; i++)
		watched_tables[i] = OidIsValid(nsp) ? get_relname_relid(names[i], nsp) : InvalidOid;
}

static void
reset_cache_if_stale(void)
{
	HASHCTL		ctl;

	if (calendars != NULL && !cache_stale)
		return;
	if (calendar_context == NULL)
		calendar_context = AllocSetContextCreate(CacheMemoryContext,
												 "crm_contract calendars",
												 ALLOCSET_SMALL_SIZES);
	else
		MemoryContextReset(calendar_context);
	calendars = NULL;
	cache_stale = false;
	cache_generation++;
	learn_watched_tables();

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = CALENDAR_KEY_LEN;
	ctl.entrysize = sizeof(CalendarEntry);
	ctl.hcxt = calendar_context;
	calendars = hash_create("crm_contract calendars", 8, &ctl,
							HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
}

static char *day_text(int64 day);

/* ---------- compiling ---------- */

static int64
usecs_of_time(Datum d)
{
	return DatumGetTimeADT(d);
}

/* Read one interval from columns opens, closes of an SPI row. */
static WcInterval
spi_interval(HeapTuple tup, TupleDesc desc, int opens_col)
{
	bool		isnull;
	WcInterval	iv;

	iv.open = usecs_of_time(SPI_getbinval(tup, desc, opens_col, &isnull));
	iv.close = usecs_of_time(SPI_getbinval(tup, desc, opens_col + 1, &isnull));
	return iv;
}

/*
 * The offset changes of a zone between two days, via PostgreSQL's tz library.
 */
static void
read_zone(pg_tz *tz, int64 lo_day, int64 hi_day, Zone *zone)
{
	pg_time_t	t = (pg_time_t) (lo_day * SECS_PER_DAY + UNIX_EPOCH_SECS_BEFORE_PG);
	pg_time_t	end = (pg_time_t) (hi_day * SECS_PER_DAY + UNIX_EPOCH_SECS_BEFORE_PG);
	long int	before_off,
				after_off;
	int			before_dst,
				after_dst;
	pg_time_t	boundary;
	int			r;
	int			n = 0,
				cap = 16;
	ZoneShift  *shifts = palloc(sizeof(ZoneShift) * cap);

	r = pg_next_dst_boundary(&t, &before_off, &before_dst, &boundary,
							 &after_off, &after_dst, tz);
	zone->base = (int32) before_off;
	while (r == 1 && boundary <= end)
	{
		if (after_off != before_off)
		{
			if (n == cap)
			{
				cap *= 2;
				shifts = repalloc(shifts, sizeof(ZoneShift) * cap);
			}
			shifts[n].at = ((int64) boundary - UNIX_EPOCH_SECS_BEFORE_PG) * USECS_PER_SEC;
			shifts[n].before = (int32) before_off;
			shifts[n].after = (int32) after_off;
			n++;
		}
		/* next change strictly after this one */
		t = boundary > t ? boundary : t + 1;
		r = pg_next_dst_boundary(&t, &before_off, &before_dst, &boundary,
								 &after_off, &after_dst, tz);
	}
	zone->nshifts = n;
	zone->shifts = shifts;
}

static const char *
wc_spec_problem(WcStatus st)
{
	switch (st)
	{
		case WC_ERR_BAD_INTERVAL:
			return "an interval closes before it opens or lies outside 00:00 to 24:00";
		case WC_ERR_OVERLAP:
			return "two intervals of one day overlap";
		case WC_ERR_EXCEPTION_ORDER:
			return "an exception day lies outside the supported date range";
		case WC_ERR_HOLIDAY_HOURS:
			return "a holiday has working hours";
		case WC_ERR_NO_USUAL_HOURS:
			return "an extra working day has no hours of its own and the calendar has no weekly hours";
		case WC_ERR_BAD_COVERAGE:
			return "the covered range is empty or outside the supported date range";
		default:
			return "it is inconsistent";
	}
}

/* Compile a calendar from its rows; NULL if there is no such calendar. */
static WorkCalendar *
compile_calendar(const char *name)
{
	Oid			argtypes[1] = {TEXTOID};
	Datum		args[1];
	WcSpec		spec;
	WcError		err;
	WcStatus	st;
	char	   *tzname;
	pg_tz	   *tz;
	bool		isnull;
	Datum		d;
	uint64		i;
	int			w;
	WcInterval *week_iv[7];
	WcException *exc = NULL;
	int32		nexc = 0;
	WorkCalendar *result = NULL;
	size_t		size;
	int64		zlo,
				zhi;

	memset(&spec, 0, sizeof(spec));
	args[0] = CStringGetTextDatum(name);

	crm_spi_connect();

	/*
	 * Read the calendar like a catalog: with the latest snapshot, so that the
	 * cache is never older than an invalidation already processed.  A
	 * parallel worker cannot take one; it reads with the query's snapshot and
	 * keeps the result for this transaction only (see calendar_lookup).
	 */
	if (!IsInParallelMode())
		PushActiveSnapshot(GetLatestSnapshot());
	else
		PushActiveSnapshot(GetActiveSnapshot());

	crm_spi_check(SPI_execute_with_args("SELECT time_zone, covered_from, covered_to"
							  " FROM crm_contract.calendar"
							  " WHERE name OPERATOR(pg_catalog.=) $1",
							  1, argtypes, args, NULL, true, 1),
				  SPI_OK_SELECT, "read crm_contract.calendar");
	if (SPI_processed == 0)
	{
		PopActiveSnapshot();
		SPI_finish();
		return NULL;
	}
	tzname = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);
	spec.has_lo = !isnull;
	spec.cov_lo = isnull ? 0 : DatumGetDateADT(d);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull);
	spec.has_hi = !isnull;
	spec.cov_hi = isnull ? 0 : DatumGetDateADT(d);

	tz = pg_tzset(tzname);
	if (tz == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone \"%s\" of calendar \"%s\" is not recognized", tzname, name),
				 errhint("Set crm_contract.calendar.time_zone to an IANA name such as Asia/Shanghai.")));

	/* weekly hours, grouped by weekday */
	crm_spi_check(SPI_execute_with_args("SELECT weekday, opens, closes FROM crm_contract.calendar_hours"
							  " WHERE calendar OPERATOR(pg_catalog.=) $1 ORDER BY weekday, opens",
							  1, argtypes, args, NULL, true, 0),
				  SPI_OK_SELECT, "read crm_contract.calendar_hours");
	for (w = 0; w < 7; w++)
		week_iv[w] = palloc(sizeof(WcInterval) * (SPI_processed + 1));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		int			wd = DatumGetInt16(SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &isnull));

		if (wd < 1 || wd > 7)
			continue;			/* refused by a CHECK constraint */
		week_iv[wd - 1][spec.nweek[wd - 1]++] = spi_interval(tup, SPI_tuptable->tupdesc, 2);
	}
	for (w = 0; w < 7; w++)
		spec.week[w] = week_iv[w];

	/* exceptions, with the own hours of extra working days */
	crm_spi_check(SPI_execute_with_args("SELECT e.day, e.kind OPERATOR(pg_catalog.=) 'working'::crm_contract.day_kind,"
							  " h.opens, h.closes"
							  " FROM crm_contract.calendar_exception e"
							  " LEFT JOIN crm_contract.calendar_exception_hours h"
							  "   ON h.calendar OPERATOR(pg_catalog.=) e.calendar"
							  "  AND h.day OPERATOR(pg_catalog.=) e.day"
							  " WHERE e.calendar OPERATOR(pg_catalog.=) $1"
							  " ORDER BY e.day, h.opens",
							  1, argtypes, args, NULL, true, 0),
				  SPI_OK_SELECT, "read crm_contract.calendar_exception");
	if (SPI_processed > 0)
	{
		WcInterval *ivs = palloc(sizeof(WcInterval) * SPI_processed);
		int64		nivs = 0;

		exc = palloc0(sizeof(WcException) * SPI_processed);
		for (i = 0; i < SPI_processed; i++)
		{
			HeapTuple	tup = SPI_tuptable->vals[i];
			TupleDesc	desc = SPI_tuptable->tupdesc;
			int64		day = DatumGetDateADT(SPI_getbinval(tup, desc, 1, &isnull));
			bool		working = DatumGetBool(SPI_getbinval(tup, desc, 2, &isnull));

			if (nexc == 0 || exc[nexc - 1].day != day)
			{
				exc[nexc].day = day;
				exc[nexc].working = working;
				exc[nexc].intervals = ivs + nivs;
				exc[nexc].nintervals = 0;
				nexc++;
			}
			(void) SPI_getbinval(tup, desc, 3, &isnull);
			if (!isnull)
			{
				ivs[nivs++] = spi_interval(tup, desc, 3);
				exc[nexc - 1].nintervals++;
			}
		}
	}
	spec.nexceptions = nexc;
	spec.exceptions = exc;

	/* the zone's offset changes over the years the calendar can be asked about */
	zlo = civil_days_from_ymd(ZONE_WINDOW_LO_YEAR, 1, 1);
	zhi = civil_days_from_ymd(ZONE_WINDOW_HI_YEAR, 1, 1);
	if (spec.has_lo && spec.cov_lo - 2 > zlo)
		zlo = spec.cov_lo - 2;
	if (spec.has_hi && spec.cov_hi + 2 < zhi)
		zhi = spec.cov_hi + 2;
	if (zhi < zlo)
		zhi = zlo;
	read_zone(tz, zlo, zhi, &spec.zone);

	st = wc_validate(&spec, &err);
	if (st != WC_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("calendar \"%s\" is invalid: %s", name, wc_spec_problem(st)),
				 err.day != 0 ? errdetail("The problem is at %s.", day_text(err.day)) : 0,
				 errhint("Correct its rows in crm_contract.calendar_hours and crm_contract.calendar_exception.")));

	size = wc_compiled_size(&spec);
	result = wc_compile(&spec, MemoryContextAlloc(calendar_context, size));
	PopActiveSnapshot();
	SPI_finish();
	return result;
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
const WorkCalendar *
calendar_lookup(const char *name)
{
	CalendarEntry *entry;
	bool		found;
	WorkCalendar *cal;

	reset_cache_if_stale();
	if (strlen(name) >= CALENDAR_KEY_LEN)
		return NULL;
	entry = hash_search(calendars, name, HASH_FIND, NULL);
	if (entry != NULL && (entry->only_in == InvalidLocalTransactionId ||
						  entry->only_in == MyProc->lxid))
		return entry->cal;

	cal = compile_calendar(name);

	/* an invalidation during compiling made the cache stale: use this result once */
	if (cache_stale || cal == NULL)
		return cal;
	entry = hash_search(calendars, name, HASH_ENTER, &found);
	entry->cal = cal;
	entry->only_in = IsInParallelMode() ? MyProc->lxid : InvalidLocalTransactionId;
	return cal;
}

const WorkCalendar *
calendar_for_call(FunctionCallInfo fcinfo, int argno)
{
	text	   *arg = PG_GETARG_TEXT_PP(argno);
	int			len = VARSIZE_ANY_EXHDR(arg);
	CalendarCallCache *cc = (CalendarCallCache *) fcinfo->flinfo->fn_extra;
	const WorkCalendar *cal;

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
	if (cc != NULL && !cache_stale && cc->generation == cache_generation &&
		cc->namelen == len && memcmp(cc->name, VARDATA_ANY(arg), len) == 0)
		return cc->cal;

	if (len >= CALENDAR_KEY_LEN)
		cal = NULL;
	else
	{
		char		name[CALENDAR_KEY_LEN];

		memcpy(name, VARDATA_ANY(arg), len);
		name[len] = '\0';
		cal = calendar_lookup(name);
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
	cc->generation = cache_stale ? 0 : cache_generation;
	cc->namelen = len;
	memcpy(cc->name, VARDATA_ANY(arg), len);
	cc->cal = cal;
	return cal;
}

void
calendar_cache_visit(calendar_visit_fn fn, void *arg)
{
	HASH_SEQ_STATUS seq;
	CalendarEntry *entry;

	reset_cache_if_stale();
	hash_seq_init(&seq, calendars);
	while ((entry = hash_seq_search(&seq)) != NULL)
		fn(entry->name, entry->cal, arg);
}

/* ---------- errors ---------- */

/* ISO date text whatever DateStyle says, for messages. */
static char *
day_text(int64 day)
{
	int64		y;
	int			m,
				d;

	civil_ymd_from_days(day, &y, &m, &d);
	return psprintf("%04lld-%02d-%02d", (long long) y, m, d);
}

void
calendar_report(WcStatus st, const WcError *err, const char *name, const WorkCalendar *cal)
{
	int64		y;
	int			m,
				d;
	int64		lo,
				hi;

	switch (st)
	{
		case WC_ERR_UNCOVERED:
			civil_ymd_from_days(err->day, &y, &m, &d);
			wc_coverage(cal, &lo, &hi);
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
					 errmsg("calendar \"%s\" has no holiday data for %lld", name, (long long) y),
					 errdetail("The computation needs %s; the calendar covers %s to %s.", day_text(err->day),
							   lo == WC_DAY_MIN ? "-infinity" : day_text(lo),
							   hi == WC_DAY_MAX ? "infinity" : day_text(hi)),
					 errhint("Load the holidays of %lld into crm_contract.calendar_exception and extend crm_contract.calendar.%s.",
							 (long long) y, err->day > hi ? "covered_to" : "covered_from")));
			break;
		case WC_ERR_NO_WORKING_DAY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("calendar \"%s\" has no working day in that direction", name),
					 errhint("Give the calendar weekly hours in crm_contract.calendar_hours.")));
			break;
		case WC_ERR_NEEDS_TIME:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("a term in hours or minutes cannot be applied to a date"),
					 errhint("Use due(timestamptz, term) for terms shorter than a day.")));
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("date out of range for calendar \"%s\"", name),
					 errdetail("Calendar arithmetic stays within 4714-11-24 BC and 294276-12-31.")));
			break;
	}
	pg_unreachable();
}
