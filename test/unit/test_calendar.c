/*
 * test_calendar.c - working calendars: validation, working days, working time,
 * terms applied to dates and instants.
 *
 * Every expected value is worked out by hand in the comment next to it, from
 * the calendar definitions below and a paper calendar of 2026:
 *
 *   2026-01-01 Thu   02-01 Sun   03-01 Sun   04-01 Wed   05-01 Fri
 *   06-01 Mon        09-01 Tue   10-01 Thu   11-01 Sun   12-01 Tue
 *
 * (2026-01-01 is day 9497, a Thursday; day-of-year of the 1st of each month
 * mod 7 gives the rest.)  civil.c is tested on its own in test_civil.c, so
 * dates are written with civil_days_from_ymd.
 */
#include "calendar_fixture.h"
#include "due.h"

#include <stdlib.h>


/* ---------- checking helpers ---------- */

static void
days_ok(const Calendar *cal, int64_t day, int64_t n, int64_t expected, const char *what)
{
	int64_t		r = -1;
	CalError		err = {0};
	CalStatus	st = calendar_add_working_days(cal, day, n, &r, &err);

	if (is_str(sname(st), "OK", "%s: add_working_days(%s, %lld) ok", what, fmt_day(day), (long long) n))
		if (!is_int(r, expected, "%s: add_working_days(%s, %lld) = %s", what, fmt_day(day),
					(long long) n, fmt_day(expected)))
			diag("got %s", fmt_day(r));
}

static void
days_err(const Calendar *cal, int64_t day, int64_t n, CalStatus expected,
		 int64_t err_day, bool check_day, const char *what)
{
	int64_t		r = -1;
	CalError		err = {-1, 0, 0, false};
	CalStatus	st = calendar_add_working_days(cal, day, n, &r, &err);

	is_str(sname(st), sname(expected), "%s: add_working_days(%s, %lld) fails %s", what,
		   fmt_day(day), (long long) n, sname(expected));
	if (check_day && !is_int(err.day, err_day, "%s: err.day = %s", what, fmt_day(err_day)))
		diag("got %s", fmt_day(err.day));
}

static void
between_ok(const Calendar *cal, int64_t from, int64_t to, int64_t expected, const char *what)
{
	int64_t		r = -1;
	CalError		err = {0};
	CalStatus	st = calendar_working_days_between(cal, from, to, &r, &err);

	if (is_str(sname(st), "OK", "%s: working_days_between(%s, %s) ok", what, fmt_day(from), fmt_day(to)))
		is_int(r, expected, "%s: working_days_between(%s, %s) = %lld", what, fmt_day(from),
			   fmt_day(to), (long long) expected);
}

static void
between_err(const Calendar *cal, int64_t from, int64_t to, CalStatus expected,
			int64_t err_day, bool check_day, const char *what)
{
	int64_t		r = -1;
	CalError		err = {-1, 0, 0, false};
	CalStatus	st = calendar_working_days_between(cal, from, to, &r, &err);

	is_str(sname(st), sname(expected), "%s: working_days_between(%s, %s) fails", what,
		   fmt_day(from), fmt_day(to));
	if (check_day && !is_int(err.day, err_day, "%s: err.day = %s", what, fmt_day(err_day)))
		diag("got %s", fmt_day(err.day));
}

static void
time_ok(const Calendar *cal, int64_t start, int64_t amount, int64_t expected, const char *what)
{
	int64_t		r = -1;
	CalError		err = {0};
	CalStatus	st = calendar_add_working_time(cal, start, amount, &r, &err);

	if (is_str(sname(st), "OK", "%s: add_working_time ok", what))
		if (!is_int(r, expected, "%s: add_working_time(%s, %+.4gh) = %s", what, fmt_instant(start),
					(double) amount / H, fmt_instant(expected)))
			diag("got %s", fmt_instant(r));
}

static void
time_err(const Calendar *cal, int64_t start, int64_t amount, CalStatus expected,
		 int64_t err_day, bool check_day, const char *what)
{
	int64_t		r = -1;
	CalError		err = {-1, 0, 0, false};
	CalStatus	st = calendar_add_working_time(cal, start, amount, &r, &err);

	is_str(sname(st), sname(expected), "%s: add_working_time fails %s", what, sname(expected));
	if (check_day && !is_int(err.day, err_day, "%s: err.day = %s", what, fmt_day(err_day)))
		diag("got %s", fmt_day(err.day));
}

static void
tbetween_ok(const Calendar *cal, int64_t from, int64_t to, int64_t expected, const char *what)
{
	int64_t		r = -1;
	CalError		err = {0};
	CalStatus	st = calendar_working_time_between(cal, from, to, &r, &err);

	if (is_str(sname(st), "OK", "%s: working_time_between ok", what))
		is_int(r, expected, "%s: working_time_between = %+.4gh", what, (double) expected / H);
}

static void
tbetween_err(const Calendar *cal, int64_t from, int64_t to, CalStatus expected,
			 int64_t err_day, const char *what)
{
	int64_t		r = -1;
	CalError		err = {-1, 0, 0, false};
	CalStatus	st = calendar_working_time_between(cal, from, to, &r, &err);

	is_str(sname(st), sname(expected), "%s: working_time_between fails", what);
	if (!is_int(err.day, err_day, "%s: err.day = %s", what, fmt_day(err_day)))
		diag("got %s", fmt_day(err.day));
}

static void
due_instant_is(const Calendar *cal, int64_t start, int32_t q, int unit,
			   CalStatus expected_st, int64_t expected, const char *what)
{
	Term		t;
	int64_t		r = -1;
	CalError		err = {0};
	CalStatus	st;

	t.quantity = q;
	t.unit = (uint8_t) unit;
	st = due_instant(cal, start, &t, &r, &err);
	if (is_str(sname(st), sname(expected_st), "%s: due_instant(%s, %d %s) status", what,
			   fmt_instant(start), q, term_unit_plural(unit)) && st == CAL_OK)
		if (!is_int(r, expected, "%s: due_instant = %s", what, fmt_instant(expected)))
			diag("got %s", fmt_instant(r));
}

static void
due_date_is(const Calendar *cal, int64_t day, int32_t q, int unit,
			CalStatus expected_st, int64_t expected, const char *what)
{
	Term		t;
	int64_t		r = -1;
	CalError		err = {0};
	CalStatus	st;

	t.quantity = q;
	t.unit = (uint8_t) unit;
	st = due_date(cal, day, &t, &r, &err);
	if (is_str(sname(st), sname(expected_st), "%s: due_date(%s, %d %s) status", what,
			   fmt_day(day), q, term_unit_plural(unit)) && st == CAL_OK)
		if (!is_int(r, expected, "%s: due_date = %s", what, fmt_day(expected)))
			diag("got %s", fmt_day(r));
}

static void
working_day_is(const Calendar *cal, int64_t day, bool expected, const char *what)
{
	bool		r = !expected;
	CalError		err = {0};
	CalStatus	st = calendar_is_working_day(cal, day, &r, &err);

	ok(st == CAL_OK && r == expected, "%s: %s is %sa working day", what, fmt_day(day),
	   expected ? "" : "not ");
}

/* ---------- calendars ---------- */

/* The CN 2026 holiday list from the brief: a range of days and whether working. */
static const struct
{
	int			m,
				d1,
				d2;
	bool		working;
}			cn_2026[] = {
	{1, 1, 3, false}, {1, 4, 4, true}, {2, 14, 14, true}, {2, 15, 23, false},
	{2, 28, 28, true}, {4, 4, 6, false}, {5, 1, 5, false}, {5, 9, 9, true},
	{6, 19, 21, false}, {9, 20, 20, true}, {9, 25, 27, false}, {10, 1, 7, false},
	{10, 10, 10, true},
};
static CalException cn_exc[64];


static CalSpec
cn_spec(void)
{
	CalSpec		s;
	int32_t		n = 0;
	size_t		i;

	weekdays(&s, cn_hours, 2);
	for (i = 0; i < sizeof(cn_2026) / sizeof(cn_2026[0]); i++)
	{
		int			d;

		for (d = cn_2026[i].d1; d <= cn_2026[i].d2; d++)
		{
			cn_exc[n].day = D(2026, cn_2026[i].m, d);
			cn_exc[n].working = cn_2026[i].working;
			cn_exc[n].nintervals = 0;
			cn_exc[n].intervals = NULL;
			n++;
		}
	}
	s.nexceptions = n;
	s.exceptions = cn_exc;
	s.has_lo = s.has_hi = true;
	s.cov_lo = D(2026, 1, 1);
	s.cov_hi = D(2026, 12, 31);
	s.zone.base = CN;
	return s;
}

static ZoneShift ny_shifts[2];

static Zone
ny_zone(void)
{
	Zone		z;

	/* 2026-03-08 02:00 EST -> 03:00 EDT; 2026-11-01 02:00 EDT -> 01:00 EST */
	ny_shifts[0].at = T(2026, 3, 8, 7, 0, UTC);
	ny_shifts[0].before = EST;
	ny_shifts[0].after = EDT;
	ny_shifts[1].at = T(2026, 11, 1, 6, 0, UTC);
	ny_shifts[1].before = EDT;
	ny_shifts[1].after = EST;
	z.base = EST;
	z.nshifts = 2;
	z.shifts = ny_shifts;
	return z;
}

