/*
 * penalty_rule.c - check a penalty rule and write its canonical English text.
 */
#include "penalty_rule.h"

#include <string.h>

PrStatus
penalty_rule_check(const PenaltyRule *r)
{
	if ((r->rate == 0) == (r->lpr_mult == 0))
		return PR_ERR_RATE_RANGE;
	if (r->rate < 0 || r->rate > PR_RATE_MAX || r->lpr_mult < 0 || r->lpr_mult > 100000)
		return PR_ERR_RATE_RANGE;
	if (r->basis < PR_BASIS_TOTAL || r->basis > PR_BASIS_UNDELIVERED ||
		r->period < PR_ONCE || r->period > PR_PER_YEAR || r->reserved != 0 ||
		(r->flags & ~(PR_FLAG_COMPOUND | PR_FLAG_GRACE_WORKING | PR_FLAG_FLOATING)) != 0 ||
		r->cap_kind > PR_CAP_AMOUNT)
		return PR_ERR_BAD_OPTION;
	if (r->grace < 0 || r->grace > 100000 || r->minimum < 0 || r->minimum > PR_AMOUNT_MAX ||
		(r->cap_kind == PR_CAP_NONE && r->cap != 0) ||
		(r->cap_kind == PR_CAP_SHARE && (r->cap <= 0 || r->cap > PR_RATE_MAX)) ||
		(r->cap_kind == PR_CAP_AMOUNT && (r->cap <= 0 || r->cap > PR_AMOUNT_MAX)) ||
		((r->flags & PR_FLAG_GRACE_WORKING) && r->grace == 0))
		return PR_ERR_BAD_OPTION;
	if ((r->flags & PR_FLAG_COMPOUND) && (r->period == PR_ONCE || r->period == PR_PER_WORKING_DAY))
		return PR_ERR_CONFLICT;
	if ((r->flags & PR_FLAG_FLOATING) && r->lpr_mult == 0)
		return PR_ERR_CONFLICT;
	return PR_OK;
}

/* ---------- canonical text ---------- */

typedef struct Out
{
	char	   *buf;
	size_t		size;
	size_t		pos;
} Out;

static void
put(Out *o, const char *s)
{
	size_t		l = strlen(s);

	if (o->pos + l >= o->size)
		l = o->size > o->pos + 1 ? o->size - o->pos - 1 : 0;
	memcpy(o->buf + o->pos, s, l);
	o->pos += l;
	o->buf[o->pos] = '\0';
}

/* v / 10^scale with the trailing zeros of the fraction dropped. */
static void
put_scaled(Out *o, int64_t v, int scale)
{
	char		digits[32];
	char		text[40];
	int			n = 0,
				i,
				t = 0,
				intdigits;
	uint64_t	u = (uint64_t) v;

	do
	{
		digits[n++] = (char) ('0' + u % 10);
		u /= 10;
	} while (u > 0);
	while (n <= scale)
		digits[n++] = '0';
	intdigits = n - scale;
	for (i = n - 1; i >= n - intdigits; i--)
		text[t++] = digits[i];
	{
		int			last = -1;

		/* the lowest non-zero fraction digit ends the text */
		for (i = 0; i < scale; i++)
			if (digits[i] != '0')
			{
				last = i;
				break;
			}
		if (last >= 0)
		{
			text[t++] = '.';
			for (i = scale - 1; i >= last; i--)
				text[t++] = digits[i];
		}
	}
	text[t] = '\0';
	put(o, text);
}

/* An amount in minor units: whole yuan without decimals, else two. */
static void
put_amount(Out *o, int64_t v)
{
	if (v % 100 == 0)
		put_scaled(o, v / 100, 0);
	else
	{
		char		cents[4];

		put_scaled(o, v / 100, 0);
		cents[0] = '.';
		cents[1] = (char) ('0' + (v % 100) / 10);
		cents[2] = (char) ('0' + v % 10);
		cents[3] = '\0';
		put(o, cents);
	}
}

size_t
penalty_rule_format(const PenaltyRule *r, char *buf, size_t bufsize)
{
	static const char *const basis[] = {"", "total", "overdue", "undelivered"};
	static const char *const period[] = {"", "", " per day", " per working day", " per week", " per month", " per year"};
	Out			o = {buf, bufsize, 0};

	if (bufsize == 0)
		return 0;
	buf[0] = '\0';
	if (r->lpr_mult != 0)
	{
		put(&o, "LPR×");
		put_scaled(&o, r->lpr_mult, 3);
	}
	else
	{
		put_scaled(&o, r->rate, 7);
		put(&o, "%");
	}
	put(&o, " of ");
	put(&o, r->basis <= 3 ? basis[r->basis] : "?");
	put(&o, r->period <= 6 ? period[r->period] : "");
	if (r->grace > 0)
	{
		put(&o, ", grace ");
		put_scaled(&o, r->grace, 0);
		put(&o, (r->flags & PR_FLAG_GRACE_WORKING) ? (r->grace == 1 ? " working day" : " working days")
			: (r->grace == 1 ? " day" : " days"));
	}
	if (r->cap_kind == PR_CAP_SHARE)
	{
		put(&o, ", cap ");
		put_scaled(&o, r->cap, 7);
		put(&o, "%");
	}
	else if (r->cap_kind == PR_CAP_AMOUNT)
	{
		put(&o, ", cap ");
		put_amount(&o, r->cap);
	}
	if (r->minimum > 0)
	{
		put(&o, ", min ");
		put_amount(&o, r->minimum);
	}
	if (r->flags & PR_FLAG_COMPOUND)
		put(&o, ", compound");
	if (r->flags & PR_FLAG_FLOATING)
		put(&o, ", floating");
	return o.pos;
}

/* ---------- accrual ---------- */

#define PR_CMP(x, y) do { if ((x) != (y)) return (x) < (y) ? -1 : 1; } while (0)

/*
 * A total order consistent with equality (every field compared): by basis, then
 * period, then fixed rates before LPR rules, smaller rates first, then options.
 * It has no legal meaning; it lets rules be sorted, grouped and indexed.
 */
int
penalty_rule_compare(const PenaltyRule *a, const PenaltyRule *b)
{
	PR_CMP(a->basis, b->basis);
	PR_CMP(a->period, b->period);
	PR_CMP(a->lpr_mult, b->lpr_mult);
	PR_CMP(a->rate, b->rate);
	PR_CMP(a->flags, b->flags);
	PR_CMP(a->grace, b->grace);
	PR_CMP(a->cap_kind, b->cap_kind);
	PR_CMP(a->cap, b->cap);
	PR_CMP(a->minimum, b->minimum);
	PR_CMP(a->reserved, b->reserved);
	return 0;
}
