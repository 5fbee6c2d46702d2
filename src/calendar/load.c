/*
 * load.c - read a calendar's rows (crm_contract.calendar, calendar_hours,
 * calendar_exception, calendar_exception_hours, and in forecast mode
 * calendar_forecast) into a spec, validate it and compile it (core/calendar.h).
 *
 * The tables are read like a catalog: with the latest snapshot, so that a
 * cache is never older than an invalidation already processed.  A parallel
 * worker cannot take one; it reads with the query's snapshot and the cache
 * keeps its result for the transaction only (calendar/cache.c).
 */
#include "postgres.h"

#include "access/parallel.h"
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/snapmgr.h"

#include "calendar/load.h"
#include "calendar/report.h"
#include "core/civil.h"
#include "shared/citus.h"
#include "shared/spi.h"
#include "shared/text.h"

/* Offset changes are read for 1900..2199 at most; outside, the nearest offset holds. */
#define ZONE_WINDOW_LO_YEAR 1900
#define ZONE_WINDOW_HI_YEAR 2200

/* Read one interval from columns opens, closes of an SPI row. */
static CalInterval
spi_interval(HeapTuple tup, TupleDesc desc, int opens_col)
{
	bool		isnull;
	CalInterval iv;

	iv.open = DatumGetTimeADT(SPI_getbinval(tup, desc, opens_col, &isnull));
	iv.close = DatumGetTimeADT(SPI_getbinval(tup, desc, opens_col + 1, &isnull));
	return iv;
}

/*
 * The calendar row: time zone and covered days, and in forecast mode the
 * forecast after them.  False if there is none.
 */
static bool
read_calendar_row(const char *name, CalendarMode mode, Datum *args, CalSpec *spec, pg_tz **tz)
{
	Oid			argtypes[1] = {TEXTOID};
	char	   *tzname;
	bool		isnull;
	Datum		d;

	/* forecast_to read by name: a library newer than the schema (before ALTER EXTENSION UPDATE) still works */
	crm_spi_check(SPI_execute_with_args(psprintf("SELECT time_zone, covered_from, covered_to,"
												 " (pg_catalog.to_jsonb(c) OPERATOR(pg_catalog.->>) 'forecast_to')::pg_catalog.date"
												 " FROM %s c"
												 " WHERE name OPERATOR(pg_catalog.=) $1", crm_reference_table("calendar")),
										1, argtypes, args, NULL, true, 1),
				  SPI_OK_SELECT, "read crm_contract.calendar");
	if (SPI_processed == 0)
		return false;
	tzname = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);
	spec->has_lo = !isnull;
	spec->cov_lo = isnull ? 0 : DatumGetDateADT(d);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull);
	spec->has_hi = !isnull;
	spec->cov_hi = isnull ? 0 : DatumGetDateADT(d);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 4, &isnull);
	if (mode == CALENDAR_FORECAST && !isnull && spec->has_hi && DatumGetDateADT(d) > spec->cov_hi)
	{
		/* the forecast continues the covered days: the announced ones end the day before */
		spec->has_forecast = true;
		spec->forecast_from = spec->cov_hi + 1;
		spec->cov_hi = DatumGetDateADT(d);
	}

	*tz = pg_tzset(tzname);
	if (*tz == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone \"%s\" of calendar \"%s\" is not recognized", tzname, name),
				 errhint("Set crm_contract.calendar.time_zone to an IANA name such as Asia/Shanghai.")));
	return true;
}

/* Weekly hours, grouped by ISO weekday. */
static void
read_week_hours(Datum *args, CalSpec *spec)
{
	Oid			argtypes[1] = {TEXTOID};
	CalInterval *week_iv[7];
	uint64		i;
	int			w;

	crm_spi_check(SPI_execute_with_args(psprintf("SELECT weekday, opens, closes FROM %s"
												 " WHERE calendar OPERATOR(pg_catalog.=) $1 ORDER BY weekday, opens",
												 crm_reference_table("calendar_hours")),
										1, argtypes, args, NULL, true, 0),
				  SPI_OK_SELECT, "read crm_contract.calendar_hours");
	for (w = 0; w < 7; w++)
		week_iv[w] = palloc(sizeof(CalInterval) * (SPI_processed + 1));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		bool		isnull;
		int			wd = DatumGetInt16(SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &isnull));

		if (wd < 1 || wd > 7)
			continue;			/* refused by a CHECK constraint */
		week_iv[wd - 1][spec->nweek[wd - 1]++] = spi_interval(tup, SPI_tuptable->tupdesc, 2);
	}
	for (w = 0; w < 7; w++)
		spec->week[w] = week_iv[w];
}

