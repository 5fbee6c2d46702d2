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

/* The last day of grace: accrual counts the days after it. */
static PrAccrueStatus
grace_end(const PenaltyRule *r, const PrContext *ctx, int64_t due, int64_t *start)
{
	bool		ok = true;

	*start = due;
	if (r->grace == 0)
		return PRA_OK;
	if (!(r->flags & PR_FLAG_GRACE_WORKING))
	{
		*start = due + r->grace;
		return PRA_OK;
	}
	/* grace ends on the grace-th working day after the due date */
	if (ctx == NULL || ctx->add_working_days == NULL)
		return PRA_ERR_CALENDAR;
	*start = ctx->add_working_days(ctx->arg, due, r->grace, &ok);
	return ok ? PRA_OK : PRA_ERR_CALENDAR;
}

/* An accrual in progress: the balance, what has been paid, the segments so far. */
typedef struct Accrual
{
	const PenaltyRule *r;
	const PrContext *ctx;
	int64_t		base;
	int64_t		start;			/* last day of grace; accrual counts the days after it */
	int64_t		until;
	int64_t		due;
	const PrPayment *payments;
	int32_t		npayments;
	int32_t		pi;				/* payments taken into account so far */
	i128		paid;			/* payments may sum beyond int64 */
	int64_t		total;
	int64_t		interest;		/* compounded into the balance */
	int64_t		pending;		/* interest of the current period, not yet compounded */
	int64_t		period_days;
	PrSegment  *seg;
	int32_t		maxseg;
	int32_t		ns;
	int64_t	   *bad_day;
} Accrual;

static void
take_payments_to(Accrual *ac, int64_t day)
{
	while (ac->pi < ac->npayments && ac->payments[ac->pi].day <= day)
		ac->paid += ac->payments[ac->pi++].amount;
}

static PrAccrueStatus
add_segment(Accrual *ac, int64_t from, int64_t to, int64_t days, int64_t balance, int64_t rate, int64_t amount)
{
	if (ac->seg && ac->ns >= ac->maxseg)
		return PRA_ERR_TOO_MANY;
	if (ac->seg)
	{
		PrSegment  *g = &ac->seg[ac->ns];

		g->from = from;
		g->to = to;
		g->days = days;
		g->balance = balance;
		g->rate = rate;
		g->amount = amount;
	}
	ac->ns++;
	return PRA_OK;
}

/* A one-off rule: the rate once on what is still due when accrual starts. */
static PrAccrueStatus
accrue_once(Accrual *ac)
{
	int64_t		rate;
	i128		amt;
	PrAccrueStatus st;

	if (ac->base - ac->paid <= 0)
		return PRA_OK;
	if (ac->base - ac->paid > INT64_MAX)
		return PRA_ERR_OVERFLOW;
	if ((st = rate_on(ac->r, ac->ctx, ac->due, &rate, ac->bad_day)) != PRA_OK)
		return st;
	amt = div_round((i128) (ac->base - ac->paid) * rate, PR_RATE_SCALE);
	if (amt > INT64_MAX)
		return PRA_ERR_OVERFLOW;
	ac->total = (int64_t) amt;
	return add_segment(ac, ac->start, ac->until, 0, (int64_t) (ac->base - ac->paid), rate, ac->total);
}

/*
 * The excluded period (force majeure) that day a + 1 falls in: true, with *end
 * its last day within until.  Otherwise *b is cut before the next one.
 */
static bool
in_excluded(const Accrual *ac, int64_t a, int64_t *b, int64_t *end)
{
	int32_t		i;

	if (ac->ctx == NULL)
		return false;
	for (i = 0; i < ac->ctx->nexcluded; i++)
	{
		const PrRange *x = &ac->ctx->excluded[i];

		if (x->from <= a + 1 && a + 1 <= x->to)
		{
			*end = x->to < ac->until ? x->to : ac->until;
			return true;
		}
		if (x->from > a + 1 && x->from - 1 < *b)
			*b = x->from - 1;
	}
	return false;
}

/* Where the segment from a ends: the next payment, LPR change or compounding boundary. */
static int64_t
segment_end(const Accrual *ac, int64_t a, int64_t b)
{
	const PenaltyRule *r = ac->r;

	if (ac->pi < ac->npayments && ac->payments[ac->pi].day < b)
		b = ac->payments[ac->pi].day;
	if (r->flags & PR_FLAG_COMPOUND)
	{
		int64_t		next = ac->start + ((a - ac->start) / ac->period_days + 1) * ac->period_days;

		if (next < b)
			b = next;
	}
	if ((r->flags & PR_FLAG_FLOATING) && ac->ctx)
	{
		int32_t		i;

		for (i = 0; i < ac->ctx->nlpr; i++)
			if (ac->ctx->lpr[i].day - 1 > a && ac->ctx->lpr[i].day - 1 < b)
				return ac->ctx->lpr[i].day - 1;	/* the new LPR applies from its day */
	}
	return b;
}

