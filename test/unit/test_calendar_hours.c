/*
 * test_calendar_hours.c - working calendars of other shapes: own hours,
 * weekdays only, continuous (7x24), a DST zone and changes at midnight,
 * sparse exceptions, a calendar bounded to start on a Monday.
 *
 * Every expected value is worked out by hand in the comment next to it, from
 * the calendar definitions and a paper calendar of 2026 (2026-01-01 is a
 * Thursday; see test_calendar.c).
 */
#include "calendar_checks.h"

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
	test_own_hours();
	test_weekdays();
	test_continuous();
	test_dst();
	test_midnight_changes();
	test_sparse();
	test_bounded_monday();
	return tap_done();
}
