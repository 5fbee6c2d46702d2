/*
 * test_due_periods.c - periods under the Civil Code (民法典 Art. 201-204):
 * the first day is not counted, a month without the day ends on its last day,
 * a last day that is a day off moves to the next working day (Art. 203,
 * DUE_FOLLOWING) unless the parties agreed otherwise (DUE_UNADJUSTED), a
 * timestamp period ends at the close of business; and due_date_before, the
 * inverse of due_date.
 *
 * The calendar is China 2026 in part, from the State Council notice: Mon-Fri
 * 09:00-12:00, 13:00-18:00 at +08; off 02-15..02-23, 09-25..09-27,
 * 10-01..10-07; worked Saturday 02-14 and 02-28, Sunday 09-20, Saturday 10-10.
 * Paper calendar: 2026-01-31 Sat, 02-28 Sat, 03-01 Sun, 08-31 Mon, 09-26 Sat,
 * 09-30 Wed, 10-08 Thu, 10-09 Fri, 11-02 Mon, 11-07 Sat, 11-09 Mon.
 */
#include "calendar_fixture.h"
#include "due.h"

static const struct
{
	int			m,
				d1,
				d2;
	bool		working;
}			days_2026[] = {
	{2, 14, 14, true}, {2, 15, 23, false}, {2, 28, 28, true}, {9, 20, 20, true},
	{9, 25, 27, false}, {10, 1, 7, false}, {10, 10, 10, true},
};
static CalException exc[32];

static CalSpec
spec_2026(void)
{
	CalSpec		s;
	int32_t		n = 0;
	size_t		i;
	int			d;

	weekdays(&s, cn_hours, 2);
	for (i = 0; i < sizeof(days_2026) / sizeof(days_2026[0]); i++)
		for (d = days_2026[i].d1; d <= days_2026[i].d2; d++)
		{
			exc[n].day = D(2026, days_2026[i].m, d);
			exc[n].working = days_2026[i].working;
			n++;
		}
	s.nexceptions = n;
	s.exceptions = exc;
	s.has_lo = s.has_hi = true;
	s.cov_lo = D(2026, 1, 1);
	s.cov_hi = D(2026, 12, 31);
	s.zone.base = CN;
	return s;
}

static void
date_is(const Calendar *cal, int64_t day, int32_t q, int unit, DueConvention conv, int64_t want, const char *what)
{
	Term		t = {q, (uint8_t) unit};
	CalError	err = {0};
	int64_t		r = 0;
	CalStatus	st = due_date(cal, day, &t, conv, &r, &err);

	is_str(sname(st), "OK", "%s: ok", what);
	is_str(fmt_day(r), fmt_day(want), "%s", what);
}

static void
before_is(const Calendar *cal, int64_t day, int32_t q, int unit, DueConvention conv, int64_t want, const char *what)
{
	Term		t = {q, (uint8_t) unit};
	CalError	err = {0};
	int64_t		r = 0;
	CalStatus	st = due_date_before(cal, day, &t, conv, &r, &err);

	is_str(sname(st), "OK", "%s: ok", what);
	is_str(fmt_day(r), fmt_day(want), "%s", what);
}

static void
instant_is(const Calendar *cal, int64_t start, int32_t q, int unit, DueConvention conv, int64_t want, const char *what)
{
	Term		t = {q, (uint8_t) unit};
	CalError	err = {0};
	int64_t		r = 0;
	CalStatus	st = due_instant(cal, start, &t, conv, &r, &err);

	is_str(sname(st), "OK", "%s: ok", what);
	is_str(fmt_instant(r), fmt_instant(want), "%s", what);
}

