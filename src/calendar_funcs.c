/*
 * calendar_funcs.c - SQL functions of working-day and working-time
 * arithmetic, and due(), on top of the compiled calendars.
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/date.h"
#include "utils/inval.h"
#include "utils/timestamp.h"

#include "calendar_cache.h"
#include "term_type.h"

#define CALENDAR_ARG_NAME(argno) text_to_cstring(PG_GETARG_TEXT_PP(argno))

static inline void
check_status(WcStatus st, const WcError *err, FunctionCallInfo fcinfo, int calarg,
			 const WorkCalendar *cal)
{
	if (unlikely(st != WC_OK))
		calendar_report(st, err, text_to_cstring(PG_GETARG_TEXT_PP(calarg)), cal);
}

static void
refuse_infinite(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("cannot count working time or days to or from an infinite %s", what)));
}

static TimestampTz
checked_timestamp(int64 v, FunctionCallInfo fcinfo, int calarg)
{
	if (!IS_VALID_TIMESTAMP(v))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range for calendar \"%s\"", CALENDAR_ARG_NAME(calarg))));
	return (TimestampTz) v;
}

/* is_working_day(day, calendar) */
PG_FUNCTION_INFO_V1(crm_is_working_day);
Datum
crm_is_working_day(PG_FUNCTION_ARGS)
{
	DateADT		day = PG_GETARG_DATEADT(0);
	const WorkCalendar *cal = calendar_for_call(fcinfo, 1);
	WcError		err;
	bool		result = false;

	if (DATE_NOT_FINITE(day))
		refuse_infinite("date");
	check_status(wc_is_working_day(cal, day, &result, &err), &err, fcinfo, 1, cal);
	PG_RETURN_BOOL(result);
}

/* add_working_days(day, n, calendar) */
PG_FUNCTION_INFO_V1(crm_add_working_days);
Datum
crm_add_working_days(PG_FUNCTION_ARGS)
{
	DateADT		day = PG_GETARG_DATEADT(0);
	int32		n = PG_GETARG_INT32(1);
	const WorkCalendar *cal = calendar_for_call(fcinfo, 2);
	WcError		err;
	int64		result = 0;

	if (DATE_NOT_FINITE(day))
		PG_RETURN_DATEADT(day);
	check_status(wc_add_working_days(cal, day, n, &result, &err), &err, fcinfo, 2, cal);
	PG_RETURN_DATEADT((DateADT) result);
}

/* working_days_between(from_day, to_day, calendar) */
PG_FUNCTION_INFO_V1(crm_working_days_between);
Datum
crm_working_days_between(PG_FUNCTION_ARGS)
{
	DateADT		from = PG_GETARG_DATEADT(0);
	DateADT		to = PG_GETARG_DATEADT(1);
	const WorkCalendar *cal = calendar_for_call(fcinfo, 2);
	WcError		err;
	int64		result = 0;

	if (DATE_NOT_FINITE(from) || DATE_NOT_FINITE(to))
		refuse_infinite("date");
	check_status(wc_working_days_between(cal, from, to, &result, &err), &err, fcinfo, 2, cal);
	PG_RETURN_INT32((int32) result);
}

/* add_working_time(start, amount, calendar) */
PG_FUNCTION_INFO_V1(crm_add_working_time);
Datum
crm_add_working_time(PG_FUNCTION_ARGS)
{
	TimestampTz start = PG_GETARG_TIMESTAMPTZ(0);
	Interval   *amount = PG_GETARG_INTERVAL_P(1);
	const WorkCalendar *cal = calendar_for_call(fcinfo, 2);
	WcError		err;
	int64		result = 0;

	if (amount->month != 0 || amount->day != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("working time amount \"%s\" must be given in hours, minutes and seconds",
						DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(amount)))),
				 errdetail("A day or a month of working time has no fixed length."),
				 errhint("Write interval '24 hours' rather than '1 day', or use add_working_days().")));
	if (TIMESTAMP_NOT_FINITE(start))
		PG_RETURN_TIMESTAMPTZ(start);
	check_status(wc_add_working_time(cal, start, amount->time, &result, &err), &err, fcinfo, 2, cal);
	PG_RETURN_TIMESTAMPTZ(checked_timestamp(result, fcinfo, 2));
}

/* working_time_between(from_ts, to_ts, calendar) */
PG_FUNCTION_INFO_V1(crm_working_time_between);
Datum
crm_working_time_between(PG_FUNCTION_ARGS)
{
	TimestampTz from = PG_GETARG_TIMESTAMPTZ(0);
	TimestampTz to = PG_GETARG_TIMESTAMPTZ(1);
	const WorkCalendar *cal = calendar_for_call(fcinfo, 2);
	WcError		err;
	int64		result = 0;
	Interval   *iv;

	if (TIMESTAMP_NOT_FINITE(from) || TIMESTAMP_NOT_FINITE(to))
		refuse_infinite("timestamp");
	check_status(wc_working_time_between(cal, from, to, &result, &err), &err, fcinfo, 2, cal);
	iv = palloc0(sizeof(Interval));
	iv->time = result;
	PG_RETURN_INTERVAL_P(iv);
}

