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

/* Whether a term is a period of whole days or longer that Art. 203 adjusts (not working days). */
static inline bool
is_civil_period(const Term *t)
{
	return t->unit == TERM_DAYS || t->unit == TERM_WEEKS || t->unit == TERM_MONTHS ||
		t->unit == TERM_YEARS;
}

/* The last day of a civil period from day (Art. 201, 202), unadjusted; sign -1 counts back. */
static CalStatus
period_last_day(int64_t day, const Term *t, int sign, int64_t *result)
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
		default:
			return CAL_ERR_NEEDS_TIME;
	}
	if (nd < CAL_DAY_MIN || nd > CAL_DAY_MAX)
		return CAL_ERR_RANGE;
	*result = nd;
	return CAL_OK;
}

/* Art. 203: a last day that is a day off moves to the next working day. */
static inline CalStatus
following_day(const Calendar *cal, int64_t day, int64_t *result, CalError *err)
{
	return calendar_add_working_days(cal, day, 0, result, err);
}

/* The close of business of a day: its last working interval's end, else 24:00. */
static int64_t
close_of_business(const Calendar *cal, int64_t day)
{
	int64_t		close;

	if (calendar_day_close(cal, day, &close))
		return close;
	return zone_to_instant(calendar_zone(cal), (day + 1) * DAY);
}

CalStatus
due_instant(const Calendar *cal, int64_t start, const Term *t, DueConvention conv,
			int64_t *result, CalError *err)
{
	int64_t		q = t->quantity;
	int64_t		day;
	int64_t		nd;
	CalStatus	st;

	if (conv == DUE_FOLLOWING && is_civil_period(t))
	{
		/* the start's local day is not counted (Art. 201); the period ends at close of business */
		day = civil_floor_div(zone_to_local(calendar_zone(cal), start), DAY);
		if ((st = period_last_day(day, t, 1, &nd)) != CAL_OK)
			return st;
		if ((st = following_day(cal, nd, &nd, err)) != CAL_OK)
			return st;
		*result = close_of_business(cal, nd);
		return CAL_OK;
	}
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

CalStatus
due_date(const Calendar *cal, int64_t day, const Term *t, DueConvention conv,
		 int64_t *result, CalError *err)
{
	CalStatus	st;

	if (t->unit == TERM_WORKING_DAYS)
		return calendar_add_working_days(cal, day, t->quantity, result, err);
	if ((st = period_last_day(day, t, 1, result)) != CAL_OK)
		return st;
	if (conv == DUE_FOLLOWING)
		return following_day(cal, *result, result, err);
	return CAL_OK;
}

/*
 * Whether the period t from x ends by day, reading the calendar no further than
 * day (so due_before needs no holiday data past it): a working-day period ends by
 * day when day has at least n working days after x; a following period when its
 * raw last day is by day and a working day lies between the two.
 */
static CalStatus
ends_by(const Calendar *cal, int64_t x, const Term *t, DueConvention conv, int64_t day,
		bool *fits, CalError *err)
{
	int64_t		d,
				n;
	CalStatus	st;

	if (t->unit == TERM_WORKING_DAYS)
	{
		if (day <= x)
		{
			*fits = false;
			return CAL_OK;
		}
		if ((st = calendar_working_days_between(cal, x, day, &n, err)) != CAL_OK)
			return st;
		*fits = n >= (int64_t) t->quantity;
		return CAL_OK;
	}
	if ((st = period_last_day(x, t, 1, &d)) != CAL_OK)
		return st;
	if (d > day || conv == DUE_UNADJUSTED)
	{
		*fits = d <= day;
		return CAL_OK;
	}
	if ((st = calendar_working_days_between(cal, d - 1, day, &n, err)) != CAL_OK)
		return st;
	*fits = n > 0;
	return CAL_OK;
}

/* Steps a search for due_date_before may take before it gives up (a calendar nearly without working days). */
#define BEFORE_MAX_STEPS 4000

CalStatus
due_date_before(const Calendar *cal, int64_t day, const Term *t, DueConvention conv,
				int64_t *result, CalError *err)
{
	int64_t		x;
	bool		fits;
	CalStatus	st;
	int			steps = 0;

	if (t->unit == TERM_WORKING_DAYS)
		st = calendar_add_working_days(cal, day, -(int64_t) t->quantity, &x, err);
	else
		st = period_last_day(day, t, -1, &x);
	if (st != CAL_OK)
		return st;
	/* down while the period from x ends after day, then up while the next one still fits */
	for (;;)
	{
		if ((st = ends_by(cal, x, t, conv, day, &fits, err)) != CAL_OK)
			return st;
		if (fits)
			break;
		if (x <= CAL_DAY_MIN || ++steps > BEFORE_MAX_STEPS)
			return CAL_ERR_RANGE;
		x--;
	}
	for (;;)
	{
		if (x >= CAL_DAY_MAX || ++steps > BEFORE_MAX_STEPS)
			return CAL_ERR_RANGE;
		if ((st = ends_by(cal, x + 1, t, conv, day, &fits, err)) != CAL_OK)
			return st;
		if (!fits)
			break;
		x++;
	}
	*result = x;
	return CAL_OK;
}
