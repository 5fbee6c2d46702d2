/*
 * test_accrual.c - penalties and late fees accrued exactly (违约金, 滞纳金):
 * segments, partial payments, caps, grace, working days, LPR, excluded
 * periods, rounding, overflow, and the annualised rate.
 *
 * Every expected value below is worked out by hand in the comment next to it
 * from the documented semantics (accrual.h): rates are fractions x 1e9
 * (1% = 10,000,000), money is int64 fen, each segment's amount is rounded to
 * the fen half up.  A paper calendar of 2026 (2026-01-01 is a Thursday, so
 * 2026-03-01 is a Sunday and 2026-03-06 a Friday) gives the working days.
 * None of the numbers is pasted from output.
 */
#include "penalty_fixture.h"

/* ---------- a Mon-Fri working calendar for the context ---------- */

typedef struct Cal
{
	bool		fail;			/* make every call fail */
	int			calls;
} Cal;

static bool
is_working(int64_t d)
{
	return civil_iso_weekday(d) <= 5;
}

static int64_t
cal_working_days(void *arg, int64_t a, int64_t b, bool *okp)
{
	Cal		   *c = arg;
	int64_t		n = 0,
				d;

	c->calls++;
	if (c->fail)
	{
		*okp = false;
		return 0;
	}
	for (d = a + 1; d <= b; d++)
		n += is_working(d);
	return n;
}

static int64_t
cal_add_working_days(void *arg, int64_t day, int64_t n, bool *okp)
{
	Cal		   *c = arg;

	c->calls++;
	if (c->fail)
	{
		*okp = false;
		return 0;
	}
	while (n > 0)
	{
		day++;
		if (is_working(day))
			n--;
	}
	return day;
}

/* The real 1-year LPR around the tests: 3.45% from 2023-08-21, 3.35% from 2024-07-22. */
static PrLpr lpr_table[2];

static PrContext
ctx_with(Cal *cal, const PrLpr *lpr, int32_t nlpr)
{
	PrContext	c;

	memset(&c, 0, sizeof(c));	/* fields added later default to none */
	c.lpr = lpr;
	c.nlpr = nlpr;
	c.working_days = cal_working_days;
	c.add_working_days = cal_add_working_days;
	c.arg = cal;
	return c;
}

/* Accrue with a buffer of 16 segments; check status and result. */
static PrSegment segs[16];
static int32_t nsegs;
static int64_t bad;

static void
accrue_is(const char *rule, int64_t base, int64_t due, int64_t until,
		  const PrPayment *pay, int32_t npay, const PrContext *ctx,
		  PrAccrueStatus expected, int64_t result, const char *label)
{
	PenaltyRule r = R(rule);
	int64_t		got = -12345;
	PrAccrueStatus st;

	memset(segs, 0, sizeof(segs));
	nsegs = -1;
	bad = -1;
	st = penalty_accrue(&r, base, due, until, pay, npay, ctx, &got, segs, 16, &nsegs, &bad);
	is_str(accrue_name(st), accrue_name(expected), "%s: status %s", label, accrue_name(expected));
	if (expected == PRA_OK)
		is_int(got, result, "%s: %lld", label, (long long) result);
}

static void
seg_is(int i, int64_t from, int64_t to, int64_t days, int64_t balance, int64_t rate,
	   int64_t amount, const char *label)
{
	PrSegment  *s = &segs[i];

	ok(s->from == from && s->to == to && s->days == days && s->balance == balance &&
	   s->rate == rate && s->amount == amount,
	   "%s: segment %d (%lld..%lld] %lld days on %lld at %lld = %lld", label, i,
	   (long long) from, (long long) to, (long long) days, (long long) balance,
	   (long long) rate, (long long) amount);
	if (!(s->from == from && s->to == to && s->days == days && s->balance == balance &&
		  s->rate == rate && s->amount == amount))
		diag("got (%lld..%lld] %lld days on %lld at %lld = %lld", (long long) s->from,
			 (long long) s->to, (long long) s->days, (long long) s->balance,
			 (long long) s->rate, (long long) s->amount);
}

