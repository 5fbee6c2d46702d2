/*
 * report.c - a failed calendar computation or an inconsistent calendar
 * raised with its SQLSTATE and the days involved.
 */
#include "postgres.h"

#include "access/xact.h"
#include "storage/proc.h"
#include "utils/timestamp.h"

#include "calendar/report.h"
#include "core/civil.h"
#include "shared/text.h"

const char *
calendar_spec_problem(CalStatus st)
{
	switch (st)
	{
		case CAL_ERR_BAD_INTERVAL:
			return "an interval closes before it opens or lies outside 00:00 to 24:00";
		case CAL_ERR_OVERLAP:
			return "two intervals of one day overlap";
		case CAL_ERR_EXCEPTION_ORDER:
			return "an exception day lies outside the supported date range";
		case CAL_ERR_HOLIDAY_HOURS:
			return "a holiday has working hours";
		case CAL_ERR_NO_USUAL_HOURS:
			return "an extra working day has no hours of its own and the calendar has no weekly hours";
		case CAL_ERR_BAD_COVERAGE:
			return "the covered range is empty or outside the supported date range";
		default:
			return "it is inconsistent";
	}
}

void
calendar_report(CalStatus st, const CalError *err, const char *name, const Calendar *cal)
{
	int64		y;
	int			m,
				d;
	int64		lo,
				hi,
				from;

	switch (st)
	{
		case CAL_ERR_UNCOVERED:
			civil_ymd_from_days(err->day, &y, &m, &d);
			calendar_coverage(cal, &lo, &hi);
			if (calendar_forecast_from(cal, &from))
				ereport(ERROR,
						(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
						 errmsg("calendar \"%s\" has no holiday data or forecast for %lld", name, (long long) y),
						 errdetail("The computation needs %s; the calendar's days are announced from %s to %s and forecast from %s to %s.",
								   crm_date_text(err->day), lo == CAL_DAY_MIN ? "-infinity" : crm_date_text(lo),
								   crm_date_text(from - 1), crm_date_text(from), crm_date_text(hi)),
						 errhint("Extend crm_contract.calendar.forecast_to, or load the year's notice with crm_contract.load_holiday_notice().")));
			else if (err->day > hi)
				ereport(ERROR,
						(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
						 errmsg("calendar \"%s\" has no holiday data for %lld", name, (long long) y),
						 errdetail("The computation needs %s; the calendar covers %s to %s.", crm_date_text(err->day),
								   lo == CAL_DAY_MIN ? "-infinity" : crm_date_text(lo), crm_date_text(hi)),
						 errhint("Load the holidays of %lld and extend crm_contract.calendar.covered_to "
								 "(crm_contract.load_holiday_notice() reads a State Council notice), "
								 "or SET crm_contract.beyond_coverage = forecast.",
								 (long long) y)));
			else
				ereport(ERROR,
						(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
						 errmsg("calendar \"%s\" has no holiday data for %lld", name, (long long) y),
						 errdetail("The computation needs %s; the calendar covers %s to %s.", crm_date_text(err->day),
								   crm_date_text(lo), hi == CAL_DAY_MAX ? "infinity" : crm_date_text(hi)),
						 errhint("Load the holidays of %lld into crm_contract.calendar_exception and extend crm_contract.calendar.covered_from.",
								 (long long) y)));
			break;
		case CAL_ERR_NO_WORKING_DAY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("calendar \"%s\" has no working day in that direction", name),
					 errhint("Give the calendar weekly hours in crm_contract.calendar_hours.  A period of days, weeks, months or years whose last day is a day off ends on the next working day (Civil Code Art. 203); on a calendar without working days count it unadjusted, e.g. due(start, term, calendar, 'unadjusted').")));
			break;
		case CAL_ERR_NEEDS_TIME:
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

/*
 * One NOTICE per statement and calendar whose forecast a computation used,
 * naming the calendar and the first forecast year.
 */
void
calendar_note_forecast(const char *name, const Calendar *cal)
{
	static TimestampTz statement = 0;
	static LocalTransactionId xact = InvalidLocalTransactionId;
	static char noted[8][64];
	static int	nnoted = 0;
	TimestampTz now = GetCurrentStatementStartTimestamp();
	int64		from,
				y;
	int			m,
				d,
				i;

	if (statement != now || xact != MyProc->lxid)
	{
		statement = now;
		xact = MyProc->lxid;
		nnoted = 0;
	}
	for (i = 0; i < nnoted; i++)
		if (strncmp(noted[i], name, sizeof(noted[i]) - 1) == 0)
			return;
	if (nnoted < (int) lengthof(noted))
		strlcpy(noted[nnoted++], name, sizeof(noted[0]));
	if (!calendar_forecast_from(cal, &from))
		return;
	civil_ymd_from_days(from, &y, &m, &d);
	ereport(NOTICE,
			(errmsg("calendar \"%s\" has no holiday data from %s: its forecast for %lld is used, and the results are provisional",
					name, crm_date_text(from), (long long) y),
			 errdetail("The forecast assumes the days of crm_contract.forecast_days('%s', %lld).", name, (long long) y),
			 errhint("Load the State Council's notice for %lld with crm_contract.load_holiday_notice() when it is published.",
					 (long long) y)));
}
