/*
 * fuzz_calendar.c - libFuzzer harness for working calendars.
 *
 * Built and run by tools/fuzz.sh (make fuzz), like every harness: clang with
 * -fsanitize=fuzzer,address,undefined, every .c file of src/core, the corpus
 * test/fuzz/corpus/calendar.
 *
 * The input bytes describe a small calendar (weekly intervals, up to 16
 * exceptions within a couple of years of 2026, optional coverage, a zone
 * with 0-4 offset changes at least 30 days apart, of 15 min to 3 h, often
 * at round local times) and then a few operations
 * with random arguments.  calendar_validate is compared with a restatement of the
 * rules; accepted specs are compiled into a buffer of exactly
 * calendar_compiled_size bytes (ASan checks the bounds) and every arithmetic
 * function is run and cross-checked:
 *
 *  - add_working_days(d, n) = r: r is a working day, on the right side of d,
 *    and working_days_between agrees exactly (n working days in (d, r],
 *    n - 1 in (d, r - 1]; likewise backwards and for n = 0);
 *  - a coverage failure names the first uncovered day walked into;
 *  - working_days_between and working_time_between are antisymmetric and
 *    additive;
 *  - add_working_time(s, a) = r: r >= s for a >= 0 (<= for a < 0), and
 *    working_time_between(s, r) == a; results are monotonic in a;
 *  - due_date / due_instant agree with the functions they stand for.
 *
 * -DFUZZ_TRACE prints the spec and operations (to replay a crash with a
 * plain main); -DFUZZ_MIDNIGHT_FALLBACK lets in the zone changes of the one
 * known, unfixed limitation (see gen_spec).
 *
 * Instants and working-time amounts are kept to a window of a few years
 * around the exception span and the zone changes so every walk stays short
 * (the arithmetic walks day by day there; elsewhere it skips whole weeks).
 */
#include "calendar_input.h"

/* ---------- checks ---------- */

static int64_t cov_lo,
			cov_hi;
static int64_t win_lo,			/* the fixture's window of days */
			win_hi;

static bool
is_covered(int64_t d)
{
	return d >= cov_lo && d <= cov_hi;
}

/* The first uncovered day met walking forward (back) from d. */
static int64_t
first_uncovered(int64_t d, bool forward)
{
	if (!is_covered(d))
		return d;
	return forward ? cov_hi + 1 : cov_lo - 1;
}

static bool
working(const Calendar *cal, int64_t d)
{
	bool		r = false;
	CalError		err = {0};

	CHECK_EQ(calendar_is_working_day(cal, d, &r, &err), CAL_OK);
	return r;
}

static int64_t
between_days(const Calendar *cal, int64_t a, int64_t b)
{
	int64_t		r = 0;
	CalError		err = {0};

	CHECK_EQ(calendar_working_days_between(cal, a, b, &r, &err), CAL_OK);
	return r;
}

static void
check_add_days(const Calendar *cal, int64_t d, int64_t n)
{
	int64_t		r = 0;
	CalError		err = {0};
	CalStatus	st = calendar_add_working_days(cal, d, n, &r, &err);

	if (d < CAL_DAY_MIN || d > CAL_DAY_MAX)
	{
		CHECK_EQ(st, CAL_ERR_RANGE);
		return;
	}
	if (st == CAL_OK)
	{
		CHECK(r >= CAL_DAY_MIN && r <= CAL_DAY_MAX);
		CHECK(working(cal, r));
		if (n > 0)
		{
			CHECK(r > d);
			CHECK_EQ(between_days(cal, d, r), n);
			CHECK_EQ(between_days(cal, d, r - 1), n - 1);
			CHECK_EQ(between_days(cal, r, d), -n);
		}
		else if (n < 0)
		{
			CHECK(r < d);
			if (r - 1 >= CAL_DAY_MIN)
				CHECK_EQ(between_days(cal, r - 1, d - 1), -n);
			CHECK_EQ(between_days(cal, r, d - 1), -n - 1);
		}
		else
		{
			CHECK(r >= d);
			if (d - 1 >= CAL_DAY_MIN)
				CHECK_EQ(between_days(cal, d - 1, r - 1), 0);
		}
	}
	else if (st == CAL_ERR_UNCOVERED)
	{
		/* walking from d + 1 (n > 0), d - 1 (n < 0) or d (n = 0) */
		int64_t		from = n > 0 ? d + 1 : n < 0 ? d - 1 : d;

		CHECK(!is_covered(err.day));
		if (from >= CAL_DAY_MIN && from <= CAL_DAY_MAX)
			CHECK_EQ(err.day, first_uncovered(from, n >= 0));
	}
	else
		CHECK(st == CAL_ERR_RANGE || st == CAL_ERR_NO_WORKING_DAY);
}

