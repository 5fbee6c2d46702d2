/*
 * test_sla_clock.c - SLA deadlines and warning instants with pauses.
 *
 * Calendar "CN-like": Mon-Fri 09:00-12:00 and 13:00-18:00 at +08:00;
 * 2026-10-01..07 holidays, Saturday 2026-10-10 worked.  2026-09-30 is a
 * Wednesday, 10-08 a Thursday, 10-09 a Friday.  Every expected instant is
 * counted by hand in the comment next to it.
 */
#include "tap.h"
#include "civil.h"
#include "sla_clock.h"

#include <stdlib.h>

#define H CIVIL_USECS_PER_HOUR
#define MIN CIVIL_USECS_PER_MINUTE
#define CN 28800

static int64_t
T(int y, int m, int d, int h, int mi)
{
	return (civil_days_from_ymd(y, m, d) * 86400 + h * 3600 + mi * 60 - CN) * INT64_C(1000000);
}

static const CalInterval hours[2] = {{9 * H, 12 * H}, {13 * H, 18 * H}};
static CalException exc[8];

static Calendar *
cn_like(void)
{
	CalSpec		s;
	CalError		err;
	int			i;
	void	   *mem;

	memset(&s, 0, sizeof(s));
	for (i = 0; i < 5; i++)
	{
		s.nweek[i] = 2;
		s.week[i] = hours;
	}
	for (i = 0; i < 7; i++)
	{
		exc[i].day = civil_days_from_ymd(2026, 10, 1 + i);
		exc[i].working = false;
	}
	exc[7].day = civil_days_from_ymd(2026, 10, 10);
	exc[7].working = true;
	s.nexceptions = 8;
	s.exceptions = exc;
	s.zone.base = CN;
	if (calendar_validate(&s, &err) != CAL_OK)
		abort();
	mem = malloc(calendar_compiled_size(&s));
	return calendar_compile(&s, mem);
}

static void
deadline_is(const Calendar *cal, int32_t q, int unit, int64_t start,
			const SlaPause *p, int np, int64_t expected, const char *what)
{
	Term		t = {q, (uint8_t) unit};
	CalError		err;
	int64_t		got = 0;
	CalStatus	st = sla_clock_deadline(cal, &t, start, p, np, &got, &err);

	ok(st == CAL_OK, "%s: status", what);
	is_int(got, expected, "%s", what);
}

static void
share_is(const Calendar *cal, int32_t q, int unit, int64_t start, int32_t share,
		 const SlaPause *p, int np, int64_t expected, const char *what)
{
	Term		t = {q, (uint8_t) unit};
	CalError		err;
	int64_t		got = 0;
	CalStatus	st = sla_clock_share_instant(cal, &t, start, share, p, np, &got, &err);

	ok(st == CAL_OK, "%s: status", what);
	is_int(got, expected, "%s", what);
}