/* balance x rate x days / (scale x period), rounded once to the fen, half up. */
static PrAccrueStatus
segment_amount(const Accrual *ac, int64_t balance, int64_t rate, int64_t days, int64_t *amount)
{
	i128		br,
				amt;
	i128		lim;

	*amount = 0;
	if (balance <= 0 || days <= 0)
		return PRA_OK;
	br = (i128) balance * rate;	/* |br| < 2^126 */
	lim = (i128) (~(unsigned __int128) 0 >> 1) / days;
	/* br * days beyond __int128 is far beyond int64 after the division */
	if (br > lim || br < -lim)
		return PRA_ERR_OVERFLOW;
	amt = div_round(br * days, (i128) PR_RATE_SCALE * ac->period_days);
	if (amt > INT64_MAX)
		return PRA_ERR_OVERFLOW;
	*amount = (int64_t) amt;
	return PRA_OK;
}

/* Interest joins the balance only at the end of a full period. */
static PrAccrueStatus
compound(Accrual *ac, int64_t b, int64_t amount)
{
	if (!(ac->r->flags & PR_FLAG_COMPOUND))
		return PRA_OK;
	if (!add_checked(&ac->pending, amount))
		return PRA_ERR_OVERFLOW;
	if ((b - ac->start) % ac->period_days == 0)
	{
		if (!add_checked(&ac->interest, ac->pending))
			return PRA_ERR_OVERFLOW;
		ac->pending = 0;
	}
	return PRA_OK;
}

/* A periodic rule: segment by segment from the end of grace to until. */
static PrAccrueStatus
accrue_periodic(Accrual *ac)
{
	const PenaltyRule *r = ac->r;
	int64_t		a = ac->start;
	PrAccrueStatus st;

	while (a < ac->until)
	{
		int64_t		b = ac->until;
		int64_t		end;
		int64_t		rate,
					days,
					balance,
					amount;
		i128		bal = ac->base - ac->paid + ac->interest;

		/* base + compounded interest beyond int64: report, never wrap */
		if (bal > INT64_MAX)
			return PRA_ERR_OVERFLOW;
		balance = bal > 0 ? (int64_t) bal : 0;
		/* days inside an excluded period (force majeure) accrue nothing: skip them */
		if (in_excluded(ac, a, &b, &end))
		{
			take_payments_to(ac, end);
			a = end;
			continue;
		}
		b = segment_end(ac, a, b);
		if ((st = rate_on(r, ac->ctx, (r->flags & PR_FLAG_FLOATING) ? a + 1 : ac->due, &rate, ac->bad_day)) != PRA_OK)
			return st;
		if ((st = days_in(r, ac->ctx, a, b, &days)) != PRA_OK)
			return st;
		if ((st = segment_amount(ac, balance, rate, days, &amount)) != PRA_OK)
			return st;
		if (balance > 0 && days > 0 &&
			(st = add_segment(ac, a, b, days, balance, rate, amount)) != PRA_OK)
			return st;
		if (!add_checked(&ac->total, amount))
			return PRA_ERR_OVERFLOW;
		if ((st = compound(ac, b, amount)) != PRA_OK)
			return st;
		take_payments_to(ac, b);
		a = b;
	}
	return PRA_OK;
}

/* Minimum, then cap (a cap below the minimum wins). */
static int64_t
min_and_cap(const PenaltyRule *r, int64_t base, int64_t total)
{
	if (total > 0 && r->minimum > 0 && total < r->minimum)
		total = r->minimum;
	if (r->cap_kind == PR_CAP_SHARE)
	{
		i128		cap = div_round((i128) base * r->cap, PR_RATE_SCALE);	/* a share of a large base may exceed int64 */

		if (total > cap)
			total = (int64_t) cap;
	}
	else if (r->cap_kind == PR_CAP_AMOUNT && total > r->cap)
		total = r->cap;
	return total;
}

PrAccrueStatus
penalty_accrue(const PenaltyRule *r, int64_t base, int64_t due, int64_t until,
			   const PrPayment *payments, int32_t npayments, const PrContext *ctx,
			   int64_t *result, PrSegment *seg, int32_t maxseg, int32_t *nseg,
			   int64_t *bad_day)
{
	Accrual		ac;
	int64_t		dummy_day;
	PrAccrueStatus st;

	*result = 0;
	if (nseg)
		*nseg = 0;
	if (base <= 0 || until <= due)
		return PRA_OK;
	memset(&ac, 0, sizeof(ac));
	ac.r = r;
	ac.ctx = ctx;
	ac.base = base;
	ac.due = due;
	ac.until = until;
	/* a payment reduces what is overdue (or undelivered), never the contract total */
	ac.payments = payments;
	ac.npayments = r->basis == PR_BASIS_TOTAL ? 0 : npayments;
	ac.period_days = period_days(r->period);
	ac.seg = seg;
	ac.maxseg = maxseg;
	ac.bad_day = bad_day ? bad_day : &dummy_day;

	/* grace: the first days of lateness accrue nothing */
	if ((st = grace_end(r, ctx, due, &ac.start)) != PRA_OK)
		return st;
	if (until <= ac.start)
		return PRA_OK;
	/* payments made up to the start of accrual reduce the balance at once */
	take_payments_to(&ac, ac.start);
	st = r->period == PR_ONCE ? accrue_once(&ac) : accrue_periodic(&ac);
	if (st != PRA_OK)
		return st;
	*result = min_and_cap(r, base, ac.total);
	if (nseg)
		*nseg = ac.ns;
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