/* ---------- the tests ---------- */

static void
test_validate(void)
{
	CalSpec		s;
	CalError		err;
	CalInterval	bad[2];
	CalException ex[2];
	static const CalInterval two_hours[1] = {{10 * H, 12 * H}};

	weekdays(&s, nine_to_five, 1);
	is_str(sname(calendar_validate(&s, &err)), "OK", "validate: plain weekdays");

#define EXPECT_BAD(label, status, wd, idx) do { \
		CalStatus st_ = calendar_validate(&s, &err); \
		is_str(sname(st_), sname(status), "validate: %s", label); \
		is_int(err.weekday, wd, "validate: %s: err.weekday", label); \
		is_int(err.index, idx, "validate: %s: err.index", label); \
	} while (0)

	/* a bad interval on Tuesday (weekday 2), first interval */
	bad[0].open = -1;
	bad[0].close = 10 * H;
	s.nweek[1] = 1;
	s.week[1] = bad;
	EXPECT_BAD("open < 0", CAL_ERR_BAD_INTERVAL, 2, 0);
	bad[0].open = 9 * H;
	bad[0].close = 24 * H + 1;
	s.nweek[6] = 1;				/* Sunday */
	s.week[6] = bad;
	s.week[1] = nine_to_five;
	EXPECT_BAD("close > 24h", CAL_ERR_BAD_INTERVAL, 7, 0);
	bad[0].open = 9 * H;
	bad[0].close = 9 * H;
	EXPECT_BAD("open == close", CAL_ERR_BAD_INTERVAL, 7, 0);
	bad[0].open = 10 * H;
	bad[0].close = 9 * H;
	EXPECT_BAD("open > close", CAL_ERR_BAD_INTERVAL, 7, 0);
	bad[0].open = 0;
	bad[0].close = 24 * H;
	is_str(sname(calendar_validate(&s, &err)), "OK", "validate: 00:00-24:00 is fine");

	/* Wednesday (3): second interval overlaps / is out of order / touches */
	bad[0].open = 9 * H;
	bad[0].close = 12 * H;
	bad[1].open = 11 * H;
	bad[1].close = 13 * H;
	s.nweek[2] = 2;
	s.week[2] = bad;
	s.nweek[6] = 0;
	EXPECT_BAD("overlap", CAL_ERR_OVERLAP, 3, 1);
	bad[0].open = 13 * H;
	bad[0].close = 18 * H;
	bad[1].open = 9 * H;
	bad[1].close = 12 * H;
	EXPECT_BAD("out of order", CAL_ERR_OVERLAP, 3, 1);
	bad[0].open = 9 * H;
	bad[0].close = 12 * H;
	bad[1].open = 12 * H;
	bad[1].close = 13 * H;
	is_str(sname(calendar_validate(&s, &err)), "OK", "validate: touching intervals are fine");

	/* exceptions */
	weekdays(&s, nine_to_five, 1);
	memset(ex, 0, sizeof(ex));
	ex[0].day = D(2026, 10, 2);
	ex[1].day = D(2026, 10, 1);
	s.nexceptions = 2;
	s.exceptions = ex;
	is_str(sname(calendar_validate(&s, &err)), "EXCEPTION_ORDER", "validate: descending exceptions");
	is_int(err.day, D(2026, 10, 1), "validate: descending: err.day is the second");
	ex[1].day = D(2026, 10, 2);
	is_str(sname(calendar_validate(&s, &err)), "EXCEPTION_ORDER", "validate: a day twice");
	is_int(err.day, D(2026, 10, 2), "validate: a day twice: err.day");
	ex[0].day = CAL_DAY_MIN - 1;
	ex[1].day = D(2026, 10, 2);
	is_str(sname(calendar_validate(&s, &err)), "EXCEPTION_ORDER", "validate: exception before CAL_DAY_MIN");
	ex[0].day = D(2026, 10, 1);
	ex[1].day = CAL_DAY_MAX + 1;
	is_str(sname(calendar_validate(&s, &err)), "EXCEPTION_ORDER", "validate: exception after CAL_DAY_MAX");
	ex[1].day = D(2026, 10, 3);
	is_str(sname(calendar_validate(&s, &err)), "OK", "validate: two holidays");
	is_int(err.day, 0, "validate: err cleared on success");

	ex[1].nintervals = 1;
	ex[1].intervals = two_hours;
	is_str(sname(calendar_validate(&s, &err)), "HOLIDAY_HOURS", "validate: a holiday with hours");
	is_int(err.day, D(2026, 10, 3), "validate: holiday with hours: err.day");
	ex[1].working = true;
	is_str(sname(calendar_validate(&s, &err)), "OK", "validate: extra working day with own hours");
	bad[0].open = 12 * H;
	bad[0].close = 11 * H;
	ex[1].intervals = bad;
	is_str(sname(calendar_validate(&s, &err)), "BAD_INTERVAL", "validate: extra day, bad interval");
	is_int(err.day, D(2026, 10, 3), "validate: extra day, bad interval: err.day");
	is_int(err.weekday, 0, "validate: extra day, bad interval: err.weekday 0");
	bad[0].open = 9 * H;
	bad[0].close = 12 * H;
	bad[1].open = 10 * H;
	bad[1].close = 14 * H;
	ex[1].nintervals = 2;
	is_str(sname(calendar_validate(&s, &err)), "OVERLAP", "validate: extra day, overlapping");
	is_int(err.index, 1, "validate: extra day, overlapping: err.index");

	/* no weekly hours at all: an extra day needs its own */
	memset(&s, 0, sizeof(s));
	memset(ex, 0, sizeof(ex));
	ex[0].day = D(2026, 10, 10);
	ex[0].working = true;
	s.nexceptions = 1;
	s.exceptions = ex;
	is_str(sname(calendar_validate(&s, &err)), "NO_USUAL_HOURS", "validate: extra day, no usual hours");
	is_int(err.day, D(2026, 10, 10), "validate: no usual hours: err.day");
	ex[0].nintervals = 1;
	ex[0].intervals = two_hours;
	is_str(sname(calendar_validate(&s, &err)), "OK", "validate: extra day with own hours, no weekly");
	s.nexceptions = 0;
	is_str(sname(calendar_validate(&s, &err)), "OK", "validate: an empty calendar is valid");

	/* coverage */
	weekdays(&s, nine_to_five, 1);
	s.has_lo = s.has_hi = true;
	s.cov_lo = D(2026, 12, 31);
	s.cov_hi = D(2026, 1, 1);
	is_str(sname(calendar_validate(&s, &err)), "BAD_COVERAGE", "validate: cov_lo > cov_hi");
	s.cov_lo = s.cov_hi = D(2026, 1, 1);
	is_str(sname(calendar_validate(&s, &err)), "OK", "validate: one covered day");
	s.cov_lo = CAL_DAY_MIN - 1;
	is_str(sname(calendar_validate(&s, &err)), "BAD_COVERAGE", "validate: cov_lo < CAL_DAY_MIN");
	s.cov_lo = CAL_DAY_MIN;
	s.cov_hi = CAL_DAY_MAX + 1;
	is_str(sname(calendar_validate(&s, &err)), "BAD_COVERAGE", "validate: cov_hi > CAL_DAY_MAX");
	s.cov_hi = CAL_DAY_MAX;
	is_str(sname(calendar_validate(&s, &err)), "OK", "validate: whole range covered");
	s.has_lo = s.has_hi = false;
	s.cov_lo = INT64_MAX;		/* ignored when has_lo is false */
	s.cov_hi = INT64_MIN;
	is_str(sname(calendar_validate(&s, &err)), "OK", "validate: unused bounds ignored");
#undef EXPECT_BAD
}