static void
check_between_days(const Calendar *cal, int64_t a, int64_t b, int64_t c)
{
	int64_t		ab,
				ba,
				bc,
				ac;
	CalError		err = {0};
	CalStatus	s1 = calendar_working_days_between(cal, a, b, &ab, &err);
	CalStatus	s2 = calendar_working_days_between(cal, b, a, &ba, &err);

	CHECK_EQ(s1, s2);
	if (s1 != CAL_OK)
		return;
	CHECK_EQ(ab, -ba);
	CHECK(a <= b ? ab >= 0 && ab <= b - a : ab <= 0 && -ab <= a - b);
	if (calendar_working_days_between(cal, b, c, &bc, &err) == CAL_OK &&
		calendar_working_days_between(cal, a, c, &ac, &err) == CAL_OK)
		CHECK_EQ(ab + bc, ac);
	/* one day */
	if (is_covered(b) && b - 1 >= CAL_DAY_MIN)
		CHECK_EQ(between_days(cal, b - 1, b), working(cal, b) ? 1 : 0);
}

static int64_t
local_day(const Calendar *cal, int64_t t)
{
	return civil_floor_div(zone_to_local(calendar_zone(cal), t), DAY);
}

static void
check_add_time(const Calendar *cal, int64_t s, int64_t a)
{
	int64_t		r = 0;
	CalError		err = {0};
	CalStatus	st = calendar_add_working_time(cal, s, a, &r, &err);

#ifdef FUZZ_TRACE
	fprintf(stderr, "add_time(%lld, %lld) -> %d %lld (days %lld -> %lld)\n", (long long) s,
			(long long) a, (int) st, (long long) r, (long long) (s / DAY), (long long) (r / DAY));
#endif
	if (st == CAL_OK)
	{
		int64_t		tb = 0;
		CalStatus	st2;

		CHECK(a >= 0 ? r >= s : r <= s);

		/*
		 * working_time_between walks day by day before the exception span
		 * (it only skips weeks after it), so check it only when r stays
		 * within a few years of the window or of s.
		 */
		if ((r >= (win_lo - 2000) * DAY && r <= (win_hi + 2000) * DAY) ||
			(r >= s ? (uint64_t) r - (uint64_t) s : (uint64_t) s - (uint64_t) r) <=
			(uint64_t) (3000 * DAY))
		{
			st2 = calendar_working_time_between(cal, s, r, &tb, &err);
			CHECK_EQ(st2, CAL_OK);
			if (tb != a)
				fprintf(stderr, "s=%lld a=%lld r=%lld between=%lld\n", (long long) s,
						(long long) a, (long long) r, (long long) tb);
			CHECK_EQ(tb, a);
		}
		/* monotonic in the amount */
		if (a > 0 && a < INT64_MAX)
		{
			int64_t		r2;

			if (calendar_add_working_time(cal, s, a / 2, &r2, &err) == CAL_OK)
				CHECK(r2 <= r);
			if (calendar_add_working_time(cal, s, a + 1, &r2, &err) == CAL_OK)
				CHECK(r2 > r);
		}
	}
	else if (st == CAL_ERR_UNCOVERED)
	{
		CHECK(!is_covered(err.day));
		CHECK_EQ(err.day, first_uncovered(local_day(cal, s), a >= 0));
	}
	else
		CHECK(st == CAL_ERR_RANGE || st == CAL_ERR_NO_WORKING_DAY);
	/* a start on a day outside the supported range */
	if (local_day(cal, s) < CAL_DAY_MIN || local_day(cal, s) > CAL_DAY_MAX)
		CHECK(st == CAL_ERR_RANGE || st == CAL_OK);	/* OK: continuous calendars */
}

static void
check_between_time(const Calendar *cal, int64_t a, int64_t b, int64_t c)
{
	int64_t		ab,
				ba,
				bc,
				ac;
	CalError		err = {0};
	CalStatus	s1 = calendar_working_time_between(cal, a, b, &ab, &err);
	CalStatus	s2 = calendar_working_time_between(cal, b, a, &ba, &err);

	CHECK_EQ(s1, s2);
	if (s1 != CAL_OK)
	{
		if (s1 == CAL_ERR_UNCOVERED)
			CHECK(!is_covered(err.day));
		return;
	}
	CHECK_EQ(ab, -ba);
	CHECK(a <= b ? ab >= 0 && ab <= b - a : ab <= 0 && -ab <= a - b);
	if (calendar_working_time_between(cal, b, c, &bc, &err) == CAL_OK &&
		calendar_working_time_between(cal, a, c, &ac, &err) == CAL_OK)
		CHECK_EQ(ab + bc, ac);
}

