/*
 * test_calendar_forecast.c - a calendar compiled with a forecast past its
 * announced days: computations that need a forecast day succeed and are
 * marked provisional; those that stay in announced days are not; past the
 * forecast the days are uncovered as before.
 *
 * The calendar: Mon-Fri 09:00-12:00 and 13:00-18:00 at +08, announced
 * 2026-12-01 .. 2026-12-31 (no exceptions there), then a forecast
 * 2027-01-01 .. 2027-01-31 with one forecast holiday, Friday 2027-01-01.
 * Paper calendar: 2026-12-31 is a Thursday, 2027-01-02/03 the weekend,
 * 2027-01-04 a Monday, 2027-01-29 a Friday, 2027-01-31 a Sunday.
 */
#include "calendar_fixture.h"
#include "due.h"

static CalException forecast_exc[1];

static CalSpec
forecast_spec(void)
{
	CalSpec		s;

	weekdays(&s, cn_hours, 2);
	forecast_exc[0].day = D(2027, 1, 1);
	forecast_exc[0].working = false;
	s.nexceptions = 1;
	s.exceptions = forecast_exc;
	s.has_lo = s.has_hi = true;
	s.cov_lo = D(2026, 12, 1);
	s.cov_hi = D(2027, 1, 31);
	s.has_forecast = true;
	s.forecast_from = D(2027, 1, 1);
	s.zone.base = CN;
	return s;
}

/* add_working_days with the provisional mark it should carry. */
static void
add_days(const Calendar *cal, int64_t day, int64_t n, int64_t want, bool provisional, const char *what)
{
	CalError	err = {0};
	int64_t		r = 0;
	CalStatus	st = calendar_add_working_days(cal, day, n, &r, &err);

	is_str(sname(st), "OK", "%s: ok", what);
	is_int(r, want, "%s: result", what);
	is_int(err.provisional, provisional, "%s: provisional %s", what, provisional ? "yes" : "no");
}

static void
test_validate_forecast(void)
{
	CalSpec		s = forecast_spec();
	CalError	err = {0};

	/* a forecast must continue the covered range: not start after a gap */
	s.forecast_from = D(2027, 2, 2);	/* cov_hi + 2 */
	is_str(sname(calendar_validate(&s, &err)), "BAD_COVERAGE", "a forecast starting past cov_hi + 1 is refused");
	s.forecast_from = D(2027, 2, 1);	/* cov_hi + 1: a forecast of no day, allowed */
	is_str(sname(calendar_validate(&s, &err)), "OK", "a forecast starting at cov_hi + 1 is allowed (empty)");
	s = forecast_spec();
	s.has_hi = false;
	is_str(sname(calendar_validate(&s, &err)), "BAD_COVERAGE", "a forecast needs a bounded covered range");
	s = forecast_spec();
	s.forecast_from = D(2026, 12, 1);	/* = cov_lo: nothing announced at all */
	is_str(sname(calendar_validate(&s, &err)), "BAD_COVERAGE", "a forecast cannot start on the first covered day");
}

