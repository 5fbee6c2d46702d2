/*
 * slaclock.c - SLA deadlines and warning instants with pauses; see slaclock.h.
 *
 * A closed pause [a, b) that begins before the running deadline d moves it to
 * the instant reached by counting the pause's length on from d.  Counting is
 * additive, so this equals "the remaining time counted on from b" whether the
 * pause ends before or after d, and pauses can be applied one by one in order.
 */
#include "slaclock.h"
#include "civil.h"

static WcStatus
advance(const WorkCalendar *cal, bool working, int64_t t, int64_t amount,
		int64_t *result, WcError *err)
{
	if (working)
		return wc_add_working_time(cal, t, amount, result, err);
	if (t > INT64_MAX - amount)
		return WC_ERR_RANGE;
	*result = t + amount;
	return WC_OK;
}

static WcStatus
span(const WorkCalendar *cal, bool working, int64_t a, int64_t b,
	 int64_t *result, WcError *err)
{
	if (working)
		return wc_working_time_between(cal, a, b, result, err);
	*result = b - a;
	return WC_OK;
}

WcStatus
sla_elapsed(const WorkCalendar *cal, const Term *t, int64_t a, int64_t b,
			int64_t *result, WcError *err)
{
	return span(cal, term_unit_is_working(t->unit), a, b, result, err);
}

/* Push d out by the closed pauses after start that began before d. */
static WcStatus
extend(const WorkCalendar *cal, bool working, int64_t start, int64_t d,
	   const SlaPause *pauses, int npauses, int64_t *result, WcError *err)
{
	int			i;
	WcStatus	st;

	for (i = 0; i < npauses; i++)
	{
		int64_t		a = pauses[i].from > start ? pauses[i].from : start;
		int64_t		b = pauses[i].to;
		int64_t		len;

		if (b == SLA_PAUSE_OPEN)
			break;				/* still paused: counted when it ends */
		if (b <= a || a >= d)
			continue;			/* before the cycle, or after the clock ran out */
		if ((st = span(cal, working, a, b, &len, err)) != WC_OK)
			return st;
		if ((st = advance(cal, working, d, len, &d, err)) != WC_OK)
			return st;
	}
	*result = d;
	return WC_OK;
}

WcStatus
sla_deadline(const WorkCalendar *cal, const Term *t, int64_t start,
			 const SlaPause *pauses, int npauses, int64_t *result, WcError *err)
{
	int64_t		d;
	WcStatus	st;

	if ((st = wc_due_instant(cal, start, t, &d, err)) != WC_OK)
		return st;
	return extend(cal, term_unit_is_working(t->unit), start, d, pauses, npauses, result, err);
}

static int64_t
share_of(int64_t whole, int32_t share)
{
	return (int64_t) (((__int128) whole * share) / SLA_SHARE_SCALE);
}

int64_t
sla_share_amount(const Term *t, int32_t share)
{
	if (t->unit == TERM_MINUTES || t->unit == TERM_WORKING_MINUTES)
		return share_of((int64_t) t->quantity * CIVIL_USECS_PER_MINUTE, share);
	if (t->unit == TERM_HOURS || t->unit == TERM_WORKING_HOURS)
		return share_of((int64_t) t->quantity * CIVIL_USECS_PER_HOUR, share);
	return -1;
}

WcStatus
sla_share_instant(const WorkCalendar *cal, const Term *t, int64_t start, int32_t share,
				  const SlaPause *pauses, int npauses, int64_t *result, WcError *err)
{
	bool		working = term_unit_is_working(t->unit);
	int64_t		d,
				whole,
				part;
	WcStatus	st;

	if (share <= 0 || share >= SLA_SHARE_SCALE)
		return WC_ERR_RANGE;
	if ((part = sla_share_amount(t, share)) < 0)
	{
		/* the target's length as counted on its clock (working days become working time) */
		if ((st = wc_due_instant(cal, start, t, &d, err)) != WC_OK)
			return st;
		if ((st = span(cal, working, start, d, &whole, err)) != WC_OK)
			return st;
		part = share_of(whole, share);
	}
	if ((st = advance(cal, working, start, part, &d, err)) != WC_OK)
		return st;
	return extend(cal, working, start, d, pauses, npauses, result, err);
}
