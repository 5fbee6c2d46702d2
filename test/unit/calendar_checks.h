/*
 * calendar_checks.h - the calendar unit tests' assertions (a result, or an
 * error and its day, of each calendar operation) and their calendars: CN 2026
 * as in the notice, New York with its 2026 DST changes.
 */
#ifndef CRM_CALENDAR_CHECKS_H
#define CRM_CALENDAR_CHECKS_H

#include "calendar_fixture.h"
#include "due.h"

/* ---------- checking helpers ---------- */

static inline void
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

static inline void
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

static inline void
between_ok(const Calendar *cal, int64_t from, int64_t to, int64_t expected, const char *what)
{
	int64_t		r = -1;
	CalError		err = {0};
	CalStatus	st = calendar_working_days_between(cal, from, to, &r, &err);

	if (is_str(sname(st), "OK", "%s: working_days_between(%s, %s) ok", what, fmt_day(from), fmt_day(to)))
		is_int(r, expected, "%s: working_days_between(%s, %s) = %lld", what, fmt_day(from),
			   fmt_day(to), (long long) expected);
}

static inline void
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

static inline void
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

static inline void
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

static inline void
tbetween_ok(const Calendar *cal, int64_t from, int64_t to, int64_t expected, const char *what)
{
	int64_t		r = -1;
	CalError		err = {0};
	CalStatus	st = calendar_working_time_between(cal, from, to, &r, &err);

	if (is_str(sname(st), "OK", "%s: working_time_between ok", what))
		is_int(r, expected, "%s: working_time_between = %+.4gh", what, (double) expected / H);
}

static inline void
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

static inline void
due_instant_is(const Calendar *cal, int64_t start, int32_t q, int unit,
			   CalStatus expected_st, int64_t expected, const char *what)
{
	Term		t;
	int64_t		r = -1;
	CalError		err = {0};
	CalStatus	st;

	t.quantity = q;
	t.unit = (uint8_t) unit;
	st = due_instant(cal, start, &t, DUE_UNADJUSTED, &r, &err);
	if (is_str(sname(st), sname(expected_st), "%s: due_instant(%s, %d %s) status", what,
			   fmt_instant(start), q, term_unit_plural(unit)) && st == CAL_OK)
		if (!is_int(r, expected, "%s: due_instant = %s", what, fmt_instant(expected)))
			diag("got %s", fmt_instant(r));
}

static inline void
due_date_is(const Calendar *cal, int64_t day, int32_t q, int unit,
			CalStatus expected_st, int64_t expected, const char *what)
{
	Term		t;
	int64_t		r = -1;
	CalError		err = {0};
	CalStatus	st;

	t.quantity = q;
	t.unit = (uint8_t) unit;
	st = due_date(cal, day, &t, DUE_UNADJUSTED, &r, &err);
	if (is_str(sname(st), sname(expected_st), "%s: due_date(%s, %d %s) status", what,
			   fmt_day(day), q, term_unit_plural(unit)) && st == CAL_OK)
		if (!is_int(r, expected, "%s: due_date = %s", what, fmt_day(expected)))
			diag("got %s", fmt_day(r));
}

static inline void
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


static inline CalSpec
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

static inline Zone
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


#endif
