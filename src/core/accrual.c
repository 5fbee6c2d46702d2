/*
 * accrual.c - accrue a penalty rule exactly: int64 minor units, rates scaled
 * by 1e9, __int128 products, each period's amount rounded once to the fen,
 * half up.  An accrual is a list of segments, split at payments, LPR changes
 * (floating rules), full compounding periods and excluded periods.
 */
#include "accrual.h"

#include <string.h>

typedef __int128 i128;

/* round(num / den) half up, for num >= 0, den > 0 */
static inline i128
div_round(i128 num, i128 den)
{
	return (num + den / 2) / den;
}

static int64_t
period_days(int period)
{
	switch (period)
	{
		case PR_PER_WEEK:
			return 7;
		case PR_PER_MONTH:
			return 30;
		case PR_PER_YEAR:
			return 365;
		default:
			return 1;
	}
}

/* LPR in force on day; false if none. */
static bool
lpr_on(const PrContext *ctx, int64_t day, int64_t *rate)
{
	int32_t		lo = 0,
				hi = ctx->nlpr;

	while (lo < hi)
	{
		int32_t		mid = lo + (hi - lo) / 2;

		if (ctx->lpr[mid].day <= day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return false;
	*rate = ctx->lpr[lo - 1].rate;
	return true;
}

/* The rule's rate (x 1e9) for accrual from day on. */
static PrAccrueStatus
rate_on(const PenaltyRule *r, const PrContext *ctx, int64_t day, int64_t *rate, int64_t *bad_day)
{
	int64_t		lpr;

	if (r->lpr_mult == 0)
	{
		*rate = r->rate;
		return PRA_OK;
	}
	if (ctx == NULL || !lpr_on(ctx, day, &lpr))
	{
		*bad_day = day;
		return PRA_ERR_NO_LPR;
	}
	{
		i128		v = div_round((i128) lpr * r->lpr_mult, PR_MULT_SCALE);

		if (v > INT64_MAX)
			return PRA_ERR_OVERFLOW;	/* an absurd LPR in the table */
		*rate = (int64_t) v;
	}
	return PRA_OK;
}

/* Days counted in (a, b]: calendar days, or working days for per-working-day rules. */
static PrAccrueStatus
days_in(const PenaltyRule *r, const PrContext *ctx, int64_t a, int64_t b, int64_t *days)
{
	bool		ok = true;

	if (r->period != PR_PER_WORKING_DAY)
	{
		*days = b - a;
		return PRA_OK;
	}
	if (ctx == NULL || ctx->working_days == NULL)
		return PRA_ERR_CALENDAR;
	*days = ctx->working_days(ctx->arg, a, b, &ok);
	return ok ? PRA_OK : PRA_ERR_CALENDAR;
}

static inline bool
add_checked(int64_t *acc, int64_t v)
{
	if (v > INT64_MAX - *acc)
		return false;
	*acc += v;
	return true;
}

PrAccrueStatus
penalty_accrue(const PenaltyRule *r, int64_t base, int64_t due, int64_t until,
			   const PrPayment *payments, int32_t npayments, const PrContext *ctx,
			   int64_t *result, PrSegment *seg, int32_t maxseg, int32_t *nseg,
			   int64_t *bad_day)
{
	int64_t		start = due;
	int64_t		total = 0;
	int64_t		interest = 0;	/* compounded into the balance */
	int64_t		pending = 0;	/* interest of the current period, not yet compounded */
	i128		cap;			/* a share of a large base may exceed int64 */
	int32_t		ns = 0;
	int32_t		pi = 0;
	int64_t		pd = period_days(r->period);
	int64_t		a;
	i128		paid = 0;		/* payments may sum beyond int64 */
	PrAccrueStatus st;
	int64_t		dummy_day;

	/* a payment reduces what is overdue (or undelivered), never the contract total */
	if (r->basis == PR_BASIS_TOTAL)
		npayments = 0;
	if (bad_day == NULL)
		bad_day = &dummy_day;
	*result = 0;
	if (nseg)
		*nseg = 0;
	if (base <= 0 || until <= due)
		return PRA_OK;

	/* grace: the first days of lateness accrue nothing */
	if (r->grace > 0)
	{
		if (r->flags & PR_FLAG_GRACE_WORKING)
		{
			bool		ok = true;

			/* grace ends on the grace-th working day after the due date */
			if (ctx == NULL || ctx->add_working_days == NULL)
				return PRA_ERR_CALENDAR;
			start = ctx->add_working_days(ctx->arg, due, r->grace, &ok);
			if (!ok)
				return PRA_ERR_CALENDAR;
		}
		else
			start = due + r->grace;
		if (until <= start)
			return PRA_OK;
	}

	/* payments made up to the start of accrual reduce the balance at once */
	while (pi < npayments && payments[pi].day <= start)
		paid += payments[pi++].amount;

	if (r->period == PR_ONCE)
	{
		int64_t		rate;
		i128		amt;

		if (base - paid <= 0)
			return PRA_OK;
		if (base - paid > INT64_MAX)
			return PRA_ERR_OVERFLOW;
		if ((st = rate_on(r, ctx, due, &rate, bad_day)) != PRA_OK)
			return st;
		amt = div_round((i128) (base - paid) * rate, PR_RATE_SCALE);
		if (amt > INT64_MAX)
			return PRA_ERR_OVERFLOW;
		total = (int64_t) amt;
		if (seg && maxseg > 0)
		{
			seg[0].from = start;
			seg[0].to = until;
			seg[0].days = 0;
			seg[0].balance = base - paid;
			seg[0].rate = rate;
			seg[0].amount = total;
		}
		else if (seg)
			return PRA_ERR_TOO_MANY;
		ns = 1;
	}
	else
	{
		a = start;
		while (a < until)
		{
			int64_t		b = until;
			int64_t		rate;
			int64_t		days;
			int64_t		balance;
			i128		amt;
			i128		bal = base - paid + interest;

			/* base + compounded interest beyond int64: report, never wrap */
			if (bal > INT64_MAX)
				return PRA_ERR_OVERFLOW;
			balance = bal > 0 ? (int64_t) bal : 0;

			/* days inside an excluded period (force majeure) accrue nothing: skip them */
			if (ctx && ctx->nexcluded > 0)
			{
				int32_t		i;
				bool		skipped = false;

				for (i = 0; i < ctx->nexcluded; i++)
				{
					const PrRange *x = &ctx->excluded[i];

					if (x->from <= a + 1 && a + 1 <= x->to)
					{
						int64_t		end = x->to < until ? x->to : until;

						while (pi < npayments && payments[pi].day <= end)
							paid += payments[pi++].amount;
						a = end;
						skipped = true;
						break;
					}
					if (x->from > a + 1 && x->from - 1 < b)
						b = x->from - 1;
				}
				if (skipped)
					continue;
			}
			/* the segment ends at the next payment, LPR change or compounding boundary */
			if (pi < npayments && payments[pi].day < b)
				b = payments[pi].day;
			if (r->flags & PR_FLAG_COMPOUND)
			{
				int64_t		next = start + ((a - start) / pd + 1) * pd;

				if (next < b)
					b = next;
			}
			if ((r->flags & PR_FLAG_FLOATING) && ctx)
			{
				int32_t		i;

				for (i = 0; i < ctx->nlpr; i++)
					if (ctx->lpr[i].day - 1 > a && ctx->lpr[i].day - 1 < b)
					{
						b = ctx->lpr[i].day - 1;	/* the new LPR applies from its day */
						break;
					}
			}
			if ((st = rate_on(r, ctx, (r->flags & PR_FLAG_FLOATING) ? a + 1 : due, &rate, bad_day)) != PRA_OK)
				return st;
			if ((st = days_in(r, ctx, a, b, &days)) != PRA_OK)
				return st;
			if (balance > 0 && days > 0)
			{
				i128		br = (i128) balance * rate;	/* |br| < 2^126 */
				const i128	lim = (i128) (~(unsigned __int128) 0 >> 1) / days;

				/* br * days beyond __int128 is far beyond int64 after the division */
				if (br > lim || br < -lim)
					return PRA_ERR_OVERFLOW;
				amt = div_round(br * days, (i128) PR_RATE_SCALE * pd);
				if (amt > INT64_MAX)
					return PRA_ERR_OVERFLOW;
			}
			else
				amt = 0;
			if (balance > 0 && days > 0)
			{
				if (seg && ns < maxseg)
				{
					seg[ns].from = a;
					seg[ns].to = b;
					seg[ns].days = days;
					seg[ns].balance = balance;
					seg[ns].rate = rate;
					seg[ns].amount = (int64_t) amt;
				}
				else if (seg && ns >= maxseg)
					return PRA_ERR_TOO_MANY;
				ns++;
			}
			if (!add_checked(&total, (int64_t) amt))
				return PRA_ERR_OVERFLOW;
			if (r->flags & PR_FLAG_COMPOUND)
			{
				/* interest joins the balance only at the end of a full period */
				if (!add_checked(&pending, (int64_t) amt))
					return PRA_ERR_OVERFLOW;
				if ((b - start) % pd == 0)
				{
					if (!add_checked(&interest, pending))
						return PRA_ERR_OVERFLOW;
					pending = 0;
				}
			}
			while (pi < npayments && payments[pi].day <= b)
				paid += payments[pi++].amount;
			a = b;
		}
	}

	/* minimum, then cap (a cap below the minimum wins) */
	if (total > 0 && r->minimum > 0 && total < r->minimum)
		total = r->minimum;
	if (r->cap_kind == PR_CAP_SHARE)
	{
		cap = div_round((i128) base * r->cap, PR_RATE_SCALE);
		if (total > cap)
			total = (int64_t) cap;
	}
	else if (r->cap_kind == PR_CAP_AMOUNT && total > r->cap)
		total = r->cap;
	*result = total;
	if (nseg)
		*nseg = ns;
	return PRA_OK;
}

bool
penalty_rule_annual_rate(const PenaltyRule *r, int64_t lpr_rate, int64_t *annual)
{
	i128		rate = r->rate;	/* an absurd LPR must not wrap */
	i128		a;

	if (r->lpr_mult != 0)
		rate = div_round((i128) lpr_rate * r->lpr_mult, PR_MULT_SCALE);
	switch (r->period)
	{
		case PR_PER_DAY:
			a = (i128) rate * 365;
			break;
		case PR_PER_WORKING_DAY:
			a = (i128) rate * 250;	/* about 250 working days a year */
			break;
		case PR_PER_WEEK:
			a = div_round((i128) rate * 365, 7);
			break;
		case PR_PER_MONTH:
			a = div_round((i128) rate * 365, 30);
			break;
		case PR_PER_YEAR:
			a = rate;
			break;
		default:
			return false;		/* a one-off share has no annual rate */
	}
	if (a > INT64_MAX)
		return false;
	*annual = (int64_t) a;
	return true;
}
