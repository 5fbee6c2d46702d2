/*
 * due.c - a term applied to an instant or a date on a calendar: elapsed
 * minutes and hours, calendar days to years in the calendar's zone, working
 * units on its working time.
 */
#include "due.h"
#include "civil.h"

#define DAY CIVIL_USECS_PER_DAY

/* Same local wall-clock time, days later (or months later), in the calendar's zone. */
static CalStatus
shift_local(const Calendar *cal, int64_t start, int64_t days, int64_t months,
			int64_t *result)
{
	int64_t		local = zone_to_local(calendar_zone(cal), start);
	int64_t		day = civil_floor_div(local, DAY);
	int64_t		tod = local - day * DAY;
	int64_t		nd = day;

	if (months != 0 && !civil_add_months(day, months, &nd))
		return CAL_ERR_RANGE;
	if (days > CAL_DAY_MAX - CAL_DAY_MIN)
		return CAL_ERR_RANGE;
	nd += days;
	if (nd < CAL_DAY_MIN || nd > CAL_DAY_MAX)
		return CAL_ERR_RANGE;
	*result = zone_to_instant(calendar_zone(cal), nd * DAY + tod);
	return CAL_OK;
}

CalStatus
due_instant(const Calendar *cal, int64_t start, const Term *t,
			   int64_t *result, CalError *err)
{
	int64_t		q = t->quantity;
	int64_t		day;
	int64_t		nd;
	CalStatus	st;

	switch (t->unit)
	{
		case TERM_MINUTES:
		case TERM_HOURS:
			{
				int64_t		amount = q * (t->unit == TERM_MINUTES ? CIVIL_USECS_PER_MINUTE : CIVIL_USECS_PER_HOUR);

				if (start > INT64_MAX - amount)
					return CAL_ERR_RANGE;
				*result = start + amount;
				return CAL_OK;
			}
		case TERM_DAYS:
			return shift_local(cal, start, q, 0, result);
		case TERM_WEEKS:
			return shift_local(cal, start, q * 7, 0, result);
		case TERM_MONTHS:
			return shift_local(cal, start, 0, q, result);
		case TERM_YEARS:
			return shift_local(cal, start, 0, q * 12, result);
		case TERM_WORKING_MINUTES:
			return calendar_add_working_time(cal, start, q * CIVIL_USECS_PER_MINUTE, result, err);
		case TERM_WORKING_HOURS:
			return calendar_add_working_time(cal, start, q * CIVIL_USECS_PER_HOUR, result, err);
		case TERM_WORKING_DAYS:
			{
				int64_t		local = zone_to_local(calendar_zone(cal), start);

				day = civil_floor_div(local, DAY);
				if ((st = calendar_add_working_days(cal, day, q, &nd, err)) != CAL_OK)
					return st;
				*result = zone_to_instant(calendar_zone(cal), nd * DAY + (local - day * DAY));
				return CAL_OK;
			}
	}
	return CAL_ERR_RANGE;
}

/* A term of days or longer applied forwards (sign 1) or backwards (sign -1) to a date. */
static CalStatus
due_date_signed(const Calendar *cal, int64_t day, const Term *t, int sign,
				int64_t *result, CalError *err)
{
	int64_t		q = sign * (int64_t) t->quantity;
	int64_t		nd = day;

	switch (t->unit)
	{
		case TERM_DAYS:
			nd = day + q;
			break;
		case TERM_WEEKS:
			nd = day + q * 7;
			break;
		case TERM_MONTHS:
			if (!civil_add_months(day, q, &nd))
				return CAL_ERR_RANGE;
			break;
		case TERM_YEARS:
			if (!civil_add_months(day, q * 12, &nd))
				return CAL_ERR_RANGE;
			break;
		case TERM_WORKING_DAYS:
			return calendar_add_working_days(cal, day, q, result, err);
		default:
			return CAL_ERR_NEEDS_TIME;
	}
	if (nd < CAL_DAY_MIN || nd > CAL_DAY_MAX)
		return CAL_ERR_RANGE;
	*result = nd;
	return CAL_OK;
}

CalStatus
due_date(const Calendar *cal, int64_t day, const Term *t,
			int64_t *result, CalError *err)
{
	return due_date_signed(cal, day, t, 1, result, err);
}

CalStatus
due_date_before(const Calendar *cal, int64_t day, const Term *t,
				   int64_t *result, CalError *err)
{
	return due_date_signed(cal, day, t, -1, result, err);
}
