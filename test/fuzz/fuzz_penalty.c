/*
 * fuzz_penalty.c - libFuzzer harness for penalty rules: parse, format, check
 * and accrue.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
 *       -Isrc/core test/fuzz/fuzz_penalty.c src/core/[a-z]*.c -o /tmp/fuzz_penalty
 *   /tmp/fuzz_penalty test/fuzz/corpus/penalty -runs=300000
 *
 * The whole input is parsed as rule text.  The text before the first NUL
 * byte is the rule for the accrual; the bytes after it (or, without a NUL, a
 * hash of the input) seed the accrual's parameters: base, due date, until,
 * 0-4 ascending payments, 0-2 excluded periods, a buffer size.  The context
 * is a small table of the real 1-year LPR (from 2023-06-20 only, so that an
 * early due date misses it) and a Mon-Fri calendar in closed form.
 *
 * Properties (abort on violation):
 *  - penalty_rule_parse never reads outside the input (ASan); on failure
 *    *where <= *end <= len (penalty_rule_parse_span) and penalty_rule_parse
 *    says the same;
 *  - a parsed rule passes penalty_rule_check; its canonical text fits in
 *    PR_TEXT_MAX, re-parses to the identical struct (memcmp) and formats
 *    identically; white space around the text changes nothing;
 *  - a parsed rule, and a random valid one, written as a contract sentence
 *    (penalty_sentence.h: the seeds' shapes, synonyms, %, ‰, 万分之, amounts
 *    grouped or in 万, traditional characters, a gloss) parse back to itself;
 *  - penalty_rule_format never writes past bufsize and always terminates;
 *  - a random binary rule that passes penalty_rule_check round-trips too;
 *  - penalty_accrue: result >= 0; nothing before the due date or after until
 *    is counted; the total is the sum of the segments with the minimum and
 *    then the cap applied, so the cap is respected; each segment's amount is
 *    balance x rate x days / period rounded half up; segments ascend, avoid
 *    excluded days and start after the grace; a segment's balance (without
 *    compounding) is the base less the payments made by its start; the LPR
 *    used is the one in force at the due date (or the segment, floating);
 *    the result without a segment buffer is the same; a later until never
 *    gives less.
 */
#include "fuzz_check.h"
#include "civil.h"
#include "accrual.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef __int128 i128;

/* ---------- a deterministic generator ---------- */

static uint64_t rng_state;

