/*
 * working.c - the SQL functions of working-day and working-time arithmetic
 * on the compiled calendars: is_working_day(), add_working_days(),
 * working_days_between(), add_working_time(), working_time_between(),
 * working_hours().
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/date.h"
#include "utils/inval.h"
#include "utils/timestamp.h"

#include "calendar/cache.h"
#include "term/term_type.h"

static void
refuse_infinite(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("cannot count working time or days to or from an infinite %s", what)));
}

/* is_working_day(day, calendar) */
PG_FUNCTION_INFO_V1(crm_is_working_day);
Datum
crm_is_working_day(PG_FUNCTION_ARGS)
{
	DateADT		day = PG_GETARG_DATEADT(0);
	const Calendar *cal = calendar_for_call(fcinfo, 1);
	CalError		err = {0};
	bool		result = false;

	if (DATE_NOT_FINITE(day))
		refuse_infinite("date");
	calendar_check_call(calendar_is_working_day(cal, day, &result, &err), &err, fcinfo, 1, cal);
	PG_RETURN_BOOL(result);
}

/* add_working_days(day, n, calendar) */
PG_FUNCTION_INFO_V1(crm_add_working_days);
Datum
crm_add_working_days(PG_FUNCTION_ARGS)
{
	DateADT		day = PG_GETARG_DATEADT(0);
	int32		n = PG_GETARG_INT32(1);
	const Calendar *cal = calendar_for_call(fcinfo, 2);
	CalError		err = {0};
	int64		result = 0;

	if (DATE_NOT_FINITE(day))
		PG_RETURN_DATEADT(day);
	calendar_check_call(calendar_add_working_days(cal, day, n, &result, &err), &err, fcinfo, 2, cal);
	PG_RETURN_DATEADT((DateADT) result);
}

/* working_days_between(from_day, to_day, calendar) */
PG_FUNCTION_INFO_V1(crm_working_days_between);
Datum
crm_working_days_between(PG_FUNCTION_ARGS)
{
	DateADT		from = PG_GETARG_DATEADT(0);
	DateADT		to = PG_GETARG_DATEADT(1);
	const Calendar *cal = calendar_for_call(fcinfo, 2);
	CalError		err = {0};
	int64		result = 0;

	if (DATE_NOT_FINITE(from) || DATE_NOT_FINITE(to))
		refuse_infinite("date");
	calendar_check_call(calendar_working_days_between(cal, from, to, &result, &err), &err, fcinfo, 2, cal);
	PG_RETURN_INT32((int32) result);
}

/* add_working_time(start, amount, calendar) */
PG_FUNCTION_INFO_V1(crm_add_working_time);
Datum
crm_add_working_time(PG_FUNCTION_ARGS)
{
	TimestampTz start = PG_GETARG_TIMESTAMPTZ(0);
	Interval   *amount = PG_GETARG_INTERVAL_P(1);
	const Calendar *cal = calendar_for_call(fcinfo, 2);
	CalError		err = {0};
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
	calendar_check_call(calendar_add_working_time(cal, start, amount->time, &result, &err), &err, fcinfo, 2, cal);
	PG_RETURN_TIMESTAMPTZ(calendar_checked_timestamp(result, fcinfo, 2));
}

/* working_time_between(from_ts, to_ts, calendar) */
PG_FUNCTION_INFO_V1(crm_working_time_between);
Datum
crm_working_time_between(PG_FUNCTION_ARGS)
{
	TimestampTz from = PG_GETARG_TIMESTAMPTZ(0);
	TimestampTz to = PG_GETARG_TIMESTAMPTZ(1);
	const Calendar *cal = calendar_for_call(fcinfo, 2);
	CalError		err = {0};
	int64		result = 0;
	Interval   *iv;

	if (TIMESTAMP_NOT_FINITE(from) || TIMESTAMP_NOT_FINITE(to))
		refuse_infinite("timestamp");
	calendar_check_call(calendar_working_time_between(cal, from, to, &result, &err), &err, fcinfo, 2, cal);
	iv = palloc0(sizeof(Interval));
	iv->time = result;
	PG_RETURN_INTERVAL_P(iv);
}

/* working_hours(day, calendar): the working intervals of one day */
PG_FUNCTION_INFO_V1(crm_working_hours);
Datum
crm_working_hours(PG_FUNCTION_ARGS)
{
	DateADT		day = PG_GETARG_DATEADT(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const Calendar *cal;
	CalError		err = {0};
	bool		working;
	int64		opens[64],
				closes[64];
	int			n,
				i;

	InitMaterializedSRF(fcinfo, 0);
	cal = calendar_for_call(fcinfo, 1);
	if (DATE_NOT_FINITE(day))
		refuse_infinite("date");
	calendar_check_call(calendar_is_working_day(cal, day, &working, &err), &err, fcinfo, 1, cal);
	n = calendar_day_intervals(cal, day, opens, closes, lengthof(opens));
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
