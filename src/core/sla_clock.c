/*
 * sla_clock.c - SLA deadlines and warning instants with pauses; see sla_clock.h.
 *
 * A closed pause [a, b) that begins before the running deadline d moves it to
 * the instant reached by counting the pause's length on from d.  Counting is
 * additive, so this equals "the remaining time counted on from b" whether the
 * pause ends before or after d, and pauses can be applied one by one in order.
 */
#include "sla_clock.h"
#include "civil.h"

static CalStatus
advance(const Calendar *cal, bool working, int64_t t, int64_t amount,
		int64_t *result, CalError *err)
{
	if (working)
		return calendar_add_working_time(cal, t, amount, result, err);
	if (t > INT64_MAX - amount)
		return CAL_ERR_RANGE;
	*result = t + amount;
	return CAL_OK;
}

static CalStatus
span(const Calendar *cal, bool working, int64_t a, int64_t b,
	 int64_t *result, CalError *err)
{
	if (working)
		return calendar_working_time_between(cal, a, b, result, err);
	*result = b - a;
	return CAL_OK;
}

CalStatus
sla_clock_elapsed(const Calendar *cal, const Term *t, int64_t a, int64_t b,
			int64_t *result, CalError *err)
{
	return span(cal, term_unit_is_working(t->unit), a, b, result, err);
}

/* Push d out by the closed pauses after start that began before d. */
static CalStatus
extend(const Calendar *cal, bool working, int64_t start, int64_t d,
	   const SlaPause *pauses, int npauses, int64_t *result, CalError *err)
{
	int			i;
	CalStatus	st;

	for (i = 0; i < npauses; i++)
	{
		int64_t		a = pauses[i].from > start ? pauses[i].from : start;
		int64_t		b = pauses[i].to;
		int64_t		len;

		if (b == SLA_PAUSE_OPEN)
			break;				/* still paused: counted when it ends */
		if (b <= a || a >= d)
			continue;			/* before the cycle, or after the clock ran out */
		if ((st = span(cal, working, a, b, &len, err)) != CAL_OK)
			return st;
		if ((st = advance(cal, working, d, len, &d, err)) != CAL_OK)
			return st;
	}
	*result = d;
	return CAL_OK;
}

CalStatus
sla_clock_deadline(const Calendar *cal, const Term *t, int64_t start,
			 const SlaPause *pauses, int npauses, int64_t *result, CalError *err)
{
	int64_t		d;
	CalStatus	st;

	if ((st = due_instant(cal, start, t, DUE_UNADJUSTED, &d, err)) != CAL_OK)
		return st;
	return extend(cal, term_unit_is_working(t->unit), start, d, pauses, npauses, result, err);
}

static int64_t
share_of(int64_t whole, int32_t share)
{
	return (int64_t) (((__int128) whole * share) / SLA_SHARE_SCALE);
}

int64_t
sla_clock_share_amount(const Term *t, int32_t share)
{
	if (t->unit == TERM_MINUTES || t->unit == TERM_WORKING_MINUTES)
		return share_of((int64_t) t->quantity * CIVIL_USECS_PER_MINUTE, share);
	if (t->unit == TERM_HOURS || t->unit == TERM_WORKING_HOURS)
		return share_of((int64_t) t->quantity * CIVIL_USECS_PER_HOUR, share);
	return -1;
}

CalStatus
sla_clock_share_instant(const Calendar *cal, const Term *t, int64_t start, int32_t share,
				  const SlaPause *pauses, int npauses, int64_t *result, CalError *err)
{
	bool		working = term_unit_is_working(t->unit);
	int64_t		d,
				whole,
				part;
	CalStatus	st;

	if (share <= 0 || share >= SLA_SHARE_SCALE)
		return CAL_ERR_RANGE;
	if ((part = sla_clock_share_amount(t, share)) < 0)
	{
		/* the target's length as counted on its clock (working days become working time) */
		if ((st = due_instant(cal, start, t, DUE_UNADJUSTED, &d, err)) != CAL_OK)
			return st;
		if ((st = span(cal, working, start, d, &whole, err)) != CAL_OK)
			return st;
		part = share_of(whole, share);
	}
	if ((st = advance(cal, working, start, part, &d, err)) != CAL_OK)
		return st;
	return extend(cal, working, start, d, pauses, npauses, result, err);
}