static void
test_cn_days(const Calendar *cal)
{
	const char *c = "CN";

	working_day_is(cal, D(2026, 9, 30), true, c);
	working_day_is(cal, D(2026, 10, 1), false, c);
	working_day_is(cal, D(2026, 10, 10), true, c);	/* make-up Saturday */
	working_day_is(cal, D(2026, 10, 11), false, c);
	working_day_is(cal, D(2026, 1, 4), true, c);	/* make-up Sunday */
	working_day_is(cal, D(2026, 2, 23), false, c);	/* a Monday in the festival */
	working_day_is(cal, D(2026, 12, 31), true, c);
	{
		bool		r;
		CalError		err = {-1, 0, 0, false};

		is_str(sname(calendar_is_working_day(cal, D(2027, 1, 1), &r, &err)), "UNCOVERED",
			   "CN: is_working_day(2027-01-01) uncovered");
		is_int(err.day, D(2027, 1, 1), "CN: is_working_day: err.day");
		is_str(sname(calendar_is_working_day(cal, D(2025, 12, 31), &r, &err)), "UNCOVERED",
			   "CN: is_working_day(2025-12-31) uncovered");
		is_int(err.day, D(2025, 12, 31), "CN: is_working_day low: err.day");
	}

	/*
	 * From Fri 09-25 (a holiday itself, not counted): 09-26 Sat, 09-27 Sun
	 * off; 09-28 Mon (1), 29 (2), 30 (3); 10-01..07 holidays; 10-08 Thu
	 * (4), 09 Fri (5), 10 make-up Sat (6); 11 Sun off; 12 (7), 13 (8),
	 * 14 (9), 15 Thu (10).
	 */
	days_ok(cal, D(2026, 9, 25), 10, D(2026, 10, 15), c);
	days_ok(cal, D(2026, 9, 25), 1, D(2026, 9, 28), c);
	days_ok(cal, D(2026, 9, 30), 1, D(2026, 10, 8), c);
	days_ok(cal, D(2026, 10, 9), 1, D(2026, 10, 10), c);
	days_ok(cal, D(2026, 10, 10), 1, D(2026, 10, 12), c);
	days_ok(cal, D(2026, 9, 19), 1, D(2026, 9, 20), c);	/* Sat -> make-up Sun */
	/* 02-14 make-up Sat; 02-15 Sun..02-23 Mon holidays; 24 Tue (1) .. 27 Fri (4), 28 Sat (5) */
	days_ok(cal, D(2026, 2, 13), 1, D(2026, 2, 14), c);
	days_ok(cal, D(2026, 2, 14), 1, D(2026, 2, 24), c);
	days_ok(cal, D(2026, 2, 14), 5, D(2026, 2, 28), c);
	/* backwards: 10-08 -1 = 09-30; -3 = 09-28; -4 skips 09-27..25 to Thu 09-24 */
	days_ok(cal, D(2026, 10, 8), -1, D(2026, 9, 30), c);
	days_ok(cal, D(2026, 10, 8), -3, D(2026, 9, 28), c);
	days_ok(cal, D(2026, 10, 8), -4, D(2026, 9, 24), c);
	/* 10-15 back 9: 14, 13, 12, 10 (Sat), 09, 08, 09-30, 29, 28; back 10 skips 09-27..25 */
	days_ok(cal, D(2026, 10, 15), -9, D(2026, 9, 28), c);
	days_ok(cal, D(2026, 10, 15), -10, D(2026, 9, 24), c);
	days_ok(cal, D(2026, 10, 12), -1, D(2026, 10, 10), c);	/* Mon -> make-up Sat */
	days_ok(cal, D(2026, 2, 24), -1, D(2026, 2, 14), c);
	/* n = 0: the day if working, else the next working day */
	days_ok(cal, D(2026, 10, 3), 0, D(2026, 10, 8), c);
	days_ok(cal, D(2026, 10, 1), 0, D(2026, 10, 8), c);
	days_ok(cal, D(2026, 10, 10), 0, D(2026, 10, 10), c);
	days_ok(cal, D(2026, 10, 11), 0, D(2026, 10, 12), c);
	days_ok(cal, D(2026, 9, 30), 0, D(2026, 9, 30), c);
	days_ok(cal, D(2026, 12, 26), 0, D(2026, 12, 28), c);	/* Sat -> Mon */

	/* between: the days d with from < d <= to */
	between_ok(cal, D(2026, 9, 25), D(2026, 10, 15), 10, c);
	between_ok(cal, D(2026, 10, 15), D(2026, 9, 25), -10, c);
	between_ok(cal, D(2026, 10, 8), D(2026, 10, 8), 0, c);
	between_ok(cal, D(2026, 10, 1), D(2026, 10, 7), 0, c);	/* all holidays */
	between_ok(cal, D(2026, 9, 30), D(2026, 10, 8), 1, c);
	between_ok(cal, D(2026, 10, 8), D(2026, 9, 30), -1, c);
	between_ok(cal, D(2026, 10, 9), D(2026, 10, 12), 2, c);	/* 10 Sat, 12 Mon */
	/*
	 * All of 2026: 52 weeks + Thu 12-31 = 261 weekdays; weekday holidays:
	 * Jan 1,2 (2); Feb 16-20,23 (6); Apr 6 (1); May 1,4,5 (3); Jun 19 (1);
	 * Sep 25 (1); Oct 1,2,5,6,7 (5) = 19; make-up weekend days: 6.
	 * 261 - 19 + 6 = 248 (01-01 itself, excluded, is a holiday anyway).
	 */
	between_ok(cal, D(2026, 1, 1), D(2026, 12, 31), 248, c);
	between_ok(cal, D(2026, 12, 31), D(2026, 1, 1), -248, c);
	/* 247 working days after 01-01 that are not 12-31 ... the 248th is 12-31 */
	days_ok(cal, D(2026, 1, 1), 248, D(2026, 12, 31), c);
	days_ok(cal, D(2026, 12, 31), -247, D(2026, 1, 4), c);

	/* coverage: err.day is the first uncovered day looked at */
	days_ok(cal, D(2026, 12, 30), 1, D(2026, 12, 31), c);
	days_err(cal, D(2026, 12, 30), 2, CAL_ERR_UNCOVERED, D(2027, 1, 1), true, "CN high end");
	days_err(cal, D(2026, 12, 31), 1, CAL_ERR_UNCOVERED, D(2027, 1, 1), true, "CN high end");
	days_err(cal, D(2026, 12, 31), 3, CAL_ERR_UNCOVERED, D(2027, 1, 1), true, "CN high end");
	days_err(cal, D(2027, 3, 1), 1, CAL_ERR_UNCOVERED, D(2027, 3, 2), true, "CN beyond");
	days_err(cal, D(2027, 1, 2), 0, CAL_ERR_UNCOVERED, D(2027, 1, 2), true, "CN n=0 beyond");
	days_err(cal, D(2026, 6, 1), INT32_MAX, CAL_ERR_UNCOVERED, D(2027, 1, 1), true, "CN huge n");
	/* 2025-12-31 itself is not examined for n = 1: 01-01..03 off, 01-04 working */
	days_ok(cal, D(2025, 12, 31), 1, D(2026, 1, 4), c);
	days_err(cal, D(2025, 12, 31), 0, CAL_ERR_UNCOVERED, D(2025, 12, 31), true, "CN n=0 before");
	days_ok(cal, D(2026, 1, 5), -1, D(2026, 1, 4), c);
	/* back from 01-05: 01-04 (1), 01-03..01 off, then 2025-12-31: uncovered */
	days_err(cal, D(2026, 1, 5), -2, CAL_ERR_UNCOVERED, D(2025, 12, 31), true, "CN low end");
	days_err(cal, D(2026, 1, 5), -5, CAL_ERR_UNCOVERED, D(2025, 12, 31), true, "CN low end, far");
	days_err(cal, D(2026, 6, 1), -INT32_MAX, CAL_ERR_UNCOVERED, D(2025, 12, 31), true, "CN huge -n");
	days_ok(cal, D(2027, 1, 1), -1, D(2026, 12, 31), c);
	days_err(cal, D(2027, 1, 2), -1, CAL_ERR_UNCOVERED, D(2027, 1, 1), true, "CN back from beyond");
	days_err(cal, D(2025, 6, 1), -1, CAL_ERR_UNCOVERED, D(2025, 5, 31), true, "CN before, back");

	/* (2025-12-31, 2026-01-05] = 01-01..05: 01-04 and 01-05 */
	between_ok(cal, D(2025, 12, 31), D(2026, 1, 5), 2, c);
	between_ok(cal, D(2026, 1, 5), D(2025, 12, 31), -2, c);
	between_ok(cal, D(2027, 5, 1), D(2027, 5, 1), 0, c);	/* no day counted */
	between_ok(cal, D(2026, 12, 30), D(2026, 12, 31), 1, c);
	between_err(cal, D(2025, 12, 30), D(2026, 1, 5), CAL_ERR_UNCOVERED, D(2025, 12, 31), true, "CN low");
	between_err(cal, D(2026, 1, 5), D(2025, 12, 30), CAL_ERR_UNCOVERED, D(2025, 12, 31), true, "CN low, reversed");
	between_err(cal, D(2026, 12, 30), D(2027, 1, 2), CAL_ERR_UNCOVERED, D(2027, 1, 1), true, "CN high");
	between_err(cal, D(2027, 1, 2), D(2026, 12, 30), CAL_ERR_UNCOVERED, 0, false, "CN high, reversed");
}