int
main(void)
{
	Cal			cal = {false, 0};
	PrContext	ctx;

	lpr_table[0].day = D(2023, 8, 21);
	lpr_table[0].rate = 34500000;		/* 3.45% */
	lpr_table[1].day = D(2024, 7, 22);
	lpr_table[1].rate = 33500000;		/* 3.35% */
	ctx = ctx_with(&cal, lpr_table, 2);

	/* the paper calendar the working-day cases rely on */
	is_int(civil_iso_weekday(D(2026, 3, 1)), 7, "2026-03-01 is a Sunday");
	is_int(civil_iso_weekday(D(2026, 3, 6)), 5, "2026-03-06 is a Friday");

	/* ---------- accrual: seed 001 ---------- */
	{
		int64_t		due = D(2026, 3, 1);
		PrPayment	paid7 = {due + 7, 500000 * YUAN};

		/* 1,000,000.00 x 1% x 12 days = 120,000.00 = 12,000,000 fen */
		accrue_is("1% of total per day", 1000000 * YUAN, due, due + 12, NULL, 0, NULL,
				  PRA_OK, 120000 * YUAN, "001 §9.3: 1,000,000.00, 12 days");
		is_int(nsegs, 1, "001 §9.3: one segment");
		seg_is(0, due, due + 12, 12, 1000000 * YUAN, PCT, 120000 * YUAN, "001 §9.3");
		/* 500,000.00 x 1% x 7 days = 35,000.00, paid on the 7th day late */
		accrue_is("1% of overdue per day", 500000 * YUAN, due, due + 7, &paid7, 1, NULL,
				  PRA_OK, 35000 * YUAN, "001 §9.4: 500,000.00 paid 7 days late");
		/* counting on past the payment adds nothing: the balance is 0 */
		accrue_is("1% of overdue per day", 500000 * YUAN, due, due + 30, &paid7, 1, NULL,
				  PRA_OK, 35000 * YUAN, "001 §9.4: counted to day 30");
		is_int(nsegs, 1, "001 §9.4: one segment");
		/* no payment at all: 30 days = 150,000.00 */
		accrue_is("1% of overdue per day", 500000 * YUAN, due, due + 30, NULL, 0, NULL,
				  PRA_OK, 150000 * YUAN, "001 §9.4: unpaid for 30 days");
	}

	/* ---------- partial payments ---------- */
	{
		int64_t		due = D(2026, 3, 1);
		PrPayment	pay[2] = {{D(2026, 3, 11), 40000 * YUAN}, {D(2026, 3, 21), 60000 * YUAN}};

		/*
		 * 100,000.00 due 03-01: (03-01, 03-11] 10 days on 100,000.00 x 0.05%
		 * = 500.00; (03-11, 03-21] 10 days on 60,000.00 x 0.05% = 300.00;
		 * total 800.00 = 80,000 fen.
		 */
		accrue_is("0.05% of overdue per day", 100000 * YUAN, due, D(2026, 3, 21), pay, 2, NULL,
				  PRA_OK, 800 * YUAN, "partial payments");
		is_int(nsegs, 2, "partial payments: two segments");
		seg_is(0, due, D(2026, 3, 11), 10, 100000 * YUAN, 500000, 500 * YUAN, "partial payments");
		seg_is(1, D(2026, 3, 11), D(2026, 3, 21), 10, 60000 * YUAN, 500000, 300 * YUAN, "partial payments");
		/* counted to 03-31: the balance is 0 after 03-21, still 800.00 */
		accrue_is("0.05% of overdue per day", 100000 * YUAN, due, D(2026, 3, 31), pay, 2, NULL,
				  PRA_OK, 800 * YUAN, "partial payments, counted to 03-31");
		is_int(nsegs, 2, "partial payments to 03-31: two segments");
		/* counted to 03-15: 500.00 + 4 days on 60,000.00 = 120.00 -> 620.00 */
		accrue_is("0.05% of overdue per day", 100000 * YUAN, due, D(2026, 3, 15), pay, 2, NULL,
				  PRA_OK, 620 * YUAN, "partial payments, counted to 03-15");
		/* a buffer of one segment is too small */
		{
			PenaltyRule r = R("0.05% of overdue per day");
			int64_t		res;
			int32_t		ns;
			PrSegment	one[1];

			is_int(penalty_accrue(&r, 100000 * YUAN, due, D(2026, 3, 21), pay, 2, NULL, &res,
								  one, 1, &ns, NULL), PRA_ERR_TOO_MANY, "one segment buffer: TOO_MANY");
			/* without a buffer: the count and the total only */
			is_int(penalty_accrue(&r, 100000 * YUAN, due, D(2026, 3, 21), pay, 2, NULL, &res,
								  NULL, 0, &ns, NULL), PRA_OK, "no buffer: OK");
			ok(res == 800 * YUAN && ns == 2, "no buffer: 800.00 in 2 segments");
			/* a one-off rule with seg but maxseg 0 is TOO_MANY as well */
			r = R("2% of overdue");
			is_int(penalty_accrue(&r, 100000 * YUAN, due, D(2026, 3, 21), NULL, 0, NULL, &res,
								  one, 0, &ns, NULL), PRA_ERR_TOO_MANY, "once, maxseg 0: TOO_MANY");
		}
	}

	/* ---------- one-off rules ---------- */
	{
		int64_t		due = D(2026, 3, 1);
		PrPayment	before = {due - 5, 300000};
		PrPayment	after = {due + 3, 300000};
		PrPayment	all = {due, 1000000};

		/* 10,000.00 x 2% = 200.00 */
		accrue_is("2% of overdue", 1000000, due, due + 1, NULL, 0, NULL, PRA_OK, 20000, "once 2%");
		is_int(nsegs, 1, "once: one segment");
		seg_is(0, due, due + 1, 0, 1000000, 2 * PCT, 20000, "once");
		/* the same however late */
		accrue_is("2% of overdue", 1000000, due, due + 400, NULL, 0, NULL, PRA_OK, 20000, "once, 400 days");
		/* 3,000.00 paid before the due date: 7,000.00 x 2% = 140.00 */
		accrue_is("2% of overdue", 1000000, due, due + 10, &before, 1, NULL, PRA_OK, 14000,
				  "once, part paid before due");
		/* paid after the start: does not reduce a one-off penalty */
		accrue_is("2% of overdue", 1000000, due, due + 10, &after, 1, NULL, PRA_OK, 20000,
				  "once, part paid when late");
		/* paid in full on the due date: nothing */
		accrue_is("2% of overdue", 1000000, due, due + 10, &all, 1, NULL, PRA_OK, 0,
				  "once, paid on the due date");
		/* not late: nothing */
		accrue_is("2% of overdue", 1000000, due, due, NULL, 0, NULL, PRA_OK, 0, "once, paid on time");
	}

	/* ---------- caps and minimum ---------- */
	{
		int64_t		due = D(2026, 3, 1);
		PrPayment	half = {due + 10, 5000000};

		/* 100,000.00 x 1% x 40 days = 40,000.00, cap 30% = 30,000.00 */
		accrue_is("1% of overdue per day, cap 30%", 10000000, due, due + 40, NULL, 0, NULL,
				  PRA_OK, 3000000, "cap 30% reached");
		/* 20 days = 20,000.00, under the cap */
		accrue_is("1% of overdue per day, cap 30%", 10000000, due, due + 20, NULL, 0, NULL,
				  PRA_OK, 2000000, "cap 30% not reached");
		/* exactly 30 days = 30,000.00 = the cap */
		accrue_is("1% of overdue per day, cap 30%", 10000000, due, due + 30, NULL, 0, NULL,
				  PRA_OK, 3000000, "cap 30% exactly");
		/* 20,000.00 capped at 1,000.00 = 100,000 fen */
		accrue_is("1% of overdue per day, cap 1000", 10000000, due, due + 20, NULL, 0, NULL,
				  PRA_OK, 100000, "cap amount 1000");
		/*
		 * The share is of the original base: 10 days on 100,000.00 = 10,000.00,
		 * 50 days on 50,000.00 = 25,000.00, 35,000.00 capped at 20% of
		 * 100,000.00 = 20,000.00 (not 20% of what is left).
		 */
		accrue_is("1% of overdue per day, cap 20%", 10000000, due, due + 60, &half, 1, NULL,
				  PRA_OK, 2000000, "cap share of the original base");
		/* 100,000.00 x 0.05% x 3 days = 150.00, raised to the minimum 500.00 */
		accrue_is("0.05% of overdue per day, min 500", 10000000, due, due + 3, NULL, 0, NULL,
				  PRA_OK, 50000, "minimum 500 applies");
		/* 300 days = 15,000.00, above the minimum */
		accrue_is("0.05% of overdue per day, min 500", 10000000, due, due + 300, NULL, 0, NULL,
				  PRA_OK, 1500000, "minimum 500 exceeded");
		/* not late: 0, the minimum does not make something of nothing */
		accrue_is("0.05% of overdue per day, min 500", 10000000, due, due, NULL, 0, NULL,
				  PRA_OK, 0, "minimum, not late");
		accrue_is("0.05% of overdue per day, min 500, grace 5 days", 10000000, due, due + 5, NULL,
				  0, NULL, PRA_OK, 0, "minimum, within grace");
		/* 150.00 -> minimum 500.00 -> cap 100.00: the cap wins */
		accrue_is("0.05% of overdue per day, cap 100, min 500", 10000000, due, due + 3, NULL, 0,
				  NULL, PRA_OK, 10000, "cap below the minimum wins");
		/* a share cap below the minimum: 0.1% of 100,000.00 = 100.00 */
		accrue_is("0.05% of overdue per day, cap 0.1%, min 500", 10000000, due, due + 3, NULL, 0,
				  NULL, PRA_OK, 10000, "share cap below the minimum wins");
		/* a one-off rule with a cap: 10% of 1,000.00 = 100.00, cap 50.00 */
		accrue_is("10% of total, cap 50", 100000, due, due + 1, NULL, 0, NULL, PRA_OK, 5000,
				  "one-off with a cap");
	}

	/* ---------- grace ---------- */
	{
		int64_t		due = D(2026, 3, 6);	/* Friday */
		PrPayment	in_grace = {due + 2, 400000};

		/* 10,000.00 x 1%: days 4..10 = 7 days = 700.00 */
		accrue_is("1% of overdue per day, grace 3 days", 1000000, due, due + 10, NULL, 0, NULL,
				  PRA_OK, 70000, "grace 3 days, 10 days late");
		seg_is(0, due + 3, due + 10, 7, 1000000, PCT, 70000, "grace 3 days");
		accrue_is("1% of overdue per day, grace 3 days", 1000000, due, due + 3, NULL, 0, NULL,
				  PRA_OK, 0, "grace 3 days, 3 days late");
		is_int(nsegs, 0, "grace 3 days, 3 days late: no segment");
		accrue_is("1% of overdue per day, grace 3 days", 1000000, due, due + 4, NULL, 0, NULL,
				  PRA_OK, 10000, "grace 3 days, 4 days late");
		/* 4,000.00 paid within the grace: 7 days on 6,000.00 = 420.00 */
		accrue_is("1% of overdue per day, grace 3 days", 1000000, due, due + 10, &in_grace, 1,
				  NULL, PRA_OK, 42000, "payment within the grace");
		/* grace 2 days from Fri 03-06: accrual from Mon 03-09 to 03-16 = 8 days */
		accrue_is("1% of overdue per day, grace 2 days", 1000000, due, D(2026, 3, 16), NULL, 0,
				  NULL, PRA_OK, 80000, "grace 2 calendar days");
		/*
		 * grace 2 working days from Fri 03-06: Mon 03-09, Tue 03-10; accrual
		 * on 03-11 .. 03-16 = 6 calendar days = 600.00.
		 */
		accrue_is("1% of overdue per day, grace 2 working days", 1000000, due, D(2026, 3, 16),
				  NULL, 0, &ctx, PRA_OK, 60000, "grace 2 working days");
		seg_is(0, D(2026, 3, 10), D(2026, 3, 16), 6, 1000000, PCT, 60000, "grace 2 working days");
		accrue_is("1% of overdue per day, grace 2 working days", 1000000, due, D(2026, 3, 10),
				  NULL, 0, &ctx, PRA_OK, 0, "grace 2 working days, paid Tuesday");
		/* no calendar: the grace cannot be counted */
		accrue_is("1% of overdue per day, grace 2 working days", 1000000, due, D(2026, 3, 16),
				  NULL, 0, NULL, PRA_ERR_CALENDAR, 0, "working grace without a calendar");
		cal.fail = true;
		accrue_is("1% of overdue per day, grace 2 working days", 1000000, due, D(2026, 3, 16),
				  NULL, 0, &ctx, PRA_ERR_CALENDAR, 0, "working grace, calendar fails");
		cal.fail = false;
	}

	/* ---------- per working day ---------- */
	{
		int64_t		due = D(2026, 3, 6);	/* Friday */
		PrPayment	wed = {D(2026, 3, 11), 500000};

		/* working days in (Fri 03-06, Mon 03-16]: 09..13 and 16 = 6 -> 600.00 */
		accrue_is("1% of overdue per working day", 1000000, due, D(2026, 3, 16), NULL, 0, &ctx,
				  PRA_OK, 60000, "per working day");
		seg_is(0, due, D(2026, 3, 16), 6, 1000000, PCT, 60000, "per working day");
		/*
		 * 5,000.00 paid Wed 03-11: (03-06, 03-11] = Mon, Tue, Wed = 3 days on
		 * 10,000.00 = 300.00; (03-11, 03-16] = Thu, Fri, Mon = 3 days on
		 * 5,000.00 = 150.00; 450.00.
		 */
		accrue_is("1% of overdue per working day", 1000000, due, D(2026, 3, 16), &wed, 1, &ctx,
				  PRA_OK, 45000, "per working day, paid Wednesday");
		seg_is(0, due, D(2026, 3, 11), 3, 1000000, PCT, 30000, "per working day, paid Wednesday");
		seg_is(1, D(2026, 3, 11), D(2026, 3, 16), 3, 500000, PCT, 15000, "per working day, paid Wednesday");
		/* Fri to Sun: no working day, nothing */
		accrue_is("1% of overdue per working day", 1000000, due, D(2026, 3, 8), NULL, 0, &ctx,
				  PRA_OK, 0, "per working day over a weekend");
		is_int(nsegs, 0, "per working day over a weekend: no segment");
		accrue_is("1% of overdue per working day", 1000000, due, D(2026, 3, 16), NULL, 0, NULL,
				  PRA_ERR_CALENDAR, 0, "per working day without a calendar");
		/* grace 1 working day (Mon 03-09), then per working day: 10..13, 16 = 5 */
		accrue_is("1% of overdue per working day, grace 1 working day", 1000000, due,
				  D(2026, 3, 16), NULL, 0, &ctx, PRA_OK, 50000, "working grace and working days");
	}

	/* ---------- per week / month / year, pro rata by day ---------- */
	{
		int64_t		due = D(2026, 3, 1);

		/* 10,000.00 x 7% x 10/7 = 1,000.00 */
		accrue_is("7% of overdue per week", 1000000, due, due + 10, NULL, 0, NULL, PRA_OK, 100000,
				  "7% per week, 10 days");
		/* 10,000.00 x 1% x 10/7 = 142.857... -> 142.86 */
		accrue_is("1% of overdue per week", 1000000, due, due + 10, NULL, 0, NULL, PRA_OK, 14286,
				  "1% per week, 10 days");
		/* 10,000.00 x 3% x 45/30 = 450.00 */
		accrue_is("3% of overdue per month", 1000000, due, due + 45, NULL, 0, NULL, PRA_OK, 45000,
				  "3% per month, 45 days");
		/* 10,000.00 x 1% / 30 = 3.333... -> 3.33 */
		accrue_is("1% of overdue per month", 1000000, due, due + 1, NULL, 0, NULL, PRA_OK, 333,
				  "1% per month, 1 day");
		/* 10,000.00 x 1% x 2/30 = 6.666... -> 6.67 */
		accrue_is("1% of overdue per month", 1000000, due, due + 2, NULL, 0, NULL, PRA_OK, 667,
				  "1% per month, 2 days");
		/* 10,000.00 x 36.5% x 10/365 = 100.00 */
		accrue_is("36.5% of overdue per year", 1000000, due, due + 10, NULL, 0, NULL, PRA_OK, 10000,
				  "36.5% per year, 10 days");
		/* 10,000.00 x 1% / 365 = 0.27397 -> 0.27 */
		accrue_is("1% of overdue per year", 1000000, due, due + 1, NULL, 0, NULL, PRA_OK, 27,
				  "1% per year, 1 day");
		/* a whole year of 365 days: 10,000.00 x 1% = 100.00 */
		accrue_is("1% of overdue per year", 1000000, due, due + 365, NULL, 0, NULL, PRA_OK, 10000,
				  "1% per year, 365 days");
	}

	/* ---------- compounding ---------- */
	{
		int64_t		due = D(2026, 3, 1);
		PrPayment	mid = {due + 15, 500000};

		/* 10,000.00 x 1% = 100.00; then 10,100.00 x 1% = 101.00; 201.00 */
		accrue_is("1% of overdue per month, compound", 1000000, due, due + 60, NULL, 0, NULL,
				  PRA_OK, 20100, "compound monthly, 60 days");
		is_int(nsegs, 2, "compound monthly, 60 days: two segments");
		seg_is(0, due, due + 30, 30, 1000000, PCT, 10000, "compound monthly");
		seg_is(1, due + 30, due + 60, 30, 1010000, PCT, 10100, "compound monthly");
		/* + 15 days on 10,201.00 x 1% x 15/30 = 51.005 -> 51.01 half up; 252.01 */
		accrue_is("1% of overdue per month, compound", 1000000, due, due + 75, NULL, 0, NULL,
				  PRA_OK, 25201, "compound monthly, 75 days");
		seg_is(2, due + 60, due + 75, 15, 1020100, PCT, 5101, "compound monthly, 75 days");
		/* without compounding: 2 x 100.00 */
		accrue_is("1% of overdue per month", 1000000, due, due + 60, NULL, 0, NULL, PRA_OK, 20000,
				  "simple monthly, 60 days");
		/* 29 days: no full period yet, 10,000.00 x 1% x 29/30 = 96.666 -> 96.67 */
		accrue_is("1% of overdue per month, compound", 1000000, due, due + 29, NULL, 0, NULL,
				  PRA_OK, 9667, "compound monthly, 29 days");
		/*
		 * 5,000.00 paid on day 15: 15 days on 10,000.00 = 50.00, 15 days on
		 * 5,000.00 = 25.00; the month's 75.00 joins: 30 days on 5,075.00 =
		 * 50.75; 125.75.
		 */
		accrue_is("1% of overdue per month, compound", 1000000, due, due + 60, &mid, 1, NULL,
				  PRA_OK, 12575, "compound monthly with a payment");
		is_int(nsegs, 3, "compound with a payment: three segments");
		seg_is(2, due + 30, due + 60, 30, 507500, PCT, 5075, "compound with a payment");
		/* daily: 10,000.00, 10,100.00, 10,201.00 at 1% = 100 + 101 + 102.01 = 303.01 */
		accrue_is("1% of overdue per day, compound", 1000000, due, due + 3, NULL, 0, NULL,
				  PRA_OK, 30301, "compound daily, 3 days");
		/* periods count from the end of the grace: 5 + 60 days = two full months */
		accrue_is("1% of overdue per month, grace 5 days, compound", 1000000, due, due + 65, NULL,
				  0, NULL, PRA_OK, 20100, "compound after a grace");
		/* yearly: 10,000.00 x 10% = 1,000.00; 11,000.00 x 10% = 1,100.00; 2,100.00 */
		accrue_is("10% of overdue per year, compound", 1000000, due, due + 730, NULL, 0, NULL,
				  PRA_OK, 210000, "compound yearly, 2 years");
	}

	/* ---------- LPR ---------- */
	{
		int64_t		due = D(2024, 7, 1);

		/*
		 * LPR at the due date 3.45% x 1.5 = 5.175% = 51,750,000 per year;
		 * 1,000,000.00 x 5.175% x 31/365 = 160,425,000/365 fen
		 * = 439,520.548 -> 439,521 (4,395.21).
		 */
		accrue_is("LPR×1.5 of overdue per year", 100000000, due, D(2024, 8, 1), NULL, 0, &ctx,
				  PRA_OK, 439521, "LPR x 1.5 at the due date");
		seg_is(0, due, D(2024, 8, 1), 31, 100000000, 51750000, 439521, "LPR x 1.5 at the due date");
		/*
		 * Floating: 3.35% from 2024-07-22. (07-01, 07-21] = 20 days at 5.175%:
		 * 5,175,000 x 20/365 = 283,561.64 -> 283,562; (07-21, 08-01] = 11 days
		 * at 3.35% x 1.5 = 5.025%: 5,025,000 x 11/365 = 151,438.36 -> 151,438;
		 * 435,000.
		 */
		accrue_is("LPR×1.5 of overdue per year, floating", 100000000, due, D(2024, 8, 1), NULL, 0,
				  &ctx, PRA_OK, 435000, "LPR x 1.5 floating");
		is_int(nsegs, 2, "LPR floating: two segments");
		seg_is(0, due, D(2024, 7, 21), 20, 100000000, 51750000, 283562, "LPR floating");
		seg_is(1, D(2024, 7, 21), D(2024, 8, 1), 11, 100000000, 50250000, 151438, "LPR floating");
		/* due after the change: 5.025% throughout, 5,025,000 x 31/365 = 426,780.82 -> 426,781 */
		accrue_is("LPR×1.5 of overdue per year", 100000000, D(2024, 8, 1), D(2024, 9, 1), NULL, 0,
				  &ctx, PRA_OK, 426781, "LPR x 1.5 due after the change");
		/* due the day before the change, floating: every counted day is at 3.35% */
		accrue_is("LPR×1.5 of overdue per year, floating", 100000000, D(2024, 7, 21),
				  D(2024, 7, 31), NULL, 0, &ctx, PRA_OK, 137671, "floating from the change day");
		/* 5,025,000 x 10/365 = 137,671.23 -> 137,671 */
		is_int(nsegs, 1, "floating from the change day: one segment");
		/* one-off LPR x 1.5: 1,000,000.00 x 5.175% = 51,750.00 */
		accrue_is("LPR×1.5 of overdue", 100000000, due, due + 10, NULL, 0, &ctx, PRA_OK, 5175000,
				  "LPR x 1.5 once");
		/* LPR in force: no table row on or before 2023-08-01 */
		accrue_is("LPR×1.5 of overdue per year", 100000000, D(2023, 8, 1), D(2023, 9, 1), NULL, 0,
				  &ctx, PRA_ERR_NO_LPR, 0, "no LPR at the due date");
		is_int(bad, D(2023, 8, 1), "no LPR: bad_day is the due date");
		/* floating looks up the first counted day */
		accrue_is("LPR×1.5 of overdue per year, floating", 100000000, D(2023, 8, 1),
				  D(2023, 9, 1), NULL, 0, &ctx, PRA_ERR_NO_LPR, 0, "floating, no LPR");
		is_int(bad, D(2023, 8, 2), "floating, no LPR: bad_day is the first day counted");
		accrue_is("LPR×1.5 of overdue per year", 100000000, due, D(2024, 8, 1), NULL, 0, NULL,
				  PRA_ERR_NO_LPR, 0, "LPR without a context");
		is_int(bad, due, "LPR without a context: bad_day");
		/* an empty table */
		{
			PrContext	empty = ctx_with(&cal, NULL, 0);

			accrue_is("LPR×1.5 of overdue per year", 100000000, due, D(2024, 8, 1), NULL, 0,
					  &empty, PRA_ERR_NO_LPR, 0, "LPR with an empty table");
		}
		/* the table starts on 2023-08-21: a rule due that day finds it */
		accrue_is("LPR of overdue per year", 36500000, D(2023, 8, 21), D(2023, 8, 22), NULL, 0,
				  &ctx, PRA_OK, 3450, "LPR x 1 on the table's first day");
		/* 365,000.00 x 3.45% / 365 = 34.50 */
	}

	/* ---------- excluded periods (force majeure) ---------- */
	{
		int64_t		due = D(2026, 3, 1);
		PrRange		fm = {due + 3, due + 5};
		PrRange		tail = {due + 8, due + 20};
		PrRange		whole = {due - 1, due + 30};
		PrContext	x = ctx_with(&cal, lpr_table, 2);

		/* days 1, 2 and 6..10 count: 7 days x 100.00 = 700.00 in two segments */
		x.excluded = &fm;
		x.nexcluded = 1;
		accrue_is("1% of overdue per day", 1000000, due, due + 10, NULL, 0, &x, PRA_OK, 70000,
				  "force majeure on days 3..5");
		is_int(nsegs, 2, "force majeure: two segments");
		seg_is(0, due, due + 2, 2, 1000000, PCT, 20000, "force majeure");
		seg_is(1, due + 5, due + 10, 5, 1000000, PCT, 50000, "force majeure");
		/* days 8..10 excluded: 7 days = 700.00 */
		x.excluded = &tail;
		accrue_is("1% of overdue per day", 1000000, due, due + 10, NULL, 0, &x, PRA_OK, 70000,
				  "force majeure to the end");
		/* everything excluded: nothing */
		x.excluded = &whole;
		accrue_is("1% of overdue per day", 1000000, due, due + 10, NULL, 0, &x, PRA_OK, 0,
				  "force majeure throughout");
		is_int(nsegs, 0, "force majeure throughout: no segment");
	}

	/* ---------- rounding ---------- */
	{
		int64_t		due = D(2026, 3, 1);

		/* 1 fen x 50% = 0.5 fen -> 1 fen, half up */
		accrue_is("50% of overdue", 1, due, due + 1, NULL, 0, NULL, PRA_OK, 1, "0.5 fen rounds up");
		/* 3 fen x 50% = 1.5 -> 2 */
		accrue_is("50% of overdue", 3, due, due + 1, NULL, 0, NULL, PRA_OK, 2, "1.5 fen rounds up");
		/* 1 fen x 49.9999999% = 0.499999999 -> 0 */
		accrue_is("49.9999999% of overdue", 1, due, due + 1, NULL, 0, NULL, PRA_OK, 0,
				  "just under half a fen rounds down");
		/* 100 fen x 0.5% x 3 days = 1.5 fen -> 2, rounded once per segment (not 3 x 1) */
		accrue_is("0.5% of overdue per day", 100, due, due + 3, NULL, 0, NULL, PRA_OK, 2,
				  "one rounding per segment");
		/* 100 fen x 0.5% x 1 day = 0.5 -> 1 */
		accrue_is("0.5% of overdue per day", 100, due, due + 1, NULL, 0, NULL, PRA_OK, 1,
				  "half a fen a day");
	}

	/* ---------- large amounts and overflow ---------- */
	{
		int64_t		due = D(2026, 3, 1);
		int64_t		big = INT64_C(100000000000000000);	/* 10^15 yuan */
		PrPayment	huge[2] = {{due + 1, INT64_MAX}, {due + 2, INT64_MAX}};

		/* 10^17 fen x 0.0001% = 10^17 x 10^-6 = 10^11 fen a day */
		accrue_is("0.0001% of overdue per day", big, due, due + 1, NULL, 0, NULL, PRA_OK,
				  INT64_C(100000000000), "10^15 yuan at 0.0001% for a day");
		accrue_is("0.0001% of overdue per day", big, due, due + 365, NULL, 0, NULL, PRA_OK,
				  INT64_C(36500000000000), "10^15 yuan at 0.0001% for 365 days");
		accrue_is("0.0001% of total", big, due, due + 1, NULL, 0, NULL, PRA_OK,
				  INT64_C(100000000000), "10^15 yuan at 0.0001% once");
		/* 10^17 x 1% = 10^15 a day; 9,000 days = 9 x 10^18 < 2^63 - 1 */
		accrue_is("1% of overdue per day", big, due, due + 9000, NULL, 0, NULL, PRA_OK,
				  INT64_C(9000000000000000000), "9 x 10^18 fen still fits");
		/* 9,300 days = 9.3 x 10^18 > 9.22 x 10^18 */
		accrue_is("1% of overdue per day", big, due, due + 9300, NULL, 0, NULL, PRA_ERR_OVERFLOW,
				  0, "9.3 x 10^18 fen overflows");
		/* 10^17 x 10000% = 10^19 > int64 */
		accrue_is("10000% of overdue", big, due, due + 1, NULL, 0, NULL, PRA_ERR_OVERFLOW, 0,
				  "once, 10^19 overflows");
		/* 9 x 10^16 x 10000% = 9 x 10^18 fits */
		accrue_is("10000% of overdue", INT64_C(90000000000000000), due, due + 1, NULL, 0, NULL,
				  PRA_OK, INT64_C(9000000000000000000), "once, 9 x 10^18 fits");
		/* a cap share of a large base is above int64 and must not wrap: 3 x 10^16, uncapped */
		accrue_is("1% of overdue per day, cap 10000%", big, due, due + 30, NULL, 0, NULL, PRA_OK,
				  INT64_C(30000000000000000), "cap 10000% of 10^15 yuan");
		/* day 1: 10^17 x 92 = 9.2 x 10^18; day 2 accrues on 9.3 x 10^18 > int64 */
		accrue_is("9200% of overdue per day, compound", big, due, due + 1, NULL, 0, NULL, PRA_OK,
				  INT64_C(9200000000000000000), "compound to 9.2 x 10^18");
		accrue_is("9200% of overdue per day, compound", big, due, due + 2, NULL, 0, NULL,
				  PRA_ERR_OVERFLOW, 0, "compounded balance overflows");
		/* (2^63 - 1) x 100 x 2 x 10^8 days is beyond even __int128 */
		accrue_is("10000% of overdue per day", INT64_MAX, 0, 200000000, NULL, 0, NULL,
				  PRA_ERR_OVERFLOW, 0, "product beyond __int128");
		accrue_is("10000% of overdue per day", INT64_MAX, due, due + 1, NULL, 0, NULL,
				  PRA_ERR_OVERFLOW, 0, "INT64_MAX x 10000% overflows");
		/* payments summing beyond int64: day 1 accrues 100.00, then nothing */
		accrue_is("1% of overdue per day", 1000000, due, due + 5, huge, 2, NULL, PRA_OK, 10000,
				  "payments summing beyond int64");
	}

	/* ---------- not late, nothing owed ---------- */
	{
		int64_t		due = D(2026, 3, 1);

		accrue_is("1% of overdue per day", 1000000, due, due, NULL, 0, NULL, PRA_OK, 0,
				  "paid on the due date");
		is_int(nsegs, 0, "paid on the due date: no segment");
		accrue_is("1% of overdue per day", 1000000, due, due - 10, NULL, 0, NULL, PRA_OK, 0,
				  "until before the due date");
		accrue_is("1% of overdue per day", 0, due, due + 10, NULL, 0, NULL, PRA_OK, 0, "base 0");
		accrue_is("1% of overdue per day", -500, due, due + 10, NULL, 0, NULL, PRA_OK, 0,
				  "negative base");
		/* 1 day late: 10,000.00 x 1% = 100.00 */
		accrue_is("1% of overdue per day", 1000000, due, due + 1, NULL, 0, NULL, PRA_OK, 10000,
				  "one day late");
	}

	/* ---------- annualised rate ---------- */
	{
		int64_t		a = -1;
		PenaltyRule r;

		/* 1% x 365 = 365% = 3,650,000,000 */
		r = R("1% of total per day");
		ok(penalty_rule_annual_rate(&r, 0, &a) && a == INT64_C(3650000000), "annual: 1%%/day = 365%%");
		/* 0.05% x 365 = 18.25% = 182,500,000 */
		r = R("0.05% of overdue per day");
		ok(penalty_rule_annual_rate(&r, 0, &a) && a == 182500000, "annual: 0.05%%/day = 18.25%%");
		/* 1% x 365/7 = 52.142857% -> 521,428,571 */
		r = R("1% per week");
		ok(penalty_rule_annual_rate(&r, 0, &a) && a == 521428571, "annual: 1%%/week");
		/* 1% x 365/30 = 12.1666667% -> 121,666,667 */
		r = R("1% per month");
		ok(penalty_rule_annual_rate(&r, 0, &a) && a == 121666667, "annual: 1%%/month");
		r = R("12% per year");
		ok(penalty_rule_annual_rate(&r, 0, &a) && a == 120000000, "annual: 12%%/year");
		/* about 250 working days: 1% x 250 = 250% */
		r = R("1% per working day");
		ok(penalty_rule_annual_rate(&r, 0, &a) && a == INT64_C(2500000000), "annual: 1%%/working day");
		/* LPR 3.45% x 1.5 = 5.175% */
		r = R("LPR×1.5 per year");
		ok(penalty_rule_annual_rate(&r, 34500000, &a) && a == 51750000, "annual: LPR x 1.5");
		/* LPR x 4 per day: 3.45% x 4 = 13.8% a day, x 365 = 5037% */
		r = R("LPR×4 per day");
		ok(penalty_rule_annual_rate(&r, 34500000, &a) && a == INT64_C(50370000000), "annual: LPR x 4 per day");
		r = R("2% of overdue");
		a = -7;
		ok(!penalty_rule_annual_rate(&r, 0, &a) && a == -7, "annual: a one-off share has none");
		/* an absurd LPR does not wrap */
		r = R("LPR×100 per day");
		ok(!penalty_rule_annual_rate(&r, INT64_MAX, &a), "annual: absurd LPR reports failure");
	}

	return tap_done();
}