/* due(start timestamptz, term, calendar) */
PG_FUNCTION_INFO_V1(crm_due_timestamptz);
Datum
crm_due_timestamptz(PG_FUNCTION_ARGS)
{
	TimestampTz start = PG_GETARG_TIMESTAMPTZ(0);
	Term		t = PG_GETARG_TERM(1);
	const WorkCalendar *cal = calendar_for_call(fcinfo, 2);
	WcError		err;
	int64		result = 0;

	if (TIMESTAMP_NOT_FINITE(start))
		PG_RETURN_TIMESTAMPTZ(start);
	check_status(wc_due_instant(cal, start, &t, &result, &err), &err, fcinfo, 2, cal);
	PG_RETURN_TIMESTAMPTZ(checked_timestamp(result, fcinfo, 2));
}

/* due(start date, term, calendar) and due_before(day date, term, calendar) */
static Datum
due_date_common(FunctionCallInfo fcinfo, bool before, bool lenient)
{
	DateADT		start = PG_GETARG_DATEADT(0);
	Term		t = PG_GETARG_TERM(1);
	const WorkCalendar *cal = calendar_for_call(fcinfo, 2);
	WcError		err;
	int64		result = 0;
	WcStatus	st;

	if (DATE_NOT_FINITE(start))
		PG_RETURN_DATEADT(start);
	st = before ? wc_due_date_before(cal, start, &t, &result, &err) :
		wc_due_date(cal, start, &t, &result, &err);
	if (st == WC_ERR_NEEDS_TIME)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("term \"%s\" cannot be applied to a date", term_to_cstring(t)),
				 errdetail("Terms in minutes or hours need a time of day."),
				 errhint("Use due(timestamptz, term), e.g. due(timestamptz '2026-09-30 17:00+08', '%s').",
						 term_to_cstring(t))));
	if (lenient && st == WC_ERR_UNCOVERED)
		PG_RETURN_NULL();
	check_status(st, &err, fcinfo, 2, cal);
	PG_RETURN_DATEADT((DateADT) result);
}

PG_FUNCTION_INFO_V1(crm_due_date);
Datum
crm_due_date(PG_FUNCTION_ARGS)
{
	return due_date_common(fcinfo, false, false);
}

/* due_before(day, term, calendar): the last day that is a term before day */
PG_FUNCTION_INFO_V1(crm_due_before);
Datum
crm_due_before(PG_FUNCTION_ARGS)
{
	return due_date_common(fcinfo, true, false);
}

/* try_due(start, term, calendar): NULL where the calendar has no data */
PG_FUNCTION_INFO_V1(crm_try_due_date);
Datum
crm_try_due_date(PG_FUNCTION_ARGS)
{
	return due_date_common(fcinfo, false, true);
}

/* try_due_before(day, term, calendar): NULL where the calendar has no data */
PG_FUNCTION_INFO_V1(crm_try_due_before);
Datum
crm_try_due_before(PG_FUNCTION_ARGS)
{
	return due_date_common(fcinfo, true, true);
}

/* working_hours(day, calendar): the working intervals of one day */
PG_FUNCTION_INFO_V1(crm_working_hours);
Datum
crm_working_hours(PG_FUNCTION_ARGS)
{
	DateADT		day = PG_GETARG_DATEADT(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const WorkCalendar *cal;
	WcError		err;
	bool		working;
	int64		opens[64],
				closes[64];
	int			n,
				i;

	InitMaterializedSRF(fcinfo, 0);
	cal = calendar_for_call(fcinfo, 1);
	if (DATE_NOT_FINITE(day))
		refuse_infinite("date");
	check_status(wc_is_working_day(cal, day, &working, &err), &err, fcinfo, 1, cal);
	n = wc_day_intervals(cal, day, opens, closes, lengthof(opens));
	for (i = 0; i < n; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = TimestampTzGetDatum(opens[i]);
		values[1] = TimestampTzGetDatum(closes[i]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

typedef struct CacheRowsState
{
	ReturnSetInfo *rsinfo;
} CacheRowsState;

static void
put_cache_row(const char *name, const WorkCalendar *cal, void *arg)
{
	CacheRowsState *state = (CacheRowsState *) arg;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	values[0] = CStringGetTextDatum(name);
	values[1] = Int64GetDatum((int64) wc_size(cal));
	values[2] = Int32GetDatum(wc_table_days(cal));
	values[3] = Int32GetDatum(wc_zone(cal)->nshifts);
	tuplestore_putvalues(state->rsinfo->setResult, state->rsinfo->setDesc, values, nulls);
}

/* calendar_cache(): calendars compiled in this session and their size */
PG_FUNCTION_INFO_V1(crm_calendar_cache);
Datum
crm_calendar_cache(PG_FUNCTION_ARGS)
{
	CacheRowsState state;

	InitMaterializedSRF(fcinfo, 0);
	state.rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	calendar_cache_visit(put_cache_row, &state);
	return (Datum) 0;
}

/*
 * Statement trigger on a table some backend cache is built from (calendars,
 * LPR, SLA targets): a relcache invalidation of the table reaches every
 * session at commit (and this one at once), and their callbacks drop what
 * they compiled from it.
 */
Datum
relation_changed_trigger(FunctionCallInfo fcinfo)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("crm_contract.%s() must be called as a trigger", get_func_name(fcinfo->flinfo->fn_oid))));
	CacheInvalidateRelcache(trigdata->tg_relation);
	return PointerGetDatum(NULL);
}

PG_FUNCTION_INFO_V1(crm_calendar_changed);
Datum
crm_calendar_changed(PG_FUNCTION_ARGS)
{
	return relation_changed_trigger(fcinfo);
}
