/*
 * working_time.c - working-time arithmetic on a compiled calendar: walk the
 * working intervals of each day in the calendar's zone, skipping whole weeks
 * once past the exception span and the zone's last offset change.
 */
#include "calendar_impl.h"

int
calendar_day_intervals(const Calendar *cal, int64_t day, int64_t *opens,
				 int64_t *closes, int max)
{
	int32_t		n;
	const CalInterval *iv = day_intervals(cal, day, &n);
	int			i;

	for (i = 0; i < n && i < max; i++)
	{
		opens[i] = zone_to_instant(&cal->zone, day * DAY + iv[i].open);
		closes[i] = zone_to_instant(&cal->zone, day * DAY + iv[i].close);
	}
	return i;
}

bool
calendar_day_close(const Calendar *cal, int64_t day, int64_t *close)
{
	int32_t		n;
	const CalInterval *iv = day_intervals(cal, day, &n);

	if (n <= 0)
		return false;
	*close = zone_to_instant(&cal->zone, day * DAY + iv[n - 1].close);
	return true;
}

/* The day (in the calendar's zone) an instant falls on. */
static inline int64_t
local_day(const Calendar *cal, int64_t instant)
{
	return civil_floor_div(zone_to_local(&cal->zone, instant), DAY);
}

/* Whether the zone has no offset change at or after (after=true) / before an instant. */
static inline bool
no_shift_after(const Calendar *cal, int64_t instant)
{
	return zone_next_shift(&cal->zone, instant) == cal->zone.nshifts;
}

/*
 * Whether the days before local (a wall-clock midnight) are untouched by any
 * offset change: the first change's skipped or repeated stretch of wall-clock
 * time, [at + min(before, after), at + max(before, after)), starts at or
 * after local.  Compared on the wall clock: a midnight inside a
 * spring-forward gap maps to the instant of the change itself, which an
 * instant comparison would wrongly count as "no change before".
 */
static inline bool
no_shift_before(const Calendar *cal, int64_t local)
{
	const ZoneShift *s = &cal->zone.shifts[0];

	return cal->zone.nshifts == 0 ||
		s->at + (s->before < s->after ? s->before : s->after) * INT64_C(1000000) >= local;
}

/* Next working day after day, within coverage. */
static CalStatus
next_working(const Calendar *cal, int64_t day, int64_t *next, CalError *err)
{
	CalStatus	st = cal_select_day(cal, rank(cal, day + 1), next);

	if (st != CAL_OK && !covered(cal, day + 1, CAL_DAY_MAX, err))
		return CAL_ERR_UNCOVERED;
	if (st != CAL_OK)
		return st;
	if (!covered(cal, day + 1, *next, err))
		return CAL_ERR_UNCOVERED;
	return CAL_OK;
}

static CalStatus
prev_working(const Calendar *cal, int64_t day, int64_t *prev, CalError *err)
{
	CalStatus	st = cal_select_day(cal, rank(cal, day) - 1, prev);

	if (st != CAL_OK && !covered_back(cal, CAL_DAY_MIN, day - 1, err))
		return CAL_ERR_UNCOVERED;
	if (st != CAL_OK)
		return st;
	if (!covered_back(cal, *prev, day - 1, err))
		return CAL_ERR_UNCOVERED;
	return CAL_OK;
}

static CalStatus
add_forward(const Calendar *cal, int64_t start, int64_t remaining,
			int64_t *result, CalError *err)
{
	int64_t		cur = start;
	int64_t		day = local_day(cal, start);
	CalStatus	st;

	if (day < CAL_DAY_MIN || day > CAL_DAY_MAX)
		return CAL_ERR_RANGE;
	if (!covered(cal, day, day, err))
		return CAL_ERR_UNCOVERED;
	for (;;)
	{
		int32_t		n,
					i;
		const CalInterval *iv = day_intervals(cal, day, &n);
		int64_t		next;

		for (i = 0; i < n; i++)
		{
			int64_t		us = zone_to_instant(&cal->zone, day * DAY + iv[i].open);
			int64_t		ue = zone_to_instant(&cal->zone, day * DAY + iv[i].close);
			int64_t		eff;

			if (ue <= cur)
				continue;
			eff = us > cur ? us : cur;
			if (remaining <= ue - eff)
			{
				*result = eff + remaining;
				return CAL_OK;
			}
			remaining -= ue - eff;
			cur = ue;
		}
		if ((st = next_working(cal, day, &next, err)) != CAL_OK)
			return st;

		/*
		 * Past the exception span and the zone's last offset change every
		 * week holds the same working time: skip whole weeks at once.
		 */
		if (next >= cal->tbl_lo + cal->tbl_n && cal->week_usecs > 0 &&
			remaining > cal->week_usecs && next <= CAL_DAY_MAX - 7 &&
			no_shift_after(cal, zone_to_instant(&cal->zone, next * DAY)))
		{
			int64_t		weeks = (remaining - 1) / cal->week_usecs;

			if (weeks > (CAL_DAY_MAX - next) / 7)
				return covered(cal, next, CAL_DAY_MAX, err) ? CAL_ERR_RANGE : CAL_ERR_UNCOVERED;
			if (!covered(cal, next, next + weeks * 7, err))
				return CAL_ERR_UNCOVERED;
			next += weeks * 7;
			remaining -= weeks * cal->week_usecs;
		}
		day = next;
	}
}