static void
test_cn_time(const Calendar *cal)
{
	int64_t		opens[4],
				closes[4];

	/* Wed 09-30 17:00: 1h to 18:00; 10-01..07 off; Thu 10-08 09:00 + 1h */
	time_ok(cal, T(2026, 9, 30, 17, 0, CN), 2 * H, T(2026, 10, 8, 10, 0, CN), "CN over October holidays");
	/* in the lunch break: starts at 13:00 */
	time_ok(cal, T(2026, 9, 29, 12, 30, CN), 1 * H, T(2026, 9, 29, 14, 0, CN), "CN from lunch");
	/* 10:00 + 2h lands exactly on the 12:00 closing: 12:00, not 13:00 */
	time_ok(cal, T(2026, 9, 29, 10, 0, CN), 2 * H, T(2026, 9, 29, 12, 0, CN), "CN lands on 12:00");
	time_ok(cal, T(2026, 9, 29, 9, 0, CN), 3 * H + MIN, T(2026, 9, 29, 13, 1, CN), "CN 1 min past lunch");
	/* a full day is 8h: 09:00 + 8h = 18:00; one minute more is next day 09:01 */
	time_ok(cal, T(2026, 9, 29, 9, 0, CN), 8 * H, T(2026, 9, 29, 18, 0, CN), "CN full day");
	time_ok(cal, T(2026, 9, 29, 9, 0, CN), 8 * H + MIN, T(2026, 9, 30, 9, 1, CN), "CN full day + 1 min");
	/* zero: inside hours it is the start; outside, the next opening */
	time_ok(cal, T(2026, 9, 29, 10, 30, CN), 0, T(2026, 9, 29, 10, 30, CN), "CN zero in hours");
	time_ok(cal, T(2026, 9, 29, 12, 30, CN), 0, T(2026, 9, 29, 13, 0, CN), "CN zero at lunch");
	time_ok(cal, T(2026, 9, 29, 20, 0, CN), 0, T(2026, 9, 30, 9, 0, CN), "CN zero in the evening");
	time_ok(cal, T(2026, 9, 30, 18, 0, CN), 0, T(2026, 10, 8, 9, 0, CN), "CN zero before holidays");
	/* make-up Saturday 10-10 has the usual hours: Fri 17:00 + 2h = Sat 10:00 */
	time_ok(cal, T(2026, 10, 9, 17, 0, CN), 2 * H, T(2026, 10, 10, 10, 0, CN), "CN make-up Saturday");
	time_ok(cal, T(2026, 10, 10, 11, 0, CN), 2 * H, T(2026, 10, 10, 14, 0, CN), "CN make-up Sat lunch");
	/* Sat 18:00 + 1h: Sun off, Mon 10:00 */
	time_ok(cal, T(2026, 10, 10, 18, 0, CN), 1 * H, T(2026, 10, 12, 10, 0, CN), "CN after make-up Sat");
	/* backwards, symmetric: 10-08 10:00 - 2h = 09-30 17:00 */
	time_ok(cal, T(2026, 10, 8, 10, 0, CN), -2 * H, T(2026, 9, 30, 17, 0, CN), "CN backwards over holidays");
	/* 14:00 - 1h lands exactly on the 13:00 opening */
	time_ok(cal, T(2026, 9, 29, 14, 0, CN), -1 * H, T(2026, 9, 29, 13, 0, CN), "CN back to 13:00");
	time_ok(cal, T(2026, 9, 29, 14, 0, CN), -61 * MIN, T(2026, 9, 29, 11, 59, CN), "CN back over lunch");
	time_ok(cal, T(2026, 9, 29, 12, 30, CN), -1 * H, T(2026, 9, 29, 11, 0, CN), "CN back from lunch");
	time_ok(cal, T(2026, 10, 8, 9, 0, CN), -1 * H, T(2026, 9, 30, 17, 0, CN), "CN back from an opening");
	time_ok(cal, T(2026, 10, 12, 9, 30, CN), -1 * H, T(2026, 10, 10, 17, 30, CN), "CN back to make-up Sat");

	tbetween_ok(cal, T(2026, 9, 29, 11, 0, CN), T(2026, 9, 29, 14, 0, CN), 2 * H, "CN over lunch");
	tbetween_ok(cal, T(2026, 9, 29, 14, 0, CN), T(2026, 9, 29, 11, 0, CN), -2 * H, "CN over lunch, reversed");
	tbetween_ok(cal, T(2026, 9, 29, 12, 10, CN), T(2026, 9, 29, 12, 50, CN), 0, "CN inside lunch");
	tbetween_ok(cal, T(2026, 9, 29, 11, 0, CN), T(2026, 9, 29, 11, 0, CN), 0, "CN empty");
	tbetween_ok(cal, T(2026, 9, 30, 17, 0, CN), T(2026, 10, 8, 10, 0, CN), 2 * H, "CN over October holidays");
	/* 09-30 and 10-08 are the only working days in [09-30, 10-09): 16h */
	tbetween_ok(cal, T(2026, 9, 30, 0, 0, CN), T(2026, 10, 9, 0, 0, CN), 16 * H, "CN 09-30..10-08");
	/* 248 working days of 8h in 2026 */
	tbetween_ok(cal, T(2026, 1, 1, 0, 0, CN), T(2027, 1, 1, 0, 0, CN), 248 * 8 * H, "CN all of 2026");
	/* 12-31 10:00..24:00: 2h + 5h */
	tbetween_ok(cal, T(2026, 12, 31, 10, 0, CN), T(2027, 1, 1, 0, 0, CN), 7 * H, "CN to the last instant");

	/* coverage */
	time_ok(cal, T(2026, 12, 31, 17, 0, CN), 1 * H, T(2026, 12, 31, 18, 0, CN), "CN to the last closing");
	time_err(cal, T(2026, 12, 31, 17, 0, CN), 2 * H, CAL_ERR_UNCOVERED, D(2027, 1, 1), true, "CN past the end");
	time_err(cal, T(2026, 11, 2, 9, 0, CN), 10000 * H, CAL_ERR_UNCOVERED, D(2027, 1, 1), true, "CN 10000h");
	time_err(cal, T(2026, 6, 1, 9, 0, CN), INT64_MAX / 2, CAL_ERR_UNCOVERED, D(2027, 1, 1), true, "CN INT64_MAX/2");
	time_err(cal, T(2026, 6, 1, 9, 0, CN), -(INT64_MAX / 2), CAL_ERR_UNCOVERED, D(2025, 12, 31), true, "CN -INT64_MAX/2");
	time_ok(cal, T(2026, 1, 4, 10, 0, CN), -1 * H, T(2026, 1, 4, 9, 0, CN), "CN back to the first opening");
	/* back from 01-04 09:00: 01-03..01 off, 2025-12-31 uncovered */
	time_err(cal, T(2026, 1, 4, 10, 0, CN), -2 * H, CAL_ERR_UNCOVERED, D(2025, 12, 31), true, "CN before the start");
	time_err(cal, T(2027, 1, 5, 10, 0, CN), 1 * H, CAL_ERR_UNCOVERED, D(2027, 1, 5), true, "CN start uncovered");
	/* 2027-01-01 01:00 +08 is 2026-12-31 17:00 UTC but local day 2027-01-01 */
	time_err(cal, T(2027, 1, 1, 1, 0, CN), 1 * H, CAL_ERR_UNCOVERED, D(2027, 1, 1), true, "CN local day");
	tbetween_err(cal, T(2025, 12, 31, 10, 0, CN), T(2026, 1, 5, 10, 0, CN), CAL_ERR_UNCOVERED, D(2025, 12, 31), "CN low");
	tbetween_err(cal, T(2026, 12, 31, 10, 0, CN), T(2027, 1, 1, 0, 1, CN), CAL_ERR_UNCOVERED, D(2027, 1, 1), "CN high");

	/* the make-up Saturday's intervals as instants */
	is_int(calendar_day_intervals(cal, D(2026, 10, 10), opens, closes, 4), 2, "CN: 10-10 has 2 intervals");
	is_int(opens[0], T(2026, 10, 10, 9, 0, CN), "CN: 10-10 opens 09:00");
	is_int(closes[0], T(2026, 10, 10, 12, 0, CN), "CN: 10-10 closes 12:00");
	is_int(opens[1], T(2026, 10, 10, 13, 0, CN), "CN: 10-10 reopens 13:00");
	is_int(closes[1], T(2026, 10, 10, 18, 0, CN), "CN: 10-10 closes 18:00");
	is_int(calendar_day_intervals(cal, D(2026, 10, 11), opens, closes, 4), 0, "CN: Sunday has none");
	is_int(calendar_day_intervals(cal, D(2026, 10, 1), opens, closes, 4), 0, "CN: holiday has none");
	is_int(calendar_day_intervals(cal, D(2026, 10, 12), opens, closes, 1), 1, "CN: max = 1 respected");
}