static void
check_day_intervals(const Calendar *cal, int64_t d)
{
	int64_t		o[8],
				c[8];
	int			n,
				i;

	/*
	 * calendar_day_intervals does not range-check its day (day * 86400e6
	 * overflows far outside it); the glue calls calendar_is_working_day first,
	 * which refuses such days.  Do the same.
	 */
	if (d < CAL_DAY_MIN || d > CAL_DAY_MAX)
	{
		bool		r;
		CalError		err = {0};

		CHECK(calendar_is_working_day(cal, d, &r, &err) != CAL_OK);
		return;
	}
	n = calendar_day_intervals(cal, d, o, c, 8);
	CHECK(n >= 0 && n <= 4);
	for (i = 0; i < n; i++)
	{
		CHECK(o[i] <= c[i]);
		if (i > 0)
			CHECK(c[i - 1] <= o[i]);
	}
	if (is_covered(d))
		CHECK((n > 0) == working(cal, d));
}

static void
check_terms(const Calendar *cal, In *in, const Fixture *f)
{
	Term		t;
	int64_t		r1 = 0,
				r2 = 0;
	CalError		e1 = {0},
				e2 = {0};
	CalStatus	s1,
				s2;
	int64_t		d = pick_day(in, f, true);
	int64_t		s = pick_instant(in, f);

	t.unit = (uint8_t) (1 + u8(in) % TERM_UNIT_MAX);
	t.quantity = (u8(in) & 1) ? (int32_t) (1 + u32(in) % INT32_MAX) : (int32_t) (1 + u8(in) % 40);

	/* on a date */
	s1 = due_date(cal, d, &t, DUE_UNADJUSTED, &r1, &e1);
	switch (t.unit)
	{
		case TERM_MINUTES:
		case TERM_HOURS:
		case TERM_WORKING_MINUTES:
		case TERM_WORKING_HOURS:
			CHECK_EQ(s1, CAL_ERR_NEEDS_TIME);
			break;
		case TERM_DAYS:
		case TERM_WEEKS:
			{
				int64_t		e = d + (int64_t) t.quantity * (t.unit == TERM_WEEKS ? 7 : 1);

				if (e > CAL_DAY_MAX || e < CAL_DAY_MIN)
					CHECK_EQ(s1, CAL_ERR_RANGE);
				else
				{
					CHECK_EQ(s1, CAL_OK);
					CHECK_EQ(r1, e);
				}
			}
			break;
		case TERM_MONTHS:
		case TERM_YEARS:
			if (s1 == CAL_OK)
			{
				int64_t		y1,
							y2;
				int			m1,
							m2,
							dd1,
							dd2;
				int64_t		months = (int64_t) t.quantity * (t.unit == TERM_YEARS ? 12 : 1);

				civil_ymd_from_days(d, &y1, &m1, &dd1);
				civil_ymd_from_days(r1, &y2, &m2, &dd2);
				CHECK_EQ((y2 * 12 + m2) - (y1 * 12 + m1), months);
				CHECK(dd2 == dd1 || (dd2 < dd1 && dd2 == civil_days_in_month(y2, m2)));
			}
			else
				CHECK_EQ(s1, CAL_ERR_RANGE);
			break;
		case TERM_WORKING_DAYS:
			s2 = calendar_add_working_days(cal, d, t.quantity, &r2, &e2);
			CHECK_EQ(s1, s2);
			if (s1 == CAL_OK)
				CHECK_EQ(r1, r2);
			break;
	}

	/* on an instant */
	if (t.unit == TERM_WORKING_MINUTES || t.unit == TERM_WORKING_HOURS)
		t.quantity = 1 + t.quantity % 20000;	/* keep the walks short */
	s1 = due_instant(cal, s, &t, DUE_UNADJUSTED, &r1, &e1);
	switch (t.unit)
	{
		case TERM_MINUTES:
		case TERM_HOURS:
			CHECK_EQ(s1, CAL_OK);
			CHECK_EQ(r1, s + (int64_t) t.quantity * (t.unit == TERM_HOURS ? H : MIN));
			break;
		case TERM_WORKING_MINUTES:
		case TERM_WORKING_HOURS:
			s2 = calendar_add_working_time(cal, s, (int64_t) t.quantity *
									 (t.unit == TERM_WORKING_HOURS ? H : MIN), &r2, &e2);
			CHECK_EQ(s1, s2);
			if (s1 == CAL_OK)
				CHECK_EQ(r1, r2);
			break;
		case TERM_DAYS:
		case TERM_WEEKS:
		case TERM_WORKING_DAYS:
			if (s1 == CAL_OK)
			{
				const Zone *z = calendar_zone(cal);
				int64_t		ls = zone_to_local(z, s);
				int64_t		sd = civil_floor_div(ls, DAY);
				int64_t		ed;
				int64_t		lr = zone_to_local(z, r1);
				int32_t		k;
				bool		at_shift = false;

				if (t.unit == TERM_WORKING_DAYS)
				{
					CHECK_EQ(calendar_add_working_days(cal, sd, t.quantity, &ed, &e2), CAL_OK);
				}
				else
					ed = sd + (int64_t) t.quantity * (t.unit == TERM_WEEKS ? 7 : 1);
				for (k = 0; k < z->nshifts; k++)
					at_shift |= r1 == z->shifts[k].at;
				/* same wall-clock time on the due day, unless it fell in a gap */
				if (!at_shift)
					CHECK_EQ(lr, ed * DAY + (ls - sd * DAY));
				else
					CHECK(civil_floor_div(lr, DAY) == ed ||
						  civil_floor_div(lr, DAY) == ed + 1);
			}
			else if (t.unit != TERM_WORKING_DAYS)
				CHECK_EQ(s1, CAL_ERR_RANGE);
			break;
		default:
			CHECK(s1 == CAL_OK || s1 == CAL_ERR_RANGE);
			break;
	}
}

