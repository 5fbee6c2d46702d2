/*
 * test_calendar.c - working calendars: validation, and CN (2026 as announced):
 * working days, working time, terms applied to dates and instants.
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
#include "calendar_checks.h"


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
	return tap_done();
}