static void
test_dates(const Calendar *cal)
{
	/* 09-26 + 5 days = 10-01, National Day: the day after the holidays end, Thu 10-08 */
	date_is(cal, D(2026, 9, 26), 5, TERM_DAYS, DUE_FOLLOWING, D(2026, 10, 8), "09-26 + 5 days, following");
	date_is(cal, D(2026, 9, 26), 5, TERM_DAYS, DUE_UNADJUSTED, D(2026, 10, 1), "09-26 + 5 days, unadjusted");
	/* 09-30 + 10 days = Sat 10-10, a make-up working day: a working day, it stays */
	date_is(cal, D(2026, 9, 30), 10, TERM_DAYS, DUE_FOLLOWING, D(2026, 10, 10), "09-30 + 10 days ends on the make-up Saturday");
	/* 11-02 + 5 days = Sat 11-07, a weekly rest day: Mon 11-09 */
	date_is(cal, D(2026, 11, 2), 5, TERM_DAYS, DUE_FOLLOWING, D(2026, 11, 9), "11-02 + 5 days, Saturday -> Monday");
	date_is(cal, D(2026, 10, 26), 2, TERM_WEEKS, DUE_FOLLOWING, D(2026, 11, 9), "10-26 + 2 weeks = Mon 11-09");
	/* Art. 202: 01-31 + 1 month = 02-28 (no 02-31), a make-up Saturday: stays */
	date_is(cal, D(2026, 1, 31), 1, TERM_MONTHS, DUE_FOLLOWING, D(2026, 2, 28), "01-31 + 1 month = 02-28");
	date_is(cal, D(2026, 1, 30), 1, TERM_MONTHS, DUE_FOLLOWING, D(2026, 2, 28), "01-30 + 1 month = 02-28");
	/* 02-01 + 1 month = Sun 03-01: Mon 03-02 */
	date_is(cal, D(2026, 2, 1), 1, TERM_MONTHS, DUE_FOLLOWING, D(2026, 3, 2), "02-01 + 1 month = 03-01 -> 03-02");
	/* 01-14 + 1 month = 02-14, the make-up Saturday before Spring Festival */
	date_is(cal, D(2026, 1, 14), 1, TERM_MONTHS, DUE_FOLLOWING, D(2026, 2, 14), "01-14 + 1 month = make-up Sat 02-14");
	/* 01-15 + 1 month = 02-15, inside Spring Festival (02-15..23): Tue 02-24 */
	date_is(cal, D(2026, 1, 15), 1, TERM_MONTHS, DUE_FOLLOWING, D(2026, 2, 24), "01-15 + 1 month -> after Spring Festival");
	/* working days are not adjusted: Wed 09-30 + 1 working day = Thu 10-08 either way */
	date_is(cal, D(2026, 9, 30), 1, TERM_WORKING_DAYS, DUE_FOLLOWING, D(2026, 10, 8), "09-30 + 1 working day");
	date_is(cal, D(2026, 9, 30), 1, TERM_WORKING_DAYS, DUE_UNADJUSTED, D(2026, 10, 8), "09-30 + 1 working day, unadjusted");
}

static void
test_before(const Calendar *cal)
{
	/* the last x with due(x, 1 month) <= 02-28: due(01-31) = 02-28, due(02-01) = 03-02 */
	before_is(cal, D(2026, 2, 28), 1, TERM_MONTHS, DUE_FOLLOWING, D(2026, 1, 31), "1 month before 02-28 = 01-31");
	before_is(cal, D(2026, 2, 28), 1, TERM_MONTHS, DUE_UNADJUSTED, D(2026, 1, 31), "1 month before 02-28, unadjusted = 01-31");
	/* 30 days before Mon 10-05 (a holiday): x + 30 in 10-01..10-05 moves to 10-08; x + 30 = Wed 09-30 fits: 08-31 */
	before_is(cal, D(2026, 10, 5), 30, TERM_DAYS, DUE_FOLLOWING, D(2026, 8, 31), "30 days before 10-05, following = 08-31");
	before_is(cal, D(2026, 10, 5), 30, TERM_DAYS, DUE_UNADJUSTED, D(2026, 9, 5), "30 days before 10-05, unadjusted = 09-05");
	/* 30 days before Thu 10-08: x = 09-08 (x = 09-09 gives Fri 10-09) */
	before_is(cal, D(2026, 10, 8), 30, TERM_DAYS, DUE_FOLLOWING, D(2026, 9, 8), "30 days before 10-08 = 09-08");
	/* 1 working day before Thu 10-08: any x from 09-30 to 10-07 has 10-08 next; the last is 10-07 */
	before_is(cal, D(2026, 10, 8), 1, TERM_WORKING_DAYS, DUE_FOLLOWING, D(2026, 10, 7), "1 working day before 10-08 = 10-07");
	/* 1 working day before Sat 11-07: due(Thu 11-05) = Fri 11-06 fits, due(Fri) = Mon 11-09 does not */
	before_is(cal, D(2026, 11, 7), 1, TERM_WORKING_DAYS, DUE_FOLLOWING, D(2026, 11, 5), "1 working day before Sat 11-07 = 11-05");
}