static void
test_cn_terms(const Calendar *cal)
{
	const char *c = "CN";

	/* dates */
	due_date_is(cal, D(2026, 9, 25), 15, TERM_DAYS, CAL_OK, D(2026, 10, 10), c);
	due_date_is(cal, D(2026, 9, 25), 2, TERM_WEEKS, CAL_OK, D(2026, 10, 9), c);
	due_date_is(cal, D(2026, 1, 31), 1, TERM_MONTHS, CAL_OK, D(2026, 2, 28), c);
	due_date_is(cal, D(2024, 1, 31), 1, TERM_MONTHS, CAL_OK, D(2024, 2, 29), c);	/* uncovered: no matter */
	due_date_is(cal, D(2026, 1, 31), 13, TERM_MONTHS, CAL_OK, D(2027, 2, 28), c);
	due_date_is(cal, D(2024, 2, 29), 1, TERM_YEARS, CAL_OK, D(2025, 2, 28), c);
	due_date_is(cal, D(2026, 9, 25), 10, TERM_WORKING_DAYS, CAL_OK, D(2026, 10, 15), c);
	due_date_is(cal, D(2026, 12, 30), 2, TERM_WORKING_DAYS, CAL_ERR_UNCOVERED, 0, c);
	due_date_is(cal, D(2026, 9, 25), 90, TERM_MINUTES, CAL_ERR_NEEDS_TIME, 0, c);
	due_date_is(cal, D(2026, 9, 25), 24, TERM_HOURS, CAL_ERR_NEEDS_TIME, 0, c);
	due_date_is(cal, D(2026, 9, 25), 30, TERM_WORKING_MINUTES, CAL_ERR_NEEDS_TIME, 0, c);
	due_date_is(cal, D(2026, 9, 25), 8, TERM_WORKING_HOURS, CAL_ERR_NEEDS_TIME, 0, c);
	due_date_is(cal, CAL_DAY_MAX - 1, 5, TERM_DAYS, CAL_ERR_RANGE, 0, c);
	due_date_is(cal, 0, INT32_MAX, TERM_WEEKS, CAL_ERR_RANGE, 0, c);
	due_date_is(cal, 0, INT32_MAX, TERM_YEARS, CAL_ERR_RANGE, 0, c);
	due_date_is(cal, 0, INT32_MAX, TERM_MONTHS, CAL_ERR_RANGE, 0, c);

	/* instants; +08:00 has no offset changes, so wall clock = elapsed */
	due_instant_is(cal, T(2026, 9, 30, 17, 0, CN), 90, TERM_MINUTES, CAL_OK, T(2026, 9, 30, 18, 30, CN), c);
	due_instant_is(cal, T(2026, 9, 30, 17, 0, CN), 24, TERM_HOURS, CAL_OK, T(2026, 10, 1, 17, 0, CN), c);
	due_instant_is(cal, T(2026, 9, 30, 17, 0, CN), 15, TERM_DAYS, CAL_OK, T(2026, 10, 15, 17, 0, CN), c);
	due_instant_is(cal, T(2026, 9, 30, 17, 0, CN), 2, TERM_WEEKS, CAL_OK, T(2026, 10, 14, 17, 0, CN), c);
	due_instant_is(cal, T(2026, 1, 31, 10, 0, CN), 1, TERM_MONTHS, CAL_OK, T(2026, 2, 28, 10, 0, CN), c);
	due_instant_is(cal, T(2026, 1, 31, 10, 0, CN), 1, TERM_YEARS, CAL_OK, T(2027, 1, 31, 10, 0, CN), c);
	due_instant_is(cal, T(2026, 9, 30, 17, 0, CN), 120, TERM_WORKING_MINUTES, CAL_OK, T(2026, 10, 8, 10, 0, CN), c);
	due_instant_is(cal, T(2026, 9, 30, 17, 0, CN), 2, TERM_WORKING_HOURS, CAL_OK, T(2026, 10, 8, 10, 0, CN), c);
	/* working days keep the local time of day */
	due_instant_is(cal, T(2026, 9, 25, 15, 30, CN), 10, TERM_WORKING_DAYS, CAL_OK, T(2026, 10, 15, 15, 30, CN), c);
	due_instant_is(cal, T(2026, 9, 30, 23, 30, CN), 1, TERM_WORKING_DAYS, CAL_OK, T(2026, 10, 8, 23, 30, CN), c);
	/* 2026-09-30 20:00 UTC is 10-01 04:00 in +08: the local day is 10-01 */
	due_instant_is(cal, T(2026, 9, 30, 20, 0, UTC), 1, TERM_WORKING_DAYS, CAL_OK, T(2026, 10, 8, 4, 0, CN), c);
	due_instant_is(cal, T(2026, 12, 31, 10, 0, CN), 1, TERM_WORKING_DAYS, CAL_ERR_UNCOVERED, 0, c);
	due_instant_is(cal, INT64_MAX - 10, 1, TERM_HOURS, CAL_ERR_RANGE, 0, c);
}

static void
test_own_hours(void)
{
	/*
	 * Mon: none; Tue, Thu, Fri 08:00-12:00; Wed 10:00-16:00; UTC; covered 2026.
	 * The first ISO weekday with hours is Tuesday.
	 *   10-10 Sat extra, no own hours   -> Tuesday's 08-12
	 *   10-12 Mon extra, no own hours   -> Monday has none -> Tuesday's 08-12
	 *   10-14 Wed holiday
	 *   10-17 Sat extra, 13:00-15:00 and 16:00-17:30
	 *   10-21 Wed extra, no own hours   -> Wednesday's 10-16
	 *   10-22 Thu extra, 09:00-10:00    (replaces Thursday's hours)
	 */
	static const CalInterval am[1] = {{8 * H, 12 * H}};
	static const CalInterval mid[1] = {{10 * H, 16 * H}};
	static const CalInterval sat17[2] = {{13 * H, 15 * H}, {16 * H, 17 * H + 30 * MIN}};
	static const CalInterval thu22[1] = {{9 * H, 10 * H}};
	CalException ex[6] = {
		{0, true, 0, NULL}, {0, true, 0, NULL}, {0, false, 0, NULL},
		{0, true, 2, sat17}, {0, true, 0, NULL}, {0, true, 1, thu22},
	};
	CalSpec		s;
	Calendar *cal;
	int64_t		o[4],
				cl[4];
	const char *c = "own hours";

	ex[0].day = D(2026, 10, 10);
	ex[1].day = D(2026, 10, 12);
	ex[2].day = D(2026, 10, 14);
	ex[3].day = D(2026, 10, 17);
	ex[4].day = D(2026, 10, 21);
	ex[5].day = D(2026, 10, 22);
	memset(&s, 0, sizeof(s));
	s.nweek[1] = s.nweek[3] = s.nweek[4] = 1;
	s.week[1] = s.week[3] = s.week[4] = am;
	s.nweek[2] = 1;
	s.week[2] = mid;
	s.nexceptions = 6;
	s.exceptions = ex;
	s.has_lo = s.has_hi = true;
	s.cov_lo = D(2026, 1, 1);
	s.cov_hi = D(2026, 12, 31);
	cal = compile(&s, c);

	is_int(calendar_day_intervals(cal, D(2026, 10, 10), o, cl, 4), 1, "own: Sat 10-10 one interval");
	ok(o[0] == T(2026, 10, 10, 8, 0, UTC) && cl[0] == T(2026, 10, 10, 12, 0, UTC),
	   "own: Sat 10-10 takes Tuesday's 08-12");
	is_int(calendar_day_intervals(cal, D(2026, 10, 12), o, cl, 4), 1, "own: Mon 10-12 one interval");
	ok(o[0] == T(2026, 10, 12, 8, 0, UTC) && cl[0] == T(2026, 10, 12, 12, 0, UTC),
	   "own: Mon 10-12 (Monday has no hours) takes Tuesday's");
	is_int(calendar_day_intervals(cal, D(2026, 10, 14), o, cl, 4), 0, "own: holiday Wed 10-14");
	is_int(calendar_day_intervals(cal, D(2026, 10, 17), o, cl, 4), 2, "own: Sat 10-17 two intervals");
	ok(o[0] == T(2026, 10, 17, 13, 0, UTC) && cl[0] == T(2026, 10, 17, 15, 0, UTC) &&
	   o[1] == T(2026, 10, 17, 16, 0, UTC) && cl[1] == T(2026, 10, 17, 17, 30, UTC),
	   "own: Sat 10-17 own hours");
	is_int(calendar_day_intervals(cal, D(2026, 10, 21), o, cl, 4), 1, "own: Wed 10-21");
	ok(o[0] == T(2026, 10, 21, 10, 0, UTC) && cl[0] == T(2026, 10, 21, 16, 0, UTC),
	   "own: Wed 10-21 keeps Wednesday's hours");
	is_int(calendar_day_intervals(cal, D(2026, 10, 22), o, cl, 4), 1, "own: Thu 10-22");
	ok(o[0] == T(2026, 10, 22, 9, 0, UTC) && cl[0] == T(2026, 10, 22, 10, 0, UTC),
	   "own: Thu 10-22 own hours replace Thursday's");
	is_int(calendar_day_intervals(cal, D(2026, 10, 19), o, cl, 4), 0, "own: ordinary Monday none");

	/* days: Fri 10-09 -> Sat 10-10 -> Mon 10-12 -> Tue 10-13 -> (Wed hol) Thu 10-15 */
	days_ok(cal, D(2026, 10, 9), 1, D(2026, 10, 10), c);
	days_ok(cal, D(2026, 10, 10), 1, D(2026, 10, 12), c);
	days_ok(cal, D(2026, 10, 12), 1, D(2026, 10, 13), c);
	days_ok(cal, D(2026, 10, 13), 1, D(2026, 10, 15), c);
	days_ok(cal, D(2026, 10, 9), 4, D(2026, 10, 15), c);
	days_ok(cal, D(2026, 10, 19), -1, D(2026, 10, 17), c);
	/* (10-09, 10-18]: 10, 12, 13, 15, 16, 17 */
	between_ok(cal, D(2026, 10, 9), D(2026, 10, 18), 6, c);

	/* Sat 10-17 14:00 + 2h: 14-15 (1h), 16:00 + 1h = 17:00 */
	time_ok(cal, T(2026, 10, 17, 14, 0, UTC), 2 * H, T(2026, 10, 17, 17, 0, UTC), "own: Sat 10-17");
	/* Fri 10-16 11:00 + 3h: 11-12 (1h), Sat 13-15 (2h) lands on 15:00 */
	time_ok(cal, T(2026, 10, 16, 11, 0, UTC), 3 * H, T(2026, 10, 17, 15, 0, UTC), "own: Fri to Sat");
	/* Sat 17:00 + 1h: 0.5h to 17:30; Sun, Mon 10-19 off; Tue 08:00 + 0.5h */
	time_ok(cal, T(2026, 10, 17, 17, 0, UTC), 1 * H, T(2026, 10, 20, 8, 30, UTC), "own: Sat to Tue");
	/* Thu 10-22 09:30 + 1h: 0.5h to 10:00, Fri 08:00 + 0.5h */
	time_ok(cal, T(2026, 10, 22, 9, 30, UTC), 1 * H, T(2026, 10, 23, 8, 30, UTC), "own: Thu own hours");
	time_ok(cal, T(2026, 10, 20, 8, 30, UTC), -1 * H, T(2026, 10, 17, 17, 0, UTC), "own: back Tue to Sat");
	/*
	 * [10-09, 10-19): Fri 4h, Sat 10 4h, Mon 12 4h, Tue 13 4h, Thu 15 4h,
	 * Fri 16 4h, Sat 17 2h + 1.5h = 27.5h
	 */
	tbetween_ok(cal, T(2026, 10, 9, 0, 0, UTC), T(2026, 10, 19, 0, 0, UTC), 27 * H + 30 * MIN, c);
	free(cal);
}

