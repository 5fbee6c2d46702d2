/*
 * due.c - the SQL functions due(), due_before(), try_due() and
 * try_due_before(): when a term falls due, on the compiled calendars.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/timestamp.h"

#include "calendar/cache.h"
#include "core/due.h"
#include "term/term_type.h"

/* due(start timestamptz, term, calendar) */
PG_FUNCTION_INFO_V1(crm_due_timestamptz);
Datum
crm_due_timestamptz(PG_FUNCTION_ARGS)
{
	TimestampTz start = PG_GETARG_TIMESTAMPTZ(0);
	Term		t = PG_GETARG_TERM(1);
	const Calendar *cal = calendar_for_call(fcinfo, 2);
	CalError		err = {0};
	int64		result = 0;

	if (TIMESTAMP_NOT_FINITE(start))
		PG_RETURN_TIMESTAMPTZ(start);
	calendar_check_call(due_instant(cal, start, &t, &result, &err), &err, fcinfo, 2, cal);
	PG_RETURN_TIMESTAMPTZ(calendar_checked_timestamp(result, fcinfo, 2));
}

/* due(start date, term, calendar) and due_before(day date, term, calendar) */
static Datum
due_date_common(FunctionCallInfo fcinfo, bool before, bool lenient)
{
	DateADT		start = PG_GETARG_DATEADT(0);
	Term		t = PG_GETARG_TERM(1);
	const Calendar *cal = calendar_for_call(fcinfo, 2);
	CalError		err = {0};
	int64		result = 0;
	CalStatus	st;

	if (DATE_NOT_FINITE(start))
		PG_RETURN_DATEADT(start);
	st = before ? due_date_before(cal, start, &t, &result, &err) :
		due_date(cal, start, &t, &result, &err);
	if (st == CAL_ERR_NEEDS_TIME)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("term \"%s\" cannot be applied to a date", term_to_cstring(t)),
				 errdetail("Terms in minutes or hours need a time of day."),
				 errhint("Use due(timestamptz, term), e.g. due(timestamptz '2026-09-30 17:00+08', '%s').",
						 term_to_cstring(t))));
	if (lenient && st == CAL_ERR_UNCOVERED)
		PG_RETURN_NULL();
	calendar_check_call(st, &err, fcinfo, 2, cal);
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