static CalStatus
add_backward(const Calendar *cal, int64_t start, int64_t remaining,
			 int64_t *result, CalError *err)
{
	int64_t		cur = start;
	int64_t		day = local_day(cal, start);
	CalStatus	st;

	if (day < CAL_DAY_MIN || day > CAL_DAY_MAX)
		return CAL_ERR_RANGE;
	if (!covered(cal, day, day, err))
		return CAL_ERR_UNCOVERED;
	for (;;)
	{
		int32_t		n,
					i;
		const CalInterval *iv = day_intervals(cal, day, &n);
		int64_t		prev;

		for (i = n - 1; i >= 0; i--)
		{
			int64_t		us = zone_to_instant(&cal->zone, day * DAY + iv[i].open);
			int64_t		ue = zone_to_instant(&cal->zone, day * DAY + iv[i].close);
			int64_t		eff;

			if (us >= cur)
				continue;
			eff = ue < cur ? ue : cur;
			if (remaining <= eff - us)
			{
				*result = eff - remaining;
				return CAL_OK;
			}
			remaining -= eff - us;
			cur = us;
		}
		if ((st = prev_working(cal, day, &prev, err)) != CAL_OK)
			return st;
		if (prev < cal->tbl_lo && cal->week_usecs > 0 &&
			remaining > cal->week_usecs && prev >= CAL_DAY_MIN + 7 &&
			no_shift_before(cal, (prev + 1) * DAY))
		{
			int64_t		weeks = (remaining - 1) / cal->week_usecs;

			if (weeks > (prev - CAL_DAY_MIN) / 7)
				return covered_back(cal, CAL_DAY_MIN, prev, err) ? CAL_ERR_RANGE : CAL_ERR_UNCOVERED;
			if (!covered_back(cal, prev - weeks * 7, prev, err))
				return CAL_ERR_UNCOVERED;
			prev -= weeks * 7;
			remaining -= weeks * cal->week_usecs;
		}
		day = prev;
	}
}

CalStatus
calendar_add_working_time(const Calendar *cal, int64_t start, int64_t amount,
					int64_t *result, CalError *err)
{
	if (cal->continuous)
	{
		/* 7x24 with no holidays: working time is elapsed time */
		if ((amount > 0 && start > INT64_MAX - amount) ||
			(amount < 0 && start < INT64_MIN - amount))
			return CAL_ERR_RANGE;
		*result = start + amount;
		return CAL_OK;
	}
	if (amount >= 0)
		return add_forward(cal, start, amount, result, err);
	if (amount == INT64_MIN)
		return CAL_ERR_RANGE;
	return add_backward(cal, start, -amount, result, err);
}

CalStatus
calendar_working_time_between(const Calendar *cal, int64_t from, int64_t to,
						int64_t *result, CalError *err)
{
	int64_t		a = from < to ? from : to;
	int64_t		b = from < to ? to : from;
	int64_t		first,
				last,
				day,
				total = 0;
	CalStatus	st;

	if (a == b)
	{
		*result = 0;
		return CAL_OK;
	}
	if (cal->continuous)
	{
		if (a < 0 && b > INT64_MAX + a)
			return CAL_ERR_RANGE;
		*result = from < to ? b - a : a - b;
		return CAL_OK;
	}
	first = local_day(cal, a);
	last = local_day(cal, b - 1);
	if (first < CAL_DAY_MIN || last > CAL_DAY_MAX)
		return CAL_ERR_RANGE;
	if (!covered(cal, first, last, err))
		return CAL_ERR_UNCOVERED;
	day = first;
	while (day <= last)
	{
		int32_t		n,
					i;
		const CalInterval *iv = day_intervals(cal, day, &n);
		int64_t		next;

		for (i = 0; i < n; i++)
		{
			int64_t		us = zone_to_instant(&cal->zone, day * DAY + iv[i].open);
			int64_t		ue = zone_to_instant(&cal->zone, day * DAY + iv[i].close);
			int64_t		lo = us > a ? us : a;
			int64_t		hi = ue < b ? ue : b;

			if (hi > lo)
				total += hi - lo;
		}
		if (day == last)
			break;
		st = cal_select_day(cal, rank(cal, day + 1), &next);
		/* no working day later (NO_WORKING_DAY) or none up to CAL_DAY_MAX (RANGE) */
		if (st != CAL_OK)
			break;
		if (next > last)
			break;
		/* whole weeks past the exception span with no offset change */
		if (next >= cal->tbl_lo + cal->tbl_n && last - next > 14 &&
			no_shift_after(cal, zone_to_instant(&cal->zone, next * DAY)))
		{
			int64_t		weeks = (last - next) / 7 - 1;

			total += weeks * cal->week_usecs;
			next += weeks * 7;
		}
		day = next;
	}
	*result = from < to ? total : -total;
	return CAL_OK;
}