int
main(void)
{
	Calendar *cal = cn_like();
	int64_t		open930 = T(2026, 9, 30, 17, 0);

	/* 2 working hours from Wed 09-30 17:00: 17-18, then 10-08 09-10 */
	deadline_is(cal, 2, TERM_WORKING_HOURS, open930, NULL, 0, T(2026, 10, 8, 10, 0),
				"no pause: 10-08 10:00");
	{
		/* counted 17-18 and 10-08 09:00-09:30; paused to 11:00; 11:00-11:30 */
		SlaPause	p[1] = {{T(2026, 10, 8, 9, 30), T(2026, 10, 8, 11, 0)}};

		deadline_is(cal, 2, TERM_WORKING_HOURS, open930, p, 1, T(2026, 10, 8, 11, 30),
					"pause of 1.5 working hours: 11:30");
	}
	{
		/* a pause over the holidays costs no working time: 09-30 17:30 to 10-08 09:00 is 0.5 h */
		SlaPause	p[1] = {{T(2026, 9, 30, 17, 30), T(2026, 10, 8, 9, 0)}};

		deadline_is(cal, 2, TERM_WORKING_HOURS, open930, p, 1, T(2026, 10, 8, 10, 30),
					"pause across the holidays: 10:30");
	}
	{
		/* Fri 10-09 11:00 + 2 working hours = 14:00; paused 11:30-13:30 (0.5 h + lunch + 0.5 h):
		   counted 11:00-11:30, then 13:30-15:00 */
		SlaPause	p[1] = {{T(2026, 10, 9, 11, 30), T(2026, 10, 9, 13, 30)}};

		deadline_is(cal, 2, TERM_WORKING_HOURS, T(2026, 10, 9, 11, 0), NULL, 0, T(2026, 10, 9, 14, 0),
					"lunch: 14:00");
		deadline_is(cal, 2, TERM_WORKING_HOURS, T(2026, 10, 9, 11, 0), p, 1, T(2026, 10, 9, 15, 0),
					"pause over lunch: 15:00");
	}
	{
		/* a pause that starts after the clock ran out, or before the cycle, moves nothing */
		SlaPause	late[1] = {{T(2026, 10, 9, 15, 0), T(2026, 10, 9, 16, 0)}};
		SlaPause	before[1] = {{T(2026, 9, 30, 10, 0), T(2026, 9, 30, 12, 0)}};

		deadline_is(cal, 2, TERM_WORKING_HOURS, T(2026, 10, 9, 11, 0), late, 1, T(2026, 10, 9, 14, 0),
					"pause after the deadline");
		deadline_is(cal, 2, TERM_WORKING_HOURS, open930, before, 1, T(2026, 10, 8, 10, 0),
					"pause before the cycle");
	}
	{
		/* a pause still running is not counted yet */
		SlaPause	p[1] = {{T(2026, 10, 8, 9, 30), SLA_PAUSE_OPEN}};

		deadline_is(cal, 2, TERM_WORKING_HOURS, open930, p, 1, T(2026, 10, 8, 10, 0),
					"open pause");
	}
	{
		/* Fri 10-09 09:00 + 8 working hours = 18:00.  Paused 10-11 (1 h) and 17:00 to Sat 10:00
		   (17-18 and Sat 09-10: 2 h).  Counted 09-10, 11-12, 13-17 = 6 h; Sat 10-12 = 2 h. */
		SlaPause	p[2] = {{T(2026, 10, 9, 10, 0), T(2026, 10, 9, 11, 0)},
		{T(2026, 10, 9, 17, 0), T(2026, 10, 10, 10, 0)}};

		deadline_is(cal, 8, TERM_WORKING_HOURS, T(2026, 10, 9, 9, 0), p, 2, T(2026, 10, 10, 12, 0),
					"two pauses: Saturday 12:00");
	}
	{
		/* elapsed units count every minute: 10-01 23:30 + 1 hour = 10-02 00:30; 30 min paused */
		SlaPause	p[1] = {{T(2026, 10, 1, 23, 45), T(2026, 10, 2, 0, 15)}};

		deadline_is(cal, 1, TERM_HOURS, T(2026, 10, 1, 23, 30), NULL, 0, T(2026, 10, 2, 0, 30),
					"1 hour over midnight on a holiday");
		deadline_is(cal, 1, TERM_HOURS, T(2026, 10, 1, 23, 30), p, 1, T(2026, 10, 2, 1, 0),
					"1 hour, 30 minutes paused");
	}

	/* warnings: 50% of 2 working hours from 09-30 17:00 is 1 h (18:00); 75% is 1.5 h (10-08 09:30) */
	share_is(cal, 2, TERM_WORKING_HOURS, open930, 500000, NULL, 0, T(2026, 9, 30, 18, 0), "50%");
	share_is(cal, 2, TERM_WORKING_HOURS, open930, 750000, NULL, 0, T(2026, 10, 8, 9, 30), "75%");
	{
		/* 75% with a pause 09:15-11:00: counted 17-18 and 09:00-09:15, the last 15 minutes after
		   11:00 -> 11:15.  A pause that begins exactly at the instant comes too late: 09:30 stays. */
		SlaPause	p[1] = {{T(2026, 10, 8, 9, 15), T(2026, 10, 8, 11, 0)}};
		SlaPause	q[1] = {{T(2026, 10, 8, 9, 30), T(2026, 10, 8, 11, 0)}};

		share_is(cal, 2, TERM_WORKING_HOURS, open930, 750000, p, 1, T(2026, 10, 8, 11, 15), "75% paused");
		share_is(cal, 2, TERM_WORKING_HOURS, open930, 750000, q, 1, T(2026, 10, 8, 9, 30), "75%, pause at the instant");
		share_is(cal, 2, TERM_WORKING_HOURS, open930, 500000, p, 1, T(2026, 9, 30, 18, 0),
				 "50% before the pause");
	}
	/* 3 working days from Fri 10-09 10:00 = Tue 10-13 10:00 (Sat 10-10 and Mon 10-12 worked);
	   that is 7 + 8 + 8 + 1 = 24 working hours, half is 12: Fri 7 h, Sat 09-12 and 13-15 */
	deadline_is(cal, 3, TERM_WORKING_DAYS, T(2026, 10, 9, 10, 0), NULL, 0, T(2026, 10, 13, 10, 0),
				"3 working days");
	share_is(cal, 3, TERM_WORKING_DAYS, T(2026, 10, 9, 10, 0), 500000, NULL, 0, T(2026, 10, 10, 15, 0),
			 "50% of 3 working days");
	/* 1 hour elapsed, 50% = 30 minutes */
	share_is(cal, 1, TERM_HOURS, T(2026, 10, 1, 23, 30), 500000, NULL, 0, T(2026, 10, 2, 0, 0),
			 "50% of 1 hour");

	{
		Term		t = {2, TERM_WORKING_HOURS};
		CalError		err;
		int64_t		got = 0;

		ok(sla_clock_elapsed(cal, &t, open930, T(2026, 10, 8, 10, 0), &got, &err) == CAL_OK &&
		   got == 2 * H, "elapsed working time 09-30 17:00 .. 10-08 10:00 = 2 h");
		ok(sla_clock_share_instant(cal, &t, open930, 0, NULL, 0, &got, &err) == CAL_ERR_RANGE, "share 0 refused");
		ok(sla_clock_share_instant(cal, &t, open930, SLA_SHARE_SCALE, NULL, 0, &got, &err) == CAL_ERR_RANGE,
		   "share 1 refused");
	}
	return tap_done();
}