static void
test_weekdays(void)
{
	CalSpec		s;
	Calendar *cal;
	const char *c = "weekdays";

	/* Mon-Fri 09:00-17:00 UTC, no exceptions, unbounded */
	weekdays(&s, nine_to_five, 1);
	cal = compile(&s, c);

	/*
	 * 1000 working days = 200 weeks of 5.  From Mon 2026-09-28 the 5th
	 * working day after is the next Monday, so the 1000th is 1400 days
	 * later: 2026-09-28 + 1400 = (+365) 2027-09-28, (+366) 2028-09-28,
	 * (+365) 2029-09-28, and 304 more = 2030-07-29, a Monday.
	 */
	days_ok(cal, D(2026, 9, 28), 1000, D(2030, 7, 29), c);
	is_int(civil_iso_weekday(D(2030, 7, 29)), 1, "weekdays: 2030-07-29 is a Monday");
	/* backwards the 5th working day before a Monday is the previous Monday:
	 * 2026-09-28 - 1400 = 2022-11-28 (Monday) */
	days_ok(cal, D(2026, 9, 28), -1000, D(2022, 11, 28), c);
	/* from Sat 09-26 the 5th is Fri 10-02 = +6; the 1000th is +1399 = Fri 2030-07-26 */
	days_ok(cal, D(2026, 9, 26), 1000, D(2030, 7, 26), c);
	days_ok(cal, D(2026, 9, 26), 0, D(2026, 9, 28), c);
	days_ok(cal, D(2026, 9, 28), 5, D(2026, 10, 5), c);
	days_ok(cal, D(2026, 10, 2), 1, D(2026, 10, 5), c);
	days_ok(cal, D(2026, 9, 28), -1, D(2026, 9, 25), c);
	days_ok(cal, D(2026, 9, 28), 100000, D(2026, 9, 28) + 140000, c);	/* 20000 weeks */
	days_ok(cal, D(2026, 9, 28), -100000, D(2026, 9, 28) - 140000, c);
	between_ok(cal, D(2026, 9, 28), D(2030, 7, 29), 1000, c);
	between_ok(cal, D(2030, 7, 29), D(2026, 9, 28), -1000, c);
	/*
	 * (2000-01-01, 2100-01-01]: 36525 days from Sun 2000-01-02 = 5217
	 * weeks (26085 working days) + Sun..Fri (5) = 26090
	 */
	between_ok(cal, 0, D(2100, 1, 1), 26090, c);
	/* the limits */
	days_err(cal, CAL_DAY_MAX - 10, 100, CAL_ERR_RANGE, 0, false, "weekdays near max");
	days_err(cal, CAL_DAY_MIN + 10, -100, CAL_ERR_RANGE, 0, false, "weekdays near min");
	days_err(cal, 0, INT32_MAX, CAL_ERR_RANGE, 0, false, "weekdays INT32_MAX");
	days_err(cal, 0, -INT32_MAX, CAL_ERR_RANGE, 0, false, "weekdays -INT32_MAX");
	days_err(cal, 0, INT64_MAX, CAL_ERR_RANGE, 0, false, "weekdays INT64_MAX");
	days_err(cal, 0, INT64_MIN, CAL_ERR_RANGE, 0, false, "weekdays INT64_MIN");
	days_err(cal, CAL_DAY_MAX + 1, 1, CAL_ERR_RANGE, 0, false, "weekdays day beyond max");
	between_err(cal, 0, CAL_DAY_MAX + 1, CAL_ERR_RANGE, 0, false, "weekdays between beyond max");

	/*
	 * Working time: a week is 40h.  Mon 09-28 09:00 + 4000h = 100 weeks: it
	 * lands on the closing of the 100th Friday, 99 weeks + 4 days = 697
	 * days later: 2027-09-28 (+365) then 332 more days = 2028-08-25 (Fri).
	 */
	time_ok(cal, T(2026, 9, 28, 9, 0, UTC), 4000 * H, T(2028, 8, 25, 17, 0, UTC), c);
	is_int(civil_iso_weekday(D(2028, 8, 25)), 5, "weekdays: 2028-08-25 is a Friday");
	/* one minute more goes to the next Monday 09:01 */
	time_ok(cal, T(2026, 9, 28, 9, 0, UTC), 4000 * H + MIN, T(2028, 8, 28, 9, 1, UTC), c);
	time_ok(cal, T(2028, 8, 25, 17, 0, UTC), -4000 * H, T(2026, 9, 28, 9, 0, UTC), c);
	tbetween_ok(cal, T(2026, 9, 28, 9, 0, UTC), T(2028, 8, 25, 17, 0, UTC), 4000 * H, c);
	tbetween_ok(cal, T(2028, 8, 25, 17, 0, UTC), T(2026, 9, 28, 9, 0, UTC), -4000 * H, c);
	/* backwards from Mon 09:00, 100 weeks land on a Monday 09:00, 700 days
	 * earlier: 2026-09-28 - 365 = 2025-09-28, - 335 = 2024-10-28 */
	time_ok(cal, T(2026, 9, 28, 9, 0, UTC), -4000 * H, T(2024, 10, 28, 9, 0, UTC), c);
	/* 1,000,000h = 25000 weeks: Friday 17:00, 24999 weeks + 4 days later */
	time_ok(cal, T(2026, 9, 28, 9, 0, UTC), 1000000 * H,
			(D(2026, 9, 28) + 24999 * 7 + 4) * DAYUS + 17 * H, c);
	/* Fri 16:00 + 41h: 1h, then exactly one week of 40h: next Fri 17:00 */
	time_ok(cal, T(2026, 10, 2, 16, 0, UTC), 41 * H, T(2026, 10, 9, 17, 0, UTC), c);
	/* + 49h: 1h + 40h (Mon 10-05..Fri 10-09) + 8h (Mon 10-12) = 17:00 Mon 10-12 */
	time_ok(cal, T(2026, 10, 2, 16, 0, UTC), 49 * H, T(2026, 10, 12, 17, 0, UTC), c);
	time_ok(cal, T(2026, 10, 12, 17, 0, UTC), -49 * H, T(2026, 10, 2, 16, 0, UTC), c);
	/* a weekend start */
	time_ok(cal, T(2026, 10, 3, 12, 0, UTC), 1 * H, T(2026, 10, 5, 10, 0, UTC), c);
	time_ok(cal, T(2026, 10, 3, 12, 0, UTC), -1 * H, T(2026, 10, 2, 16, 0, UTC), c);
	/* far too much: leaves the date range */
	time_err(cal, T(2026, 9, 28, 9, 0, UTC), INT64_MAX, CAL_ERR_RANGE, 0, false, "weekdays INT64_MAX us");
	time_err(cal, T(2026, 9, 28, 9, 0, UTC), INT64_MIN, CAL_ERR_RANGE, 0, false, "weekdays INT64_MIN us");
	time_err(cal, T(2026, 9, 28, 9, 0, UTC), -INT64_MAX, CAL_ERR_RANGE, 0, false, "weekdays -INT64_MAX us");

	/*
	 * The top of the range: (106751982 + 5) mod 7 = 6, so CAL_DAY_MAX is a
	 * Sunday and CAL_DAY_MAX - 2 a Friday; the next Monday is out of range.
	 */
	is_int(civil_iso_weekday(CAL_DAY_MAX), 7, "weekdays: CAL_DAY_MAX is a Sunday");
	tbetween_ok(cal, (CAL_DAY_MAX - 2) * DAYUS + 10 * H, CAL_DAY_MAX * DAYUS + 12 * H, 7 * H,
				"weekdays: last Friday 10:00 to the last day");
	time_ok(cal, (CAL_DAY_MAX - 2) * DAYUS + 16 * H, 1 * H, (CAL_DAY_MAX - 2) * DAYUS + 17 * H,
			"weekdays: last Friday to 17:00");
	time_err(cal, (CAL_DAY_MAX - 2) * DAYUS + 16 * H, 2 * H, CAL_ERR_RANGE, 0, false,
			 "weekdays: past the last Friday");
	days_ok(cal, CAL_DAY_MAX, -1, CAL_DAY_MAX - 2, c);
	days_err(cal, CAL_DAY_MAX - 2, 1, CAL_ERR_RANGE, 0, false, "weekdays: no Monday after the last Friday");

	/* terms: 1 working day from Fri keeps the time of day, Monday */
	due_instant_is(cal, T(2026, 10, 2, 22, 15, UTC), 1, TERM_WORKING_DAYS, CAL_OK, T(2026, 10, 5, 22, 15, UTC), c);
	due_date_is(cal, D(2026, 9, 28), 1000, TERM_WORKING_DAYS, CAL_OK, D(2030, 7, 29), c);
	free(cal);
}