/* The calendar's data ends on Sun 10-04, inside National Day: due_before still answers, from days up to 10-04 only. */
static void
test_before_at_coverage_end(void)
{
	CalSpec		s = spec_2026();
	Calendar   *cal;

	s.cov_hi = D(2026, 10, 4);
	cal = compile(&s, "CN to 10-04");
	/* from 09-27 three days end Wed 09-30; from 09-28 on 10-01, a holiday, and 10-01..10-04 has no working day */
	before_is(cal, D(2026, 10, 4), 3, TERM_DAYS, DUE_FOLLOWING, D(2026, 9, 27), "3 days before 10-04, data to 10-04 = 09-27");
	/* 1 working day: (09-29, 10-04] holds 09-30; (09-30, 10-04] holds none */
	before_is(cal, D(2026, 10, 4), 1, TERM_WORKING_DAYS, DUE_FOLLOWING, D(2026, 9, 29), "1 working day before 10-04, data to 10-04 = 09-29");
	free(cal);
}

static void
test_instants(const Calendar *cal, const Calendar *allday)
{
	/* Art. 203 para. 2: the period ends at the close of business of its last day */
	instant_is(cal, T(2026, 9, 26, 10, 0, CN), 5, TERM_DAYS, DUE_FOLLOWING, T(2026, 10, 8, 18, 0, CN),
			   "09-26 10:00 + 5 days, following: 10-08 at the close of business, 18:00");
	instant_is(cal, T(2026, 9, 26, 10, 0, CN), 5, TERM_DAYS, DUE_UNADJUSTED, T(2026, 10, 1, 10, 0, CN),
			   "09-26 10:00 + 5 days, unadjusted: 10-01 10:00");
	/* the make-up Saturday has the hours of the first weekday with hours: closes at 18:00 */
	instant_is(cal, T(2026, 9, 30, 9, 0, CN), 10, TERM_DAYS, DUE_FOLLOWING, T(2026, 10, 10, 18, 0, CN),
			   "09-30 09:00 + 10 days: Sat 10-10 18:00");
	/* the start's time of day does not matter: 23:59 on 11-02 + 5 days is still Mon 11-09 18:00 */
	instant_is(cal, T(2026, 11, 2, 23, 59, CN), 5, TERM_DAYS, DUE_FOLLOWING, T(2026, 11, 9, 18, 0, CN),
			   "11-02 23:59 + 5 days: Mon 11-09 18:00");
	/* every hour worked (24x7): the last day ends at 24:00 */
	instant_is(allday, T(2026, 10, 1, 10, 0, UTC), 1, TERM_DAYS, DUE_FOLLOWING, T(2026, 10, 3, 0, 0, UTC),
			   "24x7: 10-01 10:00 + 1 day ends at 24:00 of 10-02");
	/* hours stay elapsed time, working hours working time, whatever the convention */
	instant_is(cal, T(2026, 9, 30, 17, 0, CN), 2, TERM_HOURS, DUE_FOLLOWING, T(2026, 9, 30, 19, 0, CN), "2 hours elapse");
	instant_is(cal, T(2026, 9, 30, 17, 0, CN), 2, TERM_WORKING_HOURS, DUE_FOLLOWING, T(2026, 10, 8, 10, 0, CN),
			   "2 working hours from 09-30 17:00: 10-08 10:00");
}

int
main(void)
{
	CalSpec		s = spec_2026();
	CalSpec		a;
	Calendar   *cal = compile(&s, "CN 2026");
	Calendar   *allday;
	int			w;

	memset(&a, 0, sizeof(a));
	for (w = 0; w < 7; w++)
	{
		a.nweek[w] = 1;
		a.week[w] = whole_day;
	}
	allday = compile(&a, "24x7");
	test_dates(cal);
	test_before(cal);
	test_before_at_coverage_end();
	test_instants(cal, allday);
	free(cal);
	free(allday);
	return tap_done();
}