/*
 * Civil Code Art. 203 (DUE_FOLLOWING): a period of days or longer ends on
 * the first working day at or after its unadjusted last day; working-day
 * terms are not adjusted.  due_date_before is the upper adjoint of due_date:
 * x <= due_date_before(d) exactly when due_date(x) <= d, checked at the
 * answer and one day past it.
 */
static void
check_conventions(const Calendar *cal, In *in, const Fixture *f)
{
	Term		t;
	int64_t		d = pick_day(in, f, true);
	int64_t		r_unadj = 0,
				r_fol = 0,
				r_next = 0,
				x = 0,
				dx = 0;
	CalError	e = {0};
	CalStatus	su,
				sf,
				sb;
	DueConvention conv = (u8(in) & 1) ? DUE_FOLLOWING : DUE_UNADJUSTED;

	t.unit = (uint8_t) (TERM_DAYS + u8(in) % 4);	/* days, weeks, months, years */
	if (u8(in) % 4 == 0)
		t.unit = TERM_WORKING_DAYS;
	t.quantity = (int32_t) (1 + u8(in) % 40);

	su = due_date(cal, d, &t, DUE_UNADJUSTED, &r_unadj, &e);
	sf = due_date(cal, d, &t, DUE_FOLLOWING, &r_fol, &e);
	if (su == CAL_OK && t.unit == TERM_WORKING_DAYS)
	{
		CHECK_EQ(sf, CAL_OK);
		CHECK_EQ(r_fol, r_unadj);
	}
	else if (su == CAL_OK)
	{
		CalStatus	sn = calendar_add_working_days(cal, r_unadj, 0, &r_next, &e);

		CHECK_EQ(sf, sn);
		if (sf == CAL_OK)
		{
			CHECK_EQ(r_fol, r_next);
			CHECK(r_fol >= r_unadj);
			CHECK(working(cal, r_fol));
		}
	}

	sb = due_date_before(cal, d, &t, conv, &x, &e);
	if (sb == CAL_OK)
	{
		CHECK_EQ(due_date(cal, x, &t, conv, &dx, &e), CAL_OK);
		CHECK(dx <= d);
		if (due_date(cal, x + 1, &t, conv, &dx, &e) == CAL_OK)
			CHECK(dx > d);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	In			in = {data, size};
	Fixture		f;
	CalError		err = {0};
	CalStatus	st,
				expected;
	size_t		sz;
	void	   *mem;
	Calendar *cal;
	int			nops,
				i;

	gen_spec(&in, &f);
	st = calendar_validate(&f.spec, &err);
	expected = expected_validate(&f.spec);
	CHECK_EQ(st, expected);
	if (st != CAL_OK)
		return 0;

#ifdef FUZZ_TRACE
	{
		int			w;
		int32_t		k;

		for (w = 0; w < 7; w++)
			for (k = 0; k < f.spec.nweek[w]; k++)
				fprintf(stderr, "week %d: %lld..%lld min\n", w + 1,
						(long long) (f.spec.week[w][k].open / MIN),
						(long long) (f.spec.week[w][k].close / MIN));
		for (k = 0; k < f.spec.nexceptions; k++)
			fprintf(stderr, "exception day %lld working %d nint %d\n",
					(long long) f.spec.exceptions[k].day, f.spec.exceptions[k].working,
					f.spec.exceptions[k].nintervals);
		fprintf(stderr, "coverage %d %lld .. %d %lld; zone base %d\n", f.spec.has_lo,
				(long long) f.spec.cov_lo, f.spec.has_hi, (long long) f.spec.cov_hi,
				f.spec.zone.base);
		for (k = 0; k < f.spec.zone.nshifts; k++)
			fprintf(stderr, "shift at %lld (day %lld + %lld s) %d -> %d\n",
					(long long) f.shifts[k].at, (long long) civil_floor_div(f.shifts[k].at, DAY),
					(long long) ((f.shifts[k].at - civil_floor_div(f.shifts[k].at, DAY) * DAY) / 1000000),
					f.shifts[k].before, f.shifts[k].after);
	}
#endif
	sz = calendar_compiled_size(&f.spec);
	CHECK(sz > 0 && sz < (size_t) 1 << 24);
	mem = malloc(sz);
	cal = calendar_compile(&f.spec, mem);
	CHECK(cal == mem);
	CHECK_EQ((int64_t) calendar_size(cal), (int64_t) sz);
	calendar_coverage(cal, &cov_lo, &cov_hi);
	win_lo = f.lo_day;
	win_hi = f.hi_day;
	CHECK_EQ(cov_lo, f.spec.has_lo ? f.spec.cov_lo : CAL_DAY_MIN);
	CHECK_EQ(cov_hi, f.spec.has_hi ? f.spec.cov_hi : CAL_DAY_MAX);

	nops = 1 + u8(&in) % 8;
	for (i = 0; i < nops && in.n > 0; i++)
	{
		int			op = u8(&in) % 9;

#ifdef FUZZ_TRACE
		fprintf(stderr, "op %d (%zu bytes left)\n", op, in.n);
#endif
		switch (op)
		{
			case 0:
				{
					int64_t		d = pick_day(&in, &f, true);

					check_add_days(cal, d, pick_n(&in));
				}
				break;
			case 1:
				{
					int64_t		a = pick_day(&in, &f, true);
					int64_t		b = pick_day(&in, &f, true);

					check_between_days(cal, a, b, pick_day(&in, &f, true));
				}
				break;
			case 2:
				{
					int64_t		s = pick_instant(&in, &f);

					check_add_time(cal, s, pick_amount(&in));
				}
				break;
			case 3:
				{
					int64_t		a = pick_instant(&in, &f);
					int64_t		b = pick_instant(&in, &f);

					check_between_time(cal, a, b, pick_instant(&in, &f));
				}
				break;
			case 4:
				check_terms(cal, &in, &f);
				break;
			case 5:
				check_day_intervals(cal, pick_day(&in, &f, true));
				break;
			case 6:
				{
					/* a run of small steps: walk 1 working day at a time */
					int64_t		d = pick_day(&in, &f, false);
					int			k;

					for (k = 0; k < 20; k++)
					{
						int64_t		r;
						CalError		e = {0};

						if (calendar_add_working_days(cal, d, 1, &r, &e) != CAL_OK)
							break;
						CHECK_EQ(between_days(cal, d, r), 1);
						d = r;
					}
				}
				break;
			case 7:
				{
					/*
					 * Near the ends of PostgreSQL's timestamp range (and a
					 * day past them), with amounts of at most 1000 hours.
					 */
					int64_t		s;
					int64_t		a = (int64_t) (u32(&in) % (1000 * 3600)) * 1000000;
					uint8_t		where = u8(&in) % 4;

					if (where == 0)
						s = CAL_DAY_MIN * DAY + (int64_t) u32(&in) * 1000;
					else if (where == 1)
						s = (CAL_DAY_MAX + 1) * DAY - 1 - (int64_t) u32(&in) * 1000;
					else if (where == 2)
						s = (CAL_DAY_MAX + 1) * DAY + (int64_t) (u32(&in) % 86400) * 1000000;
					else
						s = CAL_DAY_MIN * DAY - 1 - (int64_t) (u32(&in) % 86400) * 1000000;
					check_add_time(cal, s, (u8(&in) & 1) ? -a : a);
				}
				break;
			case 8:
				check_conventions(cal, &in, &f);
				break;
		}
	}
	free(mem);
	return 0;
}