static void
test_continuous(void)
{
	CalSpec		s;
	Calendar *cal;
	int			w;
	const char *c = "24x7";

	memset(&s, 0, sizeof(s));
	for (w = 0; w < 7; w++)
	{
		s.nweek[w] = 1;
		s.week[w] = whole_day;
	}
	cal = compile(&s, c);

	/* every instant is working time: elapsed time, both ways */
	time_ok(cal, T(2026, 3, 7, 12, 0, UTC), 1000 * H, T(2026, 3, 7, 12, 0, UTC) + 1000 * H, c);
	time_ok(cal, T(2026, 3, 7, 12, 0, UTC), -1000 * H, T(2026, 3, 7, 12, 0, UTC) - 1000 * H, c);
	time_ok(cal, T(2026, 3, 7, 12, 0, UTC), 0, T(2026, 3, 7, 12, 0, UTC), c);
	tbetween_ok(cal, T(2026, 1, 1, 0, 0, UTC), T(2027, 1, 1, 0, 0, UTC), 365 * 24 * H, c);
	tbetween_ok(cal, T(2027, 1, 1, 0, 0, UTC), T(2026, 1, 1, 0, 0, UTC), -365 * 24 * H, c);
	time_err(cal, INT64_MAX - 10, 100, CAL_ERR_RANGE, 0, false, "24x7 overflow");
	time_err(cal, INT64_MIN + 10, -100, CAL_ERR_RANGE, 0, false, "24x7 underflow");
	/* every day is a working day */
	days_ok(cal, D(2026, 10, 1), 7, D(2026, 10, 8), c);
	days_ok(cal, D(2026, 10, 1), -7, D(2026, 9, 24), c);
	days_ok(cal, D(2026, 10, 1), 0, D(2026, 10, 1), c);
	between_ok(cal, D(2026, 1, 1), D(2027, 1, 1), 365, c);
	free(cal);
}

static void
test_dst(void)
{
	CalSpec		s;
	Calendar *cal;
	int			w;
	int64_t		o[2],
				cl[2];
	const char *c = "NY weekdays";

	/* Mon-Fri 09:00-17:00 in America/New_York, unbounded */
	weekdays(&s, nine_to_five, 1);
	s.zone = ny_zone();
	cal = compile(&s, c);

	/* Fri 03-06 16:00 EST + 2h: 1h to 17:00; Mon 03-09 (now EDT) 09:00 + 1h */
	time_ok(cal, T(2026, 3, 6, 16, 0, EST), 2 * H, T(2026, 3, 9, 10, 0, EDT), c);
	is_int(T(2026, 3, 9, 10, 0, EDT), T(2026, 3, 9, 14, 0, UTC), "NY: 10:00 EDT is 14:00 UTC");
	time_ok(cal, T(2026, 3, 9, 10, 0, EDT), -2 * H, T(2026, 3, 6, 16, 0, EST), c);
	tbetween_ok(cal, T(2026, 3, 6, 16, 0, EST), T(2026, 3, 9, 10, 0, EDT), 2 * H, c);
	/* and back to EST: Fri 10-30 16:00 EDT + 2h = Mon 11-02 10:00 EST = 15:00 UTC */
	time_ok(cal, T(2026, 10, 30, 16, 0, EDT), 2 * H, T(2026, 11, 2, 10, 0, EST), c);
	/*
	 * Mon 2026-01-05 09:00 EST + 4000h: 100 weeks, Friday 17:00 local 697
	 * days later: 2027-01-05 (+365) + 332 = 2027-12-03, after the table's
	 * last change, so EST.
	 */
	time_ok(cal, T(2026, 1, 5, 9, 0, EST), 4000 * H, T(2027, 12, 3, 17, 0, EST), c);
	time_ok(cal, T(2027, 12, 3, 17, 0, EST), -4000 * H, T(2026, 1, 5, 9, 0, EST), c);
	tbetween_ok(cal, T(2026, 1, 5, 9, 0, EST), T(2027, 12, 3, 17, 0, EST), 4000 * H, c);
	due_instant_is(cal, T(2026, 3, 6, 10, 0, EST), 1, TERM_WORKING_DAYS, CAL_OK, T(2026, 3, 9, 10, 0, EDT), c);
	free(cal);

	/* 24x7 but bounded (covered 2026), so not the continuous shortcut */
	c = "NY 24x7";
	memset(&s, 0, sizeof(s));
	for (w = 0; w < 7; w++)
	{
		s.nweek[w] = 1;
		s.week[w] = whole_day;
	}
	s.has_lo = s.has_hi = true;
	s.cov_lo = D(2026, 1, 1);
	s.cov_hi = D(2026, 12, 31);
	s.zone = ny_zone();
	cal = compile(&s, c);

	/* real elapsed time: Sat 12:00 EST (17:00 UTC) + 24h = Sun 17:00 UTC = 13:00 EDT */
	time_ok(cal, T(2026, 3, 7, 12, 0, EST), 24 * H, T(2026, 3, 8, 13, 0, EDT), c);
	time_ok(cal, T(2026, 3, 8, 13, 0, EDT), -24 * H, T(2026, 3, 7, 12, 0, EST), c);
	/* the short and the long day */
	tbetween_ok(cal, T(2026, 3, 8, 0, 0, EST), T(2026, 3, 9, 0, 0, EDT), 23 * H, c);
	tbetween_ok(cal, T(2026, 11, 1, 0, 0, EDT), T(2026, 11, 2, 0, 0, EST), 25 * H, c);
	time_ok(cal, T(2026, 11, 1, 0, 0, EDT), 25 * H, T(2026, 11, 2, 0, 0, EST), c);
	/* the whole local year is 365 * 24h (23h + 25h); it ends exactly on the
	 * last closing, so the uncovered 2027-01-01 is never needed */
	time_ok(cal, T(2026, 1, 1, 0, 0, EST), 365 * 24 * H, T(2027, 1, 1, 0, 0, EST), c);
	time_err(cal, T(2026, 1, 1, 0, 0, EST), 365 * 24 * H + MIN, CAL_ERR_UNCOVERED, D(2027, 1, 1), true, c);
	is_int(calendar_day_intervals(cal, D(2026, 3, 8), o, cl, 2), 1, "NY 24x7: 03-08 one interval");
	is_int(cl[0] - o[0], 23 * H, "NY 24x7: 03-08 lasts 23h");
	ok(o[0] == T(2026, 3, 8, 0, 0, EST) && cl[0] == T(2026, 3, 9, 0, 0, EDT), "NY 24x7: 03-08 bounds");

	/* terms: days keep the wall clock, hours are elapsed */
	due_instant_is(cal, T(2026, 3, 7, 12, 0, EST), 1, TERM_DAYS, CAL_OK, T(2026, 3, 8, 12, 0, EDT), c);
	due_instant_is(cal, T(2026, 3, 7, 12, 0, EST), 24, TERM_HOURS, CAL_OK, T(2026, 3, 8, 13, 0, EDT), c);
	due_instant_is(cal, T(2026, 3, 7, 12, 0, EST), 24, TERM_WORKING_HOURS, CAL_OK, T(2026, 3, 8, 13, 0, EDT), c);
	due_instant_is(cal, T(2026, 3, 7, 12, 0, EST), 1440, TERM_WORKING_MINUTES, CAL_OK, T(2026, 3, 8, 13, 0, EDT), c);
	due_instant_is(cal, T(2026, 3, 7, 12, 0, EST), 1, TERM_WORKING_DAYS, CAL_OK, T(2026, 3, 8, 12, 0, EDT), c);
	due_instant_is(cal, T(2026, 3, 5, 9, 0, EST), 1, TERM_WEEKS, CAL_OK, T(2026, 3, 12, 9, 0, EDT), c);
	due_instant_is(cal, T(2026, 2, 15, 9, 0, EST), 1, TERM_MONTHS, CAL_OK, T(2026, 3, 15, 9, 0, EDT), c);
	/* 02:30 on 03-08 does not exist: the instant of the change, 07:00 UTC */
	due_instant_is(cal, T(2026, 3, 7, 2, 30, EST), 1, TERM_DAYS, CAL_OK, T(2026, 3, 8, 7, 0, UTC), c);
	/* 01:30 on 11-01 happens twice: the first (EDT) */
	due_instant_is(cal, T(2026, 10, 31, 1, 30, EDT), 1, TERM_DAYS, CAL_OK, T(2026, 11, 1, 1, 30, EDT), c);
	free(cal);
}

/*
 * Offset changes at awkward wall-clock moments, on a bounded 24x7 calendar
 * (so working time is real elapsed time) whose only exception is in 2027:
 * going backwards through 2026 the arithmetic may skip whole weeks, and must
 * not skip over a day the change made shorter or longer.
 */