/*
 * Dated exceptions, ascending, with the own hours of extra working days; with
 * a forecast, the announced ones up to its start and the forecast's after.
 */
static void
read_exceptions(Datum *args, CalSpec *spec)
{
	Oid			argtypes[2] = {TEXTOID, DATEOID};
	Datum		fargs[2];
	CalException *exc = NULL;
	CalInterval *ivs;
	int32		nexc = 0;
	int64		nivs = 0;
	uint64		i;
	const char *exceptions;
	const char *exception_hours;

	fargs[0] = args[0];
	fargs[1] = DateADTGetDatum(spec->has_forecast ? (DateADT) spec->forecast_from : DATEVAL_NOEND);
#define EXCEPTIONS_QUERY \
	"SELECT e.day, e.kind OPERATOR(pg_catalog.=) 'working'::crm_contract.day_kind, h.opens, h.closes" \
	" FROM %s e" \
	" LEFT JOIN %s h" \
	"   ON h.calendar OPERATOR(pg_catalog.=) e.calendar AND h.day OPERATOR(pg_catalog.=) e.day" \
	" WHERE e.calendar OPERATOR(pg_catalog.=) $1 AND e.day OPERATOR(pg_catalog.<) $2"
	/* calendar_forecast only where there is a forecast (a 0.2 schema has no such table) */
	exceptions = crm_reference_table("calendar_exception");
	exception_hours = crm_reference_table("calendar_exception_hours");
	crm_spi_check(SPI_execute_with_args(spec->has_forecast
										? psprintf(EXCEPTIONS_QUERY
												   " UNION ALL"
												   " SELECT f.day, f.kind OPERATOR(pg_catalog.=) 'working'::crm_contract.day_kind, NULL, NULL"
												   " FROM %s f"
												   " WHERE f.calendar OPERATOR(pg_catalog.=) $1 AND f.day OPERATOR(pg_catalog.>=) $2"
												   " ORDER BY 1, 3", exceptions, exception_hours,
												   crm_reference_table("calendar_forecast"))
										: psprintf(EXCEPTIONS_QUERY " ORDER BY 1, 3", exceptions, exception_hours),
										2, argtypes, fargs, NULL, true, 0),
				  SPI_OK_SELECT, "read crm_contract.calendar_exception");
	spec->nexceptions = 0;
	spec->exceptions = NULL;
	if (SPI_processed == 0)
		return;
	ivs = palloc(sizeof(CalInterval) * SPI_processed);
	exc = palloc0(sizeof(CalException) * SPI_processed);
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;
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
	spec->nexceptions = nexc;
	spec->exceptions = exc;
}

/* The zone's offset changes over the years the calendar can be asked about. */
static void
read_zone_window(pg_tz *tz, CalSpec *spec)
{
	int64		zlo = civil_days_from_ymd(ZONE_WINDOW_LO_YEAR, 1, 1);
	int64		zhi = civil_days_from_ymd(ZONE_WINDOW_HI_YEAR, 1, 1);

	if (spec->has_lo && spec->cov_lo - 2 > zlo)
		zlo = spec->cov_lo - 2;
	if (spec->has_hi && spec->cov_hi + 2 < zhi)
		zhi = spec->cov_hi + 2;
	if (zhi < zlo)
		zhi = zlo;
	calendar_read_zone(tz, zlo, zhi, &spec->zone);
}

Calendar *
calendar_load(const char *name, CalendarMode mode, MemoryContext mcxt)
{
	Datum		args[1];
	CalSpec		spec;
	CalError	err = {0};
	CalStatus	st;
	pg_tz	   *tz = NULL;
	Calendar   *result;

	memset(&spec, 0, sizeof(spec));
	args[0] = CStringGetTextDatum(name);

	crm_spi_connect();
	PushActiveSnapshot(IsInParallelMode() ? GetActiveSnapshot() : GetLatestSnapshot());
	if (!read_calendar_row(name, mode, args, &spec, &tz))
	{
		PopActiveSnapshot();
		SPI_finish();
		return NULL;
	}
	read_week_hours(args, &spec);
	read_exceptions(args, &spec);
	read_zone_window(tz, &spec);

	st = calendar_validate(&spec, &err);
	if (st != CAL_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("calendar \"%s\" is invalid: %s", name, calendar_spec_problem(st)),
				 err.day != 0 ? errdetail("The problem is at %s.", crm_date_text(err.day)) : 0,
				 errhint("Correct its rows in crm_contract.calendar_hours and crm_contract.calendar_exception.")));

	result = calendar_compile(&spec, MemoryContextAlloc(mcxt, calendar_compiled_size(&spec)));
	PopActiveSnapshot();
	SPI_finish();
	return result;
}