static void
test_days(const Calendar *cal)
{
	CalError	err = {0};
	bool		w = true;
	int64_t		r = 0;
	int64_t		from;

	ok(calendar_forecast_from(cal, &from) && from == D(2027, 1, 1), "the compiled calendar knows where its forecast starts");

	/* Wed 2026-12-30 + 1 = Thu 12-31: announced days only */
	add_days(cal, D(2026, 12, 30), 1, D(2026, 12, 31), false, "12-30 + 1 working day");
	/* Thu 12-31 + 1: Fri 01-01 forecast holiday, 01-02/03 weekend -> Mon 01-04 */
	add_days(cal, D(2026, 12, 31), 1, D(2027, 1, 4), true, "12-31 + 1 working day crosses into the forecast");
	/* Mon 01-04 + 19: 01-05..08 (4), 11-15 (5), 18-22 (5), 25-29 (5) = 19 -> Fri 01-29 */
	add_days(cal, D(2027, 1, 4), 19, D(2027, 1, 29), true, "01-04 + 19 working days inside the forecast");
	/* backwards from Tue 01-05 by 2: Mon 01-04, then Thu 12-31 (01-01 off, weekend) */
	add_days(cal, D(2027, 1, 5), -2, D(2026, 12, 31), true, "01-05 - 2 working days reads forecast days");
	/* backwards inside the announced days: Thu 12-31 - 1 = Wed 12-30 */
	add_days(cal, D(2026, 12, 31), -1, D(2026, 12, 30), false, "12-31 - 1 working day stays announced");

	/* past the forecast: Fri 01-29 + 2 needs February */
	r = 0;
	is_str(sname(calendar_add_working_days(cal, D(2027, 1, 29), 2, &r, &err)), "UNCOVERED", "past the forecast is uncovered");
	is_str(fmt_day(err.day), "2027-02-01", "the first day past the forecast is named");

	memset(&err, 0, sizeof(err));
	is_str(sname(calendar_is_working_day(cal, D(2027, 1, 1), &w, &err)), "OK", "is_working_day on a forecast holiday: ok");
	ok(!w && err.provisional, "2027-01-01 is off in the forecast, provisionally");
	memset(&err, 0, sizeof(err));
	calendar_is_working_day(cal, D(2026, 12, 31), &w, &err);
	ok(w && !err.provisional, "2026-12-31 works, announced");

	/* (12-31, 01-05]: 01-04, 01-05 */
	memset(&err, 0, sizeof(err));
	is_str(sname(calendar_working_days_between(cal, D(2026, 12, 31), D(2027, 1, 5), &r, &err)), "OK", "between across the boundary: ok");
	ok(r == 2 && err.provisional, "(12-31, 01-05] has 2 working days, provisionally");
	/* (12-01, 12-31]: Dec 2026 has 23 weekdays, 12-01 (Tue) excluded -> 22 */
	memset(&err, 0, sizeof(err));
	calendar_working_days_between(cal, D(2026, 12, 1), D(2026, 12, 31), &r, &err);
	ok(r == 22 && !err.provisional, "(12-01, 12-31] has 22 working days, announced");
}

static void
test_time(const Calendar *cal)
{
	CalError	err = {0};
	int64_t		r = 0;
	Term		two = {2, TERM_WORKING_HOURS};
	Term		eight = {8, TERM_WORKING_HOURS};

	/*
	 * Thu 2026-12-31 17:30 +08 + 2 working hours: 30 min to 18:00, Fri 01-01
	 * off (forecast), weekend, Mon 01-04 09:00 + 1:30 = 10:30.
	 */
	is_str(sname(due_instant(cal, T(2026, 12, 31, 17, 30, CN), &two, DUE_FOLLOWING, &r, &err)), "OK", "2 working hours from 12-31 17:30: ok");
	is_str(fmt_instant(r), fmt_instant(T(2027, 1, 4, 10, 30, CN)), "2 working hours from 12-31 17:30 = 01-04 10:30");
	ok(err.provisional, "... provisionally");
	/* 8 working hours: 0:30 + 09-12 (3:00) + 13:00-17:30 (4:30) = 8:00 -> 01-04 17:30 */
	memset(&err, 0, sizeof(err));
	due_instant(cal, T(2026, 12, 31, 17, 30, CN), &eight, DUE_FOLLOWING, &r, &err);
	is_str(fmt_instant(r), fmt_instant(T(2027, 1, 4, 17, 30, CN)), "8 working hours from 12-31 17:30 = 01-04 17:30");
	ok(err.provisional, "... provisionally");
	/* 30 working minutes from 12-31 17:30 end at 18:00 the same day: announced */
	memset(&err, 0, sizeof(err));
	calendar_add_working_time(cal, T(2026, 12, 31, 17, 30, CN), 30 * MIN, &r, &err);
	is_str(fmt_instant(r), fmt_instant(T(2026, 12, 31, 18, 0, CN)), "30 working minutes from 12-31 17:30 = 18:00");
	ok(!err.provisional, "... announced");
	/* working time between 12-31 17:00 and 01-04 10:00: 1:00 + 1:00 = 2:00, provisional */
	memset(&err, 0, sizeof(err));
	calendar_working_time_between(cal, T(2026, 12, 31, 17, 0, CN), T(2027, 1, 4, 10, 0, CN), &r, &err);
	ok(r == 2 * H && err.provisional, "working time 12-31 17:00 .. 01-04 10:00 = 2 hours, provisionally");
}

int
main(void)
{
	CalSpec		s = forecast_spec();
	Calendar   *cal;

	test_validate_forecast();
	s = forecast_spec();
	cal = compile(&s, "forecast");
	test_days(cal);
	test_time(cal);
	free(cal);
	return tap_done();
}
