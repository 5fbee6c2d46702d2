/*
 * test_zone.c - instant <-> local time over an offset-change table.
 *
 * America/New_York in 2026, written by hand: EST (-5h) until
 * 2026-03-08 07:00 UTC (02:00 EST becomes 03:00 EDT), EDT (-4h) until
 * 2026-11-01 06:00 UTC (02:00 EDT becomes 01:00 EST).
 */
#include "tap.h"
#include "civil.h"
#include "zone.h"

#define H CIVIL_USECS_PER_HOUR
#define MIN CIVIL_USECS_PER_MINUTE

/* Instant of y-m-d h:mi at UTC offset off (seconds east). */
static int64_t
T(int y, int m, int d, int h, int mi, int32_t off)
{
	return (civil_days_from_ymd(y, m, d) * 86400 + h * 3600 + mi * 60 - off) *
		INT64_C(1000000);
}

/* Local wall-clock value of y-m-d h:mi. */
static int64_t
L(int y, int m, int d, int h, int mi)
{
	return T(y, m, d, h, mi, 0);
}

#define EST (-18000)
#define EDT (-14400)

int
main(void)
{
	ZoneShift	ny_shifts[2];
	Zone		ny;
	Zone		cst = {28800, 0, NULL};

	ny_shifts[0].at = T(2026, 3, 8, 7, 0, 0);
	ny_shifts[0].before = EST;
	ny_shifts[0].after = EDT;
	ny_shifts[1].at = T(2026, 11, 1, 6, 0, 0);
	ny_shifts[1].before = EDT;
	ny_shifts[1].after = EST;
	ny.base = EST;
	ny.nshifts = 2;
	ny.shifts = ny_shifts;

	/* the helper itself: 2000-01-01 00:00 UTC is 0, +08:00 is 8 hours earlier */
	is_int(T(2000, 1, 1, 0, 0, 0), 0, "T(epoch) = 0");
	is_int(T(2000, 1, 1, 8, 0, 28800), 0, "08:00 +08 on 2000-01-01 is the epoch");
	is_int(T(2000, 1, 2, 1, 30, 0), 86400000000LL + 90 * MIN, "T(2000-01-02 01:30)");

	/* fixed offset: +8h both ways */
	is_int(zone_to_local(&cst, 0), 8 * H, "fixed +8: local of epoch");
	is_int(zone_to_instant(&cst, 8 * H), 0, "fixed +8: instant of 08:00");
	is_int(zone_to_instant(&cst, 0), -8 * H, "fixed +8: local midnight is 8h before");
	is_int(zone_next_shift(&cst, 0), 0, "fixed: no shifts");

	/* before, between and after the changes */
	is_int(zone_to_local(&ny, T(2026, 1, 15, 17, 0, 0)), L(2026, 1, 15, 12, 0), "January: EST");
	is_int(zone_to_local(&ny, T(2026, 7, 1, 16, 0, 0)), L(2026, 7, 1, 12, 0), "July: EDT");
	is_int(zone_to_local(&ny, T(2026, 12, 1, 17, 0, 0)), L(2026, 12, 1, 12, 0), "December: EST");
	/* spring forward: 06:59 UTC is 01:59 EST, 07:00 UTC is 03:00 EDT */
	is_int(zone_to_local(&ny, T(2026, 3, 8, 6, 59, 0)), L(2026, 3, 8, 1, 59), "01:59 EST");
	is_int(zone_to_local(&ny, T(2026, 3, 8, 7, 0, 0)), L(2026, 3, 8, 3, 0), "at the change: 03:00 EDT");
	/* fall back: 05:30 UTC is 01:30 EDT, 06:30 UTC is 01:30 EST */
	is_int(zone_to_local(&ny, T(2026, 11, 1, 5, 30, 0)), L(2026, 11, 1, 1, 30), "01:30 EDT");
	is_int(zone_to_local(&ny, T(2026, 11, 1, 6, 0, 0)), L(2026, 11, 1, 1, 0), "at the change: 01:00 EST");
	is_int(zone_to_local(&ny, T(2026, 11, 1, 6, 30, 0)), L(2026, 11, 1, 1, 30), "01:30 EST");

	is_int(zone_to_instant(&ny, L(2026, 1, 15, 12, 0)), T(2026, 1, 15, 12, 0, EST), "noon EST");
	is_int(zone_to_instant(&ny, L(2026, 7, 1, 12, 0)), T(2026, 7, 1, 12, 0, EDT), "noon EDT");
	is_int(zone_to_instant(&ny, L(2026, 12, 1, 12, 0)), T(2026, 12, 1, 12, 0, EST), "noon EST again");

	/* the gap 02:00..03:00 on 2026-03-08 maps to the change, 07:00 UTC */
	is_int(zone_to_instant(&ny, L(2026, 3, 8, 1, 59)), T(2026, 3, 8, 6, 59, 0), "01:59 before the gap");
	is_int(zone_to_instant(&ny, L(2026, 3, 8, 2, 0)), T(2026, 3, 8, 7, 0, 0), "02:00 in the gap");
	is_int(zone_to_instant(&ny, L(2026, 3, 8, 2, 30)), T(2026, 3, 8, 7, 0, 0), "02:30 in the gap");
	is_int(zone_to_instant(&ny, L(2026, 3, 8, 2, 59)), T(2026, 3, 8, 7, 0, 0), "02:59 in the gap");
	is_int(zone_to_instant(&ny, L(2026, 3, 8, 3, 0)), T(2026, 3, 8, 7, 0, 0), "03:00 EDT");
	is_int(zone_to_instant(&ny, L(2026, 3, 8, 3, 1)), T(2026, 3, 8, 7, 1, 0), "03:01 EDT");

	/* the ambiguous hour 01:00..02:00 on 2026-11-01: first (EDT) occurrence */
	is_int(zone_to_instant(&ny, L(2026, 11, 1, 0, 59)), T(2026, 11, 1, 4, 59, 0), "00:59 EDT");
	is_int(zone_to_instant(&ny, L(2026, 11, 1, 1, 0)), T(2026, 11, 1, 5, 0, 0), "01:00 -> EDT");
	is_int(zone_to_instant(&ny, L(2026, 11, 1, 1, 30)), T(2026, 11, 1, 5, 30, 0), "01:30 -> EDT");
	is_int(zone_to_instant(&ny, L(2026, 11, 1, 1, 59)), T(2026, 11, 1, 5, 59, 0), "01:59 -> EDT");
	is_int(zone_to_instant(&ny, L(2026, 11, 1, 2, 0)), T(2026, 11, 1, 7, 0, 0), "02:00 EST");

	/* zone_next_shift: first shift at or after */
	is_int(zone_next_shift(&ny, T(2026, 1, 1, 0, 0, 0)), 0, "next shift in January");
	is_int(zone_next_shift(&ny, ny_shifts[0].at), 0, "next shift at the first");
	is_int(zone_next_shift(&ny, ny_shifts[0].at + 1), 1, "next shift just after the first");
	is_int(zone_next_shift(&ny, ny_shifts[1].at), 1, "next shift at the second");
	is_int(zone_next_shift(&ny, ny_shifts[1].at + 1), 2, "no shift after the second");

	/* round trips on every hour of 2026 outside the gap and the repeated hour */
	{
		int64_t		t;
		long		bad = 0;

		for (t = T(2026, 1, 1, 0, 0, 0); t < T(2027, 1, 1, 0, 0, 0); t += H)
			if (zone_to_instant(&ny, zone_to_local(&ny, t)) != t &&
				t != T(2026, 11, 1, 6, 0, 0))	/* 01:00 EST = second 01:00 */
				bad++;
		is_int(bad, 0, "instant -> local -> instant over 2026");
	}

	return tap_done();
}