static uint64_t
rng(void)
{
	/* splitmix64 */
	uint64_t	z = (rng_state += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* uniform in [lo, hi] */
static int64_t
rng_range(int64_t lo, int64_t hi)
{
	return lo + (int64_t) (rng() % (uint64_t) (hi - lo + 1));
}

static void
rng_seed(const uint8_t *data, size_t size)
{
	uint64_t	h = UINT64_C(14695981039346656037);
	size_t		i;

	for (i = 0; i < size; i++)
		h = (h ^ data[i]) * UINT64_C(1099511628211);
	rng_state = h;
}

#include "penalty_sentence.h"

/* ---------- a Mon-Fri calendar in closed form ---------- */

static int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Monday 2000-01-03 = day 2 */
#define MONDAY0 2

/* working days in [MONDAY0, x] (negative before it) */
static int64_t
wd_upto(int64_t x)
{
	int64_t		t = x - MONDAY0;
	int64_t		q = floor_div(t, 7);
	int64_t		r = t - 7 * q;

	return 5 * q + (r + 1 < 5 ? r + 1 : 5);
}

static int64_t
cal_working_days(void *arg, int64_t a, int64_t b, bool *ok)
{
	(void) arg;
	(void) ok;
	return wd_upto(b) - wd_upto(a);
}

static int64_t
cal_add_working_days(void *arg, int64_t day, int64_t n, bool *ok)
{
	int64_t		k = wd_upto(day) + n - 1;
	int64_t		q = floor_div(k, 5);

	(void) arg;
	(void) ok;
	return MONDAY0 + 7 * q + (k - 5 * q);
}

/* ---------- rules from text and from bytes ---------- */

static bool
same_rule(const PenaltyRule *a, const PenaltyRule *b)
{
	return memcmp(a, b, sizeof(*a)) == 0;
}

/* Format r, check the text, re-parse it, compare; small buffers. */
static void
round_trip(const PenaltyRule *r)
{
	char		buf[PR_TEXT_MAX];
	char		again[PR_TEXT_MAX];
	size_t		n = penalty_rule_format(r, buf, sizeof(buf));
	PenaltyRule r2;
	size_t		where = 0;
	PrStatus	st;
	size_t		bs;

	CHECK(n < sizeof(buf));
	CHECK(strlen(buf) == n);
	memset(&r2, 0x77, sizeof(r2));
	st = penalty_rule_parse(buf, n, &r2, &where);
	if (st != PR_OK || !same_rule(r, &r2))
		fprintf(stderr, "canonical text \"%s\" does not re-parse to the same rule: %d\n",
				buf, (int) st);
	CHECK(st == PR_OK);
	CHECK(same_rule(r, &r2));
	CHECK(penalty_rule_format(&r2, again, sizeof(again)) == n && memcmp(buf, again, n + 1) == 0);

	for (bs = 0; bs <= n + 1; bs += (bs < 8 ? 1 : 7))
	{
		char		small[PR_TEXT_MAX + 8];
		size_t		m;

		memset(small, 0x5A, sizeof(small));
		m = penalty_rule_format(r, small, bs);
		if (bs == 0)
		{
			CHECK(m == 0 && small[0] == 0x5A);
			continue;
		}
		CHECK(m < bs && small[m] == '\0' && memcmp(small, buf, m) == 0);
		CHECK((unsigned char) small[bs] == 0x5A);
	}
}

/* r written as a contract sentence (penalty_sentence.h) reads back as r. */
static void
sentence_round_trip(const PenaltyRule *r)
{
	static Sentence s;
	PenaltyRule r2;
	size_t		where = 0,
				end = 0;
	PrStatus	st;

	sentence_of(r, &s);
	memset(&r2, 0x77, sizeof(r2));
	st = penalty_rule_parse_span(s.buf, s.len, &r2, &where, &end);
	if (st != PR_OK || !same_rule(r, &r2))
	{
		char		buf[PR_TEXT_MAX];

		penalty_rule_format(r, buf, sizeof(buf));
		fprintf(stderr, "\"%s\" (for \"%s\") reads as status %d at %zu..%zu \"%.*s\"\n",
				s.buf, buf, (int) st, where, end, (int) (end - where), s.buf + where);
	}
	CHECK(st == PR_OK);
	CHECK(same_rule(r, &r2));
}

/* A random binary rule, mostly near the valid ranges. */
static void
random_rule(PenaltyRule *r)
{
	static const int64_t rates[] = {1, 1000, 500000, 10000000, 175000, 123456789,
		PR_RATE_MAX, PR_RATE_MAX + 1, 0, -1};

	memset(r, 0, sizeof(*r));
	if (rng() % 3 == 0)
		r->lpr_mult = (int32_t) rng_range(-1, 100001);
	else
		r->rate = rng() % 2 ? rates[rng() % 10] : rng_range(-1, PR_RATE_MAX + 1);
	r->basis = (uint8_t) rng_range(0, 4);
	r->period = (uint8_t) rng_range(0, 7);
	r->flags = (uint8_t) (rng() % 16 == 0 ? rng() : rng() % 8);
	r->cap_kind = (uint8_t) rng_range(0, 3);
	r->cap = r->cap_kind == PR_CAP_SHARE ? (rng() % 4 == 0 ? PR_RATE_SCALE : rng_range(-1, PR_RATE_MAX + 1))
		: r->cap_kind == PR_CAP_AMOUNT ? rng_range(-1, INT64_C(100000000000000001))
		: (rng() % 8 == 0);
	r->grace = (int32_t) (rng() % 2 ? rng_range(-1, 10) : rng_range(0, 100001));
	r->reserved = rng() % 32 == 0;
	r->minimum = rng() % 2 ? 0 : rng_range(-1, INT64_C(100000000000000001));
}

/* penalty_rule_check's rules, restated from penalty.h and the brief. */
static PrStatus
expected_check(const PenaltyRule *r)
{
	if ((r->rate == 0) == (r->lpr_mult == 0) || r->rate < 0 || r->rate > PR_RATE_MAX ||
		r->lpr_mult < 0 || r->lpr_mult > 100000)
		return PR_ERR_RATE_RANGE;
	if (r->basis < 1 || r->basis > 3 || r->period < 1 || r->period > 6 || r->reserved != 0 ||
		(r->flags & ~7) != 0 || r->cap_kind > 2 ||
		r->grace < 0 || r->grace > 100000 || r->minimum < 0 ||
		r->minimum > INT64_C(100000000000000000) ||
		(r->cap_kind == 0 && r->cap != 0) ||
		(r->cap_kind == 1 && (r->cap <= 0 || r->cap > PR_RATE_MAX)) ||
		(r->cap_kind == 2 && (r->cap <= 0 || r->cap > INT64_C(100000000000000000))) ||
		((r->flags & PR_FLAG_GRACE_WORKING) && r->grace == 0))
		return PR_ERR_BAD_OPTION;
	if ((r->flags & PR_FLAG_COMPOUND) && (r->period == PR_ONCE || r->period == PR_PER_WORKING_DAY))
		return PR_ERR_CONFLICT;
	if ((r->flags & PR_FLAG_FLOATING) && r->lpr_mult == 0)
		return PR_ERR_CONFLICT;
	return PR_OK;
}

/* ---------- accrual ---------- */

static PrLpr lpr_table[4];

static int64_t
lpr_at(int64_t day, bool *found)
{
	int			i;
	int64_t		v = 0;

	*found = false;
	for (i = 0; i < 4; i++)
		if (lpr_table[i].day <= day)
		{
			v = lpr_table[i].rate;
			*found = true;
		}
	return v;
}

static i128
div_round(i128 num, i128 den)
{
	return (num + den / 2) / den;
}

static int64_t
period_days(int period)
{
	return period == PR_PER_WEEK ? 7 : period == PR_PER_MONTH ? 30 : period == PR_PER_YEAR ? 365 : 1;
}

#define MAXSEG 1024

static void
accrue_checks(const PenaltyRule *r)
{
	static PrSegment seg[MAXSEG];
	PrPayment	pay[4];
	PrRange		excl[2];
	int32_t		npay = (int32_t) rng_range(0, 4);
	int32_t		model_npay;
	int32_t		nexcl = rng() % 3 == 0 ? (int32_t) rng_range(1, 2) : 0;
	int64_t		base,
				due,
				until,
				start;
	int32_t		maxseg = rng() % 8 == 0 ? (int32_t) rng_range(0, 3) : MAXSEG;
	PrContext	ctx;
	int64_t		result = -1,
				result2 = -1,
				bad = INT64_MIN;
	int32_t		nseg = -1,
				nseg2 = -1,
				i;
	PrAccrueStatus st,
				st2;
	i128		sum = 0,
				expected;
	int64_t		pd = period_days(r->period);

	switch (rng() % 8)
	{
		case 0:
			base = rng_range(-2, 100);
			break;
		case 1:
			base = rng_range(0, INT64_C(100000000000000000));	/* 10^15 yuan */
			break;
		case 2:
			base = (int64_t) (rng() >> 1);	/* anything */
			break;
		default:
			base = rng_range(1, INT64_C(10000000000));
			break;
	}
	due = civil_days_from_ymd(2023, 1, 1) + rng_range(0, 1200);
	until = due + rng_range(-3, 800);
	for (i = 0; i < npay; i++)
	{
		pay[i].day = (i ? pay[i - 1].day : due - 5) + rng_range(0, 200);
		pay[i].amount = rng() % 16 == 0 ? (int64_t) (rng() >> 1)
			: base > 0 ? rng_range(0, base / 2 + 1) : rng_range(0, 100);
	}
	for (i = 0; i < nexcl; i++)
	{
		excl[i].from = (i ? excl[i - 1].to + 2 : due - 3) + rng_range(0, 100);
		excl[i].to = excl[i].from + rng_range(0, 30);
	}

	memset(&ctx, 0, sizeof(ctx));
	ctx.lpr = lpr_table;
	ctx.nlpr = 4;
	ctx.working_days = cal_working_days;
	ctx.add_working_days = cal_add_working_days;
	ctx.arg = NULL;
	ctx.excluded = excl;
	ctx.nexcluded = nexcl;

	/* payments reduce an overdue or undelivered basis, never the total */
	model_npay = r->basis == PR_BASIS_TOTAL ? 0 : npay;
	st = penalty_accrue(r, base, due, until, pay, npay, &ctx, &result, seg, maxseg, &nseg, &bad);
	CHECK((int) st >= PRA_OK && (int) st <= PRA_ERR_TOO_MANY);
	CHECK(st != PRA_ERR_CALENDAR);	/* the calendar never fails */
	if (st == PRA_ERR_TOO_MANY)
	{
		CHECK(maxseg < MAXSEG);
		return;
	}
	if (st == PRA_ERR_NO_LPR)
	{
		bool		found;

		CHECK(r->lpr_mult != 0);
		(void) lpr_at(bad, &found);
		CHECK(!found);
		CHECK(bad >= due && bad <= until);
		return;
	}
	/* the same without a buffer */
	st2 = penalty_accrue(r, base, due, until, pay, npay, &ctx, &result2, NULL, 0, &nseg2, NULL);
	CHECK(st2 == st);
	if (st != PRA_OK)
	{
		CHECK(st == PRA_ERR_OVERFLOW);
		return;
	}
	CHECK(result2 == result && nseg2 == nseg);
	CHECK(result >= 0);
	CHECK(nseg >= 0 && nseg <= maxseg);
	if (until <= due || base <= 0)
	{
		CHECK(result == 0 && nseg == 0);
		return;
	}

	/* the start of accrual after the grace */
	start = due;
	if (r->grace > 0)
		start = (r->flags & PR_FLAG_GRACE_WORKING) ? cal_add_working_days(NULL, due, r->grace, NULL)
			: due + r->grace;

	for (i = 0; i < nseg; i++)
	{
		const PrSegment *s = &seg[i];
		i128		paid = 0;
		int64_t		rate;
		int			j;

		CHECK(s->amount >= 0);
		CHECK(s->balance > 0);
		sum += s->amount;
		if (r->lpr_mult == 0)
			rate = r->rate;
		else
		{
			bool		found;
			/* a one-off share takes the LPR of the due date even when floating */
			int64_t		l = lpr_at((r->flags & PR_FLAG_FLOATING) && r->period != PR_ONCE ?
								   s->from + 1 : due, &found);

			CHECK(found);
			rate = (int64_t) div_round((i128) l * r->lpr_mult, 1000);
		}
		CHECK(s->rate == rate);
		if (r->period == PR_ONCE)
		{
			CHECK(nseg == 1);
			CHECK(s->from == start && s->to == until && s->days == 0);
			for (j = 0; j < model_npay; j++)
				if (pay[j].day <= start)
					paid += pay[j].amount;
			CHECK(s->balance == base - paid);
			CHECK(s->amount == div_round((i128) s->balance * s->rate, PR_RATE_SCALE));
			continue;
		}
		CHECK(s->from >= start && s->from < s->to && s->to <= until);
		CHECK(i == 0 || seg[i - 1].to <= s->from);
		CHECK(s->days == (r->period == PR_PER_WORKING_DAY ? wd_upto(s->to) - wd_upto(s->from)
						  : s->to - s->from));
		CHECK(s->days > 0);
		CHECK(s->amount == div_round((i128) s->balance * s->rate * s->days,
									 (i128) PR_RATE_SCALE * pd));
		/* no excluded day inside the segment */
		for (j = 0; j < nexcl; j++)
			CHECK(excl[j].to <= s->from || excl[j].from > s->to);
		/* no payment strictly inside; the balance is the base less what was paid by from */
		for (j = 0; j < model_npay; j++)
		{
			CHECK(!(pay[j].day > s->from && pay[j].day < s->to));
			if (pay[j].day <= s->from)
				paid += pay[j].amount;
		}
		if (!(r->flags & PR_FLAG_COMPOUND))
			CHECK(s->balance == base - paid);
		else
			CHECK(s->balance >= base - paid);
		/* a floating rule's segment does not straddle an LPR change */
		if (r->flags & PR_FLAG_FLOATING)
			for (j = 0; j < 4; j++)
				CHECK(!(lpr_table[j].day > s->from + 1 && lpr_table[j].day <= s->to));
	}

	/* the total: the sum, raised to the minimum, then capped */
	expected = sum;
	if (expected > 0 && r->minimum > 0 && expected < r->minimum)
		expected = r->minimum;
	if (r->cap_kind == PR_CAP_SHARE)
	{
		i128		cap = div_round((i128) base * r->cap, PR_RATE_SCALE);

		if (expected > cap)
			expected = cap;
		CHECK(result <= cap);
	}
	else if (r->cap_kind == PR_CAP_AMOUNT)
	{
		if (expected > r->cap)
			expected = r->cap;
		CHECK(result <= r->cap);
	}
	if (maxseg >= MAXSEG)
		CHECK(expected == result);

	/* a later until never gives less */
	{
		int64_t		later = -1;

		st2 = penalty_accrue(r, base, due, until + rng_range(1, 40), pay, npay, &ctx, &later,
							 NULL, 0, NULL, NULL);
		if (st2 == PRA_OK)
			CHECK(later >= result);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	PenaltyRule r;
	size_t		where = (size_t) -1,
				end = (size_t) -1;
	PrStatus	st;
	size_t		textlen;
	const uint8_t *nul = memchr(data, 0, size);

	if (lpr_table[0].day == 0)
	{
		lpr_table[0].day = civil_days_from_ymd(2023, 6, 20);
		lpr_table[0].rate = 35500000;	/* 3.55% */
		lpr_table[1].day = civil_days_from_ymd(2023, 8, 21);
		lpr_table[1].rate = 34500000;	/* 3.45% */
		lpr_table[2].day = civil_days_from_ymd(2024, 7, 22);
		lpr_table[2].rate = 33500000;	/* 3.35% */
		lpr_table[3].day = civil_days_from_ymd(2024, 10, 21);
		lpr_table[3].rate = 31000000;	/* 3.10% */
	}

	/* the whole input as text */
	memset(&r, 0x33, sizeof(r));
	st = penalty_rule_parse_span((const char *) data, size, &r, &where, &end);
	CHECK((int) st >= PR_OK && (int) st <= PR_STATUS_LAST && st != PR_ERR_OVERFLOW);
	if (st == PR_OK)
	{
		CHECK(penalty_rule_check(&r) == PR_OK);
		CHECK(r.reserved == 0);
		round_trip(&r);
		rng_seed(data, size);
		sentence_round_trip(&r);
	}
	else
	{
		PenaltyRule r2;
		size_t		where2 = (size_t) -1;

		CHECK(where <= end && end <= size);
		/* the plain parser agrees */
		CHECK(penalty_rule_parse((const char *) data, size, &r2, &where2) == st && where2 == where);
	}

	/* white space around the text */
	if (st == PR_OK && size < 4096)
	{
		char	   *padded = malloc(size + 6);
		PenaltyRule r3;

		memcpy(padded, " \t", 2);
		memcpy(padded + 2, data, size);
		memcpy(padded + 2 + size, "\xE3\x80\x80 ", 4);	/* U+3000 and a space */
		CHECK(penalty_rule_parse(padded, size + 6, &r3, NULL) == PR_OK);
		CHECK(same_rule(&r, &r3));
		free(padded);
	}

	/* the rule before a NUL, parameters from the bytes after it */
	textlen = nul ? (size_t) (nul - data) : size;
	if (nul)
		rng_seed(nul + 1, size - textlen - 1);
	else
		rng_seed(data, size);
	if (penalty_rule_parse((const char *) data, textlen, &r, NULL) == PR_OK)
	{
		int			k;

		for (k = 0; k < 3; k++)
			accrue_checks(&r);
	}

	/* a random binary rule */
	{
		PenaltyRule b;
		char		buf[PR_TEXT_MAX];

		random_rule(&b);
		CHECK(penalty_rule_check(&b) == expected_check(&b));
		/* formatting an invalid rule must still stay in bounds */
		CHECK(penalty_rule_format(&b, buf, sizeof(buf)) < sizeof(buf));
		if (penalty_rule_check(&b) == PR_OK)
		{
			round_trip(&b);
			sentence_round_trip(&b);
			accrue_checks(&b);
		}
	}
	return 0;
}