static void
test_midnight_changes(void)
{
	static CalException later[1] = {{0, false, 0, NULL}};
	ZoneShift	sh[1];
	CalSpec		s;
	Calendar *cal;
	int			w;

	later[0].day = D(2027, 6, 1);
	memset(&s, 0, sizeof(s));
	for (w = 0; w < 7; w++)
	{
		s.nweek[w] = 1;
		s.week[w] = whole_day;
	}
	s.nexceptions = 1;
	s.exceptions = later;
	s.has_lo = s.has_hi = true;
	s.cov_lo = D(2026, 1, 1);
	s.cov_hi = D(2027, 12, 31);

	/*
	 * UTC, springing forward 1h at 23:30 on 03-01: the gap 23:30..00:30
	 * holds local midnight.  From 02-15 00:00 UTC to 03-20 00:00 (+01:00) =
	 * 03-19 23:00 UTC is 32 days + 23h = 791h.
	 */
	sh[0].at = T(2026, 3, 1, 23, 30, UTC);
	sh[0].before = 0;
	sh[0].after = 3600;
	s.zone.base = 0;
	s.zone.nshifts = 1;
	s.zone.shifts = sh;
	cal = compile(&s, "gap over midnight");
	time_ok(cal, T(2026, 3, 20, 0, 0, 3600), -791 * H, T(2026, 2, 15, 0, 0, UTC), "gap over midnight, back");
	time_ok(cal, T(2026, 2, 15, 0, 0, UTC), 791 * H, T(2026, 3, 20, 0, 0, 3600), "gap over midnight, forward");
	tbetween_ok(cal, T(2026, 2, 15, 0, 0, UTC), T(2026, 3, 20, 0, 0, 3600), 791 * H, "gap over midnight");
	free(cal);

	/*
	 * +02:00 falling back 2h at local midnight 11-01 (22:00 UTC 10-31): the
	 * wall clock repeats 22:00..24:00 of 10-31.  From 09-17 00:00 (+02:00) =
	 * 09-16 22:00 UTC to 11-10 00:00 UTC is 54 days + 2h = 1298h.
	 */
	sh[0].at = T(2026, 10, 31, 22, 0, UTC);
	sh[0].before = 7200;
	sh[0].after = 0;
	s.zone.base = 7200;
	cal = compile(&s, "fall back to midnight");
	time_ok(cal, T(2026, 11, 10, 0, 0, UTC), -1298 * H, T(2026, 9, 17, 0, 0, 7200), "fall back to midnight, back");
	time_ok(cal, T(2026, 9, 17, 0, 0, 7200), 1298 * H, T(2026, 11, 10, 0, 0, UTC), "fall back to midnight, forward");
	tbetween_ok(cal, T(2026, 9, 17, 0, 0, 7200), T(2026, 11, 10, 0, 0, UTC), 1298 * H, "fall back to midnight");
	free(cal);
}

static void
test_sparse(void)
{
	/* no weekly hours; one extra working day 2026-05-09 10:00-12:00 */
	static const CalInterval ten_to_noon[1] = {{10 * H, 12 * H}};
	CalException ex[1] = {{0, true, 1, ten_to_noon}};
	CalSpec		s;
	Calendar *cal;
	const char *c = "sparse";

	ex[0].day = D(2026, 5, 9);
	memset(&s, 0, sizeof(s));
	s.nexceptions = 1;
	s.exceptions = ex;

	/* unbounded: nothing after or before 05-09, ever */
	cal = compile(&s, c);
	days_ok(cal, D(2026, 1, 1), 1, D(2026, 5, 9), c);
	days_ok(cal, D(2026, 5, 10), -1, D(2026, 5, 9), c);
	days_ok(cal, D(2026, 5, 1), 0, D(2026, 5, 9), c);
	days_err(cal, D(2026, 5, 9), 1, CAL_ERR_NO_WORKING_DAY, 0, false, c);
	days_err(cal, D(2026, 5, 9), -1, CAL_ERR_NO_WORKING_DAY, 0, false, c);
	days_err(cal, D(2026, 5, 10), 0, CAL_ERR_NO_WORKING_DAY, 0, false, c);
	between_ok(cal, D(2020, 1, 1), D(2030, 1, 1), 1, c);
	time_ok(cal, T(2026, 5, 9, 11, 0, UTC), 30 * MIN, T(2026, 5, 9, 11, 30, UTC), c);
	time_ok(cal, T(2026, 1, 1, 0, 0, UTC), 2 * H, T(2026, 5, 9, 12, 0, UTC), c);
	time_err(cal, T(2026, 5, 9, 11, 0, UTC), 2 * H, CAL_ERR_NO_WORKING_DAY, 0, false, c);
	time_err(cal, T(2026, 5, 9, 11, 0, UTC), -2 * H, CAL_ERR_NO_WORKING_DAY, 0, false, c);
	tbetween_ok(cal, T(2000, 1, 1, 0, 0, UTC), T(2100, 1, 1, 0, 0, UTC), 2 * H, c);
	free(cal);

	/* bounded to 2026: running out of days is running out of coverage */
	c = "sparse bounded";
	s.has_lo = s.has_hi = true;
	s.cov_lo = D(2026, 1, 1);
	s.cov_hi = D(2026, 12, 31);
	cal = compile(&s, c);
	days_ok(cal, D(2026, 1, 1), 1, D(2026, 5, 9), c);
	days_err(cal, D(2026, 5, 9), 1, CAL_ERR_UNCOVERED, D(2027, 1, 1), true, c);
	days_err(cal, D(2026, 5, 9), -1, CAL_ERR_UNCOVERED, D(2025, 12, 31), true, c);
	time_err(cal, T(2026, 5, 9, 11, 0, UTC), 2 * H, CAL_ERR_UNCOVERED, D(2027, 1, 1), true, c);
	time_err(cal, T(2026, 5, 9, 11, 0, UTC), -2 * H, CAL_ERR_UNCOVERED, D(2025, 12, 31), true, c);
	free(cal);

	/* nothing at all */
	c = "empty";
	memset(&s, 0, sizeof(s));
	cal = compile(&s, c);
	days_err(cal, 0, 1, CAL_ERR_NO_WORKING_DAY, 0, false, c);
	days_err(cal, 0, -1, CAL_ERR_NO_WORKING_DAY, 0, false, c);
	days_err(cal, 0, 0, CAL_ERR_NO_WORKING_DAY, 0, false, c);
	between_ok(cal, 0, 1000, 0, c);
	time_err(cal, 0, H, CAL_ERR_NO_WORKING_DAY, 0, false, c);
	/* even zero needs an opening to start from, and there is none */
	time_err(cal, 0, 0, CAL_ERR_NO_WORKING_DAY, 0, false, c);
	tbetween_ok(cal, 0, 1000 * H, 0, c);
	free(cal);
}

/* Weekly Monday..Friday calendar bounded to start on a Monday. */
static void
test_bounded_monday(void)
{
	CalSpec		s;
	Calendar *cal;
	const char *c = "bounded from Mon 2026-03-02";

	weekdays(&s, nine_to_five, 1);
	s.has_lo = true;
	s.cov_lo = D(2026, 3, 2);
	cal = compile(&s, c);
	/*
	 * Walking back from Tue 03-03 by 2: 03-02 (1), then 03-01 Sun, which is
	 * the first uncovered day looked at (not Fri 02-27, the weekly answer).
	 */
	days_ok(cal, D(2026, 3, 3), -1, D(2026, 3, 2), c);
	days_err(cal, D(2026, 3, 3), -2, CAL_ERR_UNCOVERED, D(2026, 3, 1), true, c);
	days_err(cal, D(2026, 3, 3), -100, CAL_ERR_UNCOVERED, D(2026, 3, 1), true, c);
	time_err(cal, T(2026, 3, 2, 10, 0, UTC), -2 * H, CAL_ERR_UNCOVERED, D(2026, 3, 1), true, c);
	time_err(cal, T(2026, 3, 20, 10, 0, UTC), -1000 * H, CAL_ERR_UNCOVERED, D(2026, 3, 1), true, c);
	days_ok(cal, D(2026, 3, 1), 1, D(2026, 3, 2), c);	/* 03-01 not examined */
	days_ok(cal, D(2026, 3, 9), -1, D(2026, 3, 6), c);	/* Mon -> Fri */
	free(cal);
}

int
main(void)
{
	CalSpec		cn;
	Calendar *cal;

	/* the helper: 2026-09-30 17:00 +08 is 09:00 UTC */
	is_int(T(2026, 9, 30, 17, 0, CN), T(2026, 9, 30, 9, 0, UTC), "T() applies the offset");
	is_int(T(2000, 1, 1, 0, 0, UTC), 0, "T(epoch) = 0");
	is_int(D(2026, 1, 1), 9497, "D(2026-01-01) = 9497 (see test_civil)");

	test_validate();

	cn = cn_spec();
	is_int(cn.nexceptions, 3 + 1 + 1 + 9 + 1 + 3 + 5 + 1 + 3 + 1 + 3 + 7 + 1, "CN: 39 exception days");
	cal = compile(&cn, "CN");
	test_cn_days(cal);
	test_cn_time(cal);
	test_cn_terms(cal);
	free(cal);

	test_own_hours();
	test_weekdays();
	test_continuous();
	test_dst();
	test_midnight_changes();
	test_sparse();
	test_bounded_monday();

	return tap_done();
}
