/*
 * report.h - errors of calendar computations, with their SQLSTATEs:
 * 22008 for days the calendar has no holiday data for, 22023 for a calendar
 * without working days or an hour term applied to a date, 22008 out of range.
 */
#ifndef CRM_CALENDAR_REPORT_H
#define CRM_CALENDAR_REPORT_H

#include "postgres.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

#include "core/calendar.h"

/* Report a failed calendar computation with the right SQLSTATE. */
extern void calendar_report(CalStatus st, const CalError *err, const char *name,
							const Calendar *cal) pg_attribute_noreturn();

/* Say (once per statement and calendar) that a computation used the calendar's forecast. */
extern void calendar_note_forecast(const char *name, const Calendar *cal);

/*
 * The status of a computation on the calendar named by text argument calarg:
 * raise unless CAL_OK; note a result computed on the forecast.
 */
static inline void
calendar_check_call(CalStatus st, const CalError *err, FunctionCallInfo fcinfo, int calarg,
					const Calendar *cal)
{
	if (unlikely(st != CAL_OK))
		calendar_report(st, err, text_to_cstring(PG_GETARG_TEXT_PP(calarg)), cal);
	if (unlikely(err->provisional))
		calendar_note_forecast(text_to_cstring(PG_GETARG_TEXT_PP(calarg)), cal);
}

/* An instant computed on the calendar of argument calarg, refused (22008) outside timestamptz's range. */
static inline TimestampTz
calendar_checked_timestamp(int64 v, FunctionCallInfo fcinfo, int calarg)
{
	if (!IS_VALID_TIMESTAMP(v))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range for calendar \"%s\"", text_to_cstring(PG_GETARG_TEXT_PP(calarg)))));
	return (TimestampTz) v;
}

/* What is wrong with a calendar that calendar_validate refused, in words. */
extern const char *calendar_spec_problem(CalStatus st);

#endif
