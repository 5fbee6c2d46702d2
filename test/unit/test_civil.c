/*
 * test_civil.c - day numbers, weekdays, month arithmetic.
 *
 * Known values are worked out by hand in the comments; the loops compare the
 * library against an independent day-by-day count written here.
 */
#include "tap.h"
#include "civil.h"

/* The Gregorian leap rule, written out independently of civil.c. */
static bool
my_leap(int64_t y)
{
	if (y % 400 == 0)
		return true;
	if (y % 100 == 0)
		return false;
	return y % 4 == 0;
}

static int
my_dim(int64_t y, int m)
{
	static const int len[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && my_leap(y) ? 29 : len[m];
}

static void
ymd_is(int64_t days, int64_t y, int m, int d, const char *what)
{
	int64_t		gy;
	int			gm,
				gd;

	civil_ymd_from_days(days, &gy, &gm, &gd);
	ok(gy == y && gm == m && gd == d, "ymd_from_days(%lld) = %lld-%02d-%02d (%s)",
	   (long long) days, (long long) y, m, d, what);
	if (!(gy == y && gm == m && gd == d))
		diag("got %lld-%02d-%02d", (long long) gy, gm, gd);
}

static void
add_months_is(int64_t y, int m, int d, int64_t months, int64_t ey, int em, int ed)
{
	int64_t		r = 0;
	bool		okay = civil_add_months(civil_days_from_ymd(y, m, d), months, &r);

	ok(okay, "add_months(%lld-%02d-%02d, %lld) succeeds", (long long) y, m, d,
	   (long long) months);
	is_int(r, civil_days_from_ymd(ey, em, ed), "add_months(%lld-%02d-%02d, %lld) = %lld-%02d-%02d",
		   (long long) y, m, d, (long long) months, (long long) ey, em, ed);
}

int
main(void)
{
	/* ---- fixed points, by hand ---- */

	/* the epoch */
	is_int(civil_days_from_ymd(2000, 1, 1), 0, "2000-01-01 is day 0");
	/* the day before */
	is_int(civil_days_from_ymd(1999, 12, 31), -1, "1999-12-31 is day -1");
	/* Jan 31 + Feb 29 (2000 is a leap year) = 60 */
	is_int(civil_days_from_ymd(2000, 2, 29), 59, "2000-02-29 is day 59");
	is_int(civil_days_from_ymd(2000, 3, 1), 60, "2000-03-01 is day 60");
	/* 2000 has 366 days */
	is_int(civil_days_from_ymd(2000, 12, 31), 365, "2000-12-31 is day 365");
	is_int(civil_days_from_ymd(2001, 1, 1), 366, "2001-01-01 is day 366");
	/* 1970..1999: 30*365 + 7 leap days (72,76,80,84,88,92,96) = 10957 */
	is_int(civil_days_from_ymd(1970, 1, 1), -10957, "1970-01-01 is day -10957");
	/* 2000..2025: 26*365 + 7 leap days (00,04,..,24) = 9497 */
	is_int(civil_days_from_ymd(2026, 1, 1), 9497, "2026-01-01 is day 9497");
	/* Jan..Aug 2026 = 31+28+31+30+31+30+31+31 = 243 days, +24 */
	is_int(civil_days_from_ymd(2026, 9, 25), 9764, "2026-09-25 is day 9764");
	/* 2000..2099: 36500 + 25 leap days (2000..2096) = 36525; 2100 is not leap */
	is_int(civil_days_from_ymd(2100, 1, 1), 36525, "2100-01-01 is day 36525");
	is_int(civil_days_from_ymd(2100, 2, 28), 36525 + 31 + 27, "2100-02-28");
	is_int(civil_days_from_ymd(2100, 3, 1), 36525 + 31 + 28, "2100-03-01 follows 02-28");
	/* 1900..1999: 36500 + 24 leap days (1904..1996); 1900 is not leap */
	is_int(civil_days_from_ymd(1900, 1, 1), -36524, "1900-01-01 is day -36524");
	is_int(civil_days_from_ymd(1900, 3, 1), -36524 + 59, "1900-03-01 follows 02-28");
	/* one 400-year cycle is 146097 days */
	is_int(civil_days_from_ymd(2400, 1, 1), 146097, "2400-01-01 is day 146097");
	is_int(civil_days_from_ymd(1600, 1, 1), -146097, "1600-01-01 is day -146097");
	/* 0001-01-01: 1999 years, 1999*365 + (499 - 19 + 4) leap days = 730119 */
	is_int(civil_days_from_ymd(1, 1, 1), -730119, "0001-01-01 is day -730119");
	/* year 0 (1 BC) is leap: 0000-03-01 is 306 days before 0001-01-01 */
	is_int(civil_days_from_ymd(0, 3, 1), -730425, "0000-03-01 is day -730425");
	is_int(civil_days_from_ymd(0, 2, 29), -730426, "0000-02-29 exists");
	/* -0001 is not leap (not divisible by 4): 03-01 right after 02-28 */
	is_int(civil_days_from_ymd(-1, 3, 1) - civil_days_from_ymd(-1, 2, 28), 1,
		   "-0001-02-28 + 1 = -0001-03-01");
	/* -0004 is leap */
	is_int(civil_days_from_ymd(-4, 3, 1) - civil_days_from_ymd(-4, 2, 28), 2,
		   "-0004 has 02-29");
	/* -0100 not leap, -0400 leap */
	is_int(civil_days_from_ymd(-100, 3, 1) - civil_days_from_ymd(-100, 2, 28), 1,
		   "-0100 has no 02-29");
	is_int(civil_days_from_ymd(-400, 3, 1) - civil_days_from_ymd(-400, 2, 28), 2,
		   "-0400 has 02-29");
	/*
	 * -0400..0000 is 401 years; leap: 101 multiples of 4, minus 5 of 100
	 * (-400,-300,-200,-100,0), plus 2 of 400 (-400, 0) = 98.
	 */
	is_int(civil_days_from_ymd(-400, 1, 1), -730119 - 401 * 365 - 98,
		   "-0400-01-01: 401 years of 365 + 98 leap days before 0001");

	ymd_is(0, 2000, 1, 1, "epoch");
	ymd_is(-1, 1999, 12, 31, "day before epoch");
	ymd_is(59, 2000, 2, 29, "leap day 2000");
	ymd_is(36525 + 31 + 28, 2100, 3, 1, "no leap day in 2100");
	ymd_is(36525 + 31 + 27, 2100, 2, 28, "2100-02-28");
	ymd_is(-36524 + 58, 1900, 2, 28, "1900-02-28");
	ymd_is(-36524 + 59, 1900, 3, 1, "no leap day in 1900");
	ymd_is(-730119, 1, 1, 1, "0001-01-01");
	ymd_is(-730120, 0, 12, 31, "0000-12-31");
	ymd_is(-730426, 0, 2, 29, "0000-02-29");
	ymd_is(9764, 2026, 9, 25, "2026-09-25");
	/*
	 * 2000..294276 is 292277 years with 73070 - 2923 + 731 = 70878 leap
	 * years, so 294277-01-01 is day 292277*365 + 70878 = 106751983 (that is
	 * PostgreSQL's TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE), and
	 * CAL_DAY_MAX = 106751982 is 294276-12-31.  (calendar.h's comment says
	 * 12-30, which is off by one.)
	 */
	ymd_is(INT64_C(106751982), 294276, 12, 31, "CAL_DAY_MAX");
	/* -2451545 is 4714-11-24 BC = astronomical year -4713 */
	ymd_is(INT64_C(-2451545), -4713, 11, 24, "CAL_DAY_MIN");

	/* ---- weekdays of known dates (ISO: 1 = Monday) ---- */
	is_int(civil_iso_weekday(0), 6, "2000-01-01 was a Saturday");
	is_int(civil_iso_weekday(-1), 5, "1999-12-31 was a Friday");
	is_int(civil_iso_weekday(civil_days_from_ymd(1970, 1, 1)), 4, "1970-01-01 was a Thursday");
	is_int(civil_iso_weekday(civil_days_from_ymd(1900, 1, 1)), 1, "1900-01-01 was a Monday");
	is_int(civil_iso_weekday(civil_days_from_ymd(2026, 1, 1)), 4, "2026-01-01 is a Thursday");
	/* 36525 = 7*5217 + 6: Saturday + 6 = Friday */
	is_int(civil_iso_weekday(civil_days_from_ymd(2100, 1, 1)), 5, "2100-01-01 is a Friday");
	/* 2024-01-01 Monday; Feb 29 is 59 days later = 8 weeks + 3 */
	is_int(civil_iso_weekday(civil_days_from_ymd(2024, 2, 29)), 4, "2024-02-29 was a Thursday");
	/* 2026-10-01: 273 days after Thursday 2026-01-01, 273 = 39 weeks */
	is_int(civil_iso_weekday(civil_days_from_ymd(2026, 10, 1)), 4, "2026-10-01 is a Thursday");
	is_int(civil_iso_weekday(civil_days_from_ymd(2026, 10, 10)), 6, "2026-10-10 is a Saturday");
	is_int(civil_iso_weekday(civil_days_from_ymd(2026, 3, 8)), 7, "2026-03-08 is a Sunday");
	is_int(civil_iso_weekday(civil_days_from_ymd(1969, 7, 20)), 7, "1969-07-20 was a Sunday");
	is_int(civil_iso_weekday(civil_days_from_ymd(2001, 9, 11)), 2, "2001-09-11 was a Tuesday");
	is_int(civil_iso_weekday(civil_days_from_ymd(1, 1, 1)), 1, "0001-01-01 was a Monday (proleptic)");
	is_int(civil_iso_weekday(-7), 6, "day -7 is a Saturday");
	is_int(civil_iso_weekday(-6), 7, "day -6 is a Sunday");
	is_int(civil_iso_weekday(-5), 1, "day -5 is a Monday");

	/* ---- month lengths ---- */
	is_int(civil_days_in_month(2000, 2), 29, "Feb 2000");
	is_int(civil_days_in_month(2100, 2), 28, "Feb 2100");
	is_int(civil_days_in_month(1900, 2), 28, "Feb 1900");
	is_int(civil_days_in_month(2024, 2), 29, "Feb 2024");
	is_int(civil_days_in_month(2026, 2), 28, "Feb 2026");
	is_int(civil_days_in_month(0, 2), 29, "Feb 0000");
	is_int(civil_days_in_month(-1, 2), 28, "Feb -0001");
	is_int(civil_days_in_month(-4, 2), 29, "Feb -0004");
	is_int(civil_days_in_month(-100, 2), 28, "Feb -0100");
	is_int(civil_days_in_month(2026, 4), 30, "Apr");
	is_int(civil_days_in_month(2026, 12), 31, "Dec");

	/* ---- floor division ---- */
	is_int(civil_floor_div(7, 7), 1, "floor 7/7");
	is_int(civil_floor_div(6, 7), 0, "floor 6/7");
	is_int(civil_floor_div(0, 7), 0, "floor 0/7");
	is_int(civil_floor_div(-1, 7), -1, "floor -1/7");
	is_int(civil_floor_div(-7, 7), -1, "floor -7/7");
	is_int(civil_floor_div(-8, 7), -2, "floor -8/7");
	is_int(civil_floor_div(-1, CIVIL_USECS_PER_DAY), -1, "an instant just before 2000 is on day -1");

	/*
	 * ---- walk every day from 1599-01-01 to 2401-12-31 (and a stretch
	 * around year 0), comparing with a counter advanced by my_dim ----
	 */
	{
		int			ranges[2][2] = {{1599, 2401}, {-801, 401}};
		int			r;

		for (r = 0; r < 2; r++)
		{
			int64_t		y = ranges[r][0];
			int			m = 1,
						d = 1;
			int64_t		day = civil_days_from_ymd(y, 1, 1);
			long		bad_to = 0,
						bad_from = 0,
						bad_wd = 0;
			int			wd = civil_iso_weekday(day);

			while (y <= ranges[r][1])
			{
				int64_t		gy;
				int			gm,
							gd;

				if (civil_days_from_ymd(y, m, d) != day)
					bad_to++;
				civil_ymd_from_days(day, &gy, &gm, &gd);
				if (gy != y || gm != m || gd != d)
					bad_from++;
				if (civil_iso_weekday(day) != wd)
					bad_wd++;
				/* next day */
				day++;
				wd = wd % 7 + 1;
				if (++d > my_dim(y, m))
				{
					d = 1;
					if (++m > 12)
					{
						m = 1;
						y++;
					}
				}
			}
			is_int(bad_to, 0, "days_from_ymd matches a day-by-day count, %d..%d",
				   ranges[r][0], ranges[r][1]);
			is_int(bad_from, 0, "ymd_from_days matches a day-by-day count, %d..%d",
				   ranges[r][0], ranges[r][1]);
			is_int(bad_wd, 0, "weekday advances by one each day, %d..%d",
				   ranges[r][0], ranges[r][1]);
		}
	}

	/* Round trips far away: every 997th day over +-150 million days. */
	{
		long		bad = 0;
		int64_t		dd;

		for (dd = -INT64_C(150000000); dd <= INT64_C(150000000); dd += 997 * 101)
		{
			int64_t		y;
			int			m,
						d;

			civil_ymd_from_days(dd, &y, &m, &d);
			if (m < 1 || m > 12 || d < 1 || d > my_dim(y, m) ||
				civil_days_from_ymd(y, m, d) != dd)
				bad++;
		}
		is_int(bad, 0, "round trips over +-150 million days");
	}

	/* ---- month addition, clamping like PostgreSQL ---- */
	add_months_is(2026, 1, 31, 1, 2026, 2, 28);
	add_months_is(2024, 1, 31, 1, 2024, 2, 29);
	add_months_is(2024, 2, 29, 12, 2025, 2, 28);
	add_months_is(2024, 2, 29, 48, 2028, 2, 29);
	add_months_is(2026, 3, 31, -1, 2026, 2, 28);
	add_months_is(2026, 5, 31, 1, 2026, 6, 30);
	add_months_is(2026, 1, 15, 13, 2027, 2, 15);
	add_months_is(2026, 12, 31, 2, 2027, 2, 28);
	add_months_is(2000, 1, 31, -1, 1999, 12, 31);
	add_months_is(2026, 3, 15, -27, 2023, 12, 15);
	add_months_is(2026, 9, 25, 0, 2026, 9, 25);
	add_months_is(2100, 1, 29, 1, 2100, 2, 28);
	add_months_is(2000, 1, 30, 1, 2000, 2, 29);
	add_months_is(1, 1, 1, -1, 0, 12, 1);
	add_months_is(0, 1, 31, -11, -1, 2, 28);
	add_months_is(-1000000, 1, 1, 12000000, 0, 1, 1);
	add_months_is(1000000, 12, 31, -12000000, 0, 12, 31);
	{
		int64_t		r = 12345;

		ok(!civil_add_months(0, INT64_C(12000001), &r), "more than 12,000,000 months refused");
		ok(!civil_add_months(0, -INT64_C(12000001), &r), "less than -12,000,000 months refused");
		ok(!civil_add_months(0, INT64_MAX, &r), "INT64_MAX months refused");
		ok(!civil_add_months(0, INT64_MIN, &r), "INT64_MIN months refused");
		/* 2000 + 998,001 years = 1,000,001: out of range */
		ok(!civil_add_months(0, INT64_C(998001) * 12, &r), "year 1,000,001 refused");
		ok(civil_add_months(0, INT64_C(998000) * 12, &r), "year 1,000,000 accepted");
		is_int(r, civil_days_from_ymd(1000000, 1, 1), "year 1,000,000 result");
		ok(!civil_add_months(civil_days_from_ymd(2026, 1, 1), 12000000, &r),
		   "2026 + 1,000,000 years refused");
	}

	return tap_done();
}
