/*
 * due.c - the SQL functions due(), due_before(), try_due(), try_due_before()
 * and stored_due(): when a term falls due, on the compiled calendars.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/timestamp.h"

#include "calendar/cache.h"
#include "shared/schema_version.h"
#include "core/due.h"
#include "term/term_type.h"

/*
 * The convention of argument argno (crm_contract.due_convention), or
 * following (Civil Code Art. 203) when the call has no such argument.
 */
static DueConvention
convention_arg(FunctionCallInfo fcinfo, int argno)
{
	char	   *label;

	/* without one: Art. 203, except under a 0.1 or 0.2 schema, whose periods were unadjusted */
	if (PG_NARGS() <= argno)
		return crm_schema_version() >= 3 ? DUE_FOLLOWING : DUE_UNADJUSTED;
	label = DatumGetCString(DirectFunctionCall1(enum_out, PG_GETARG_DATUM(argno)));
	return strcmp(label, "unadjusted") == 0 ? DUE_UNADJUSTED : DUE_FOLLOWING;
}

/* due(start timestamptz, term, calendar [, convention]) */
PG_FUNCTION_INFO_V1(crm_due_timestamptz);
Datum
crm_due_timestamptz(PG_FUNCTION_ARGS)
{
	TimestampTz start = PG_GETARG_TIMESTAMPTZ(0);
	Term		t = PG_GETARG_TERM(1);
	const Calendar *cal = calendar_for_call(fcinfo, 2);
	DueConvention conv = convention_arg(fcinfo, 3);
	CalError	err = {0};
	int64		result = 0;

	if (TIMESTAMP_NOT_FINITE(start))
		PG_RETURN_TIMESTAMPTZ(start);
	calendar_check_call(due_instant(cal, start, &t, conv, &result, &err), &err, fcinfo, 2, cal);
	PG_RETURN_TIMESTAMPTZ(calendar_checked_timestamp(result, fcinfo, 2));
}

static void
refuse_hour_term(Term t)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("term \"%s\" cannot be applied to a date", term_to_cstring(t)),
			 errdetail("Terms in minutes or hours need a time of day."),
			 errhint("Use due(timestamptz, term), e.g. due(timestamptz '2026-09-30 17:00+08', '%s').",
					 term_to_cstring(t))));
}

/* due(start date, term, calendar [, convention]) and due_before(day date, term, calendar [, convention]) */
static Datum
due_date_common(FunctionCallInfo fcinfo, bool before, bool lenient)
{
	DateADT		start = PG_GETARG_DATEADT(0);
	Term		t = PG_GETARG_TERM(1);
	const Calendar *cal = calendar_for_call(fcinfo, 2);
	DueConvention conv = convention_arg(fcinfo, 3);
	CalError	err = {0};
	int64		result = 0;
	CalStatus	st;

	if (DATE_NOT_FINITE(start))
		PG_RETURN_DATEADT(start);
	st = before ? due_date_before(cal, start, &t, conv, &result, &err) :
		due_date(cal, start, &t, conv, &result, &err);
	if (st == CAL_ERR_NEEDS_TIME)
		refuse_hour_term(t);
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


/*
 * stored_due(start, term, calendar, convention) and stored_due_before(day, ...):
 * the dates crm_contract stores or reports for a contract's obligations, always
 * on the calendar's forecast past its covered days, and whether they are
 * provisional; NULL where even the forecast has no data (or there is none).
 */
static Datum
stored_date(FunctionCallInfo fcinfo, bool before)
{
	DateADT		start = PG_GETARG_DATEADT(0);
	Term		t = PG_GETARG_TERM(1);
	const Calendar *cal = calendar_for_call_mode(fcinfo, 2, CALENDAR_FORECAST);
	DueConvention conv = convention_arg(fcinfo, 3);
	CalError	err = {0};
	int64		result = 0;
	CalStatus	st;
	TupleDesc	desc;
	Datum		values[2];
	bool		nulls[2] = {false, false};

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("crm_contract.%s() must be called where a record is expected",
						before ? "stored_due_before" : "stored_due")));
	desc = BlessTupleDesc(desc);
	if (DATE_NOT_FINITE(start))
	{
		values[0] = DateADTGetDatum(start);
		values[1] = BoolGetDatum(false);
		return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
	}
	st = before ? due_date_before(cal, start, &t, conv, &result, &err)
		: due_date(cal, start, &t, conv, &result, &err);
	if (st == CAL_ERR_NEEDS_TIME)
		refuse_hour_term(t);
	if (st == CAL_ERR_UNCOVERED)
	{
		nulls[0] = true;
		values[1] = BoolGetDatum(false);
	}
	else
	{
		calendar_check_call(st, &err, fcinfo, 2, cal);
		values[0] = DateADTGetDatum((DateADT) result);
		values[1] = BoolGetDatum(err.provisional);
	}
	return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

PG_FUNCTION_INFO_V1(crm_stored_due);
Datum
crm_stored_due(PG_FUNCTION_ARGS)
{
	return stored_date(fcinfo, false);
}

PG_FUNCTION_INFO_V1(crm_stored_due_before);
Datum
crm_stored_due_before(PG_FUNCTION_ARGS)
{
	return stored_date(fcinfo, true);
}
