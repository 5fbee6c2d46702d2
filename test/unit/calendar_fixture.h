/*
 * calendar_fixture.h - what the calendar unit tests share: dates and
 * instants written as y-m-d (h:mi at an offset), the CN working hours,
 * a spec of weekday hours, and compiling a spec with its own checks.
 */
#ifndef CRM_CALENDAR_FIXTURE_H
#define CRM_CALENDAR_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "civil.h"
#include "calendar.h"

#define H CIVIL_USECS_PER_HOUR
#define MIN CIVIL_USECS_PER_MINUTE
#define DAYUS CIVIL_USECS_PER_DAY

#define CN (28800)				/* +08:00 */
#define UTC 0
#define EST (-18000)
#define EDT (-14400)

static int64_t
D(int y, int m, int d)
{
	return civil_days_from_ymd(y, m, d);
}

/* Instant of y-m-d h:mi at UTC offset off (seconds east). */
static int64_t
T(int y, int m, int d, int h, int mi, int32_t off)
{
	return (D(y, m, d) * 86400 + h * 3600 + mi * 60 - off) * INT64_C(1000000);
}

static const char *
sname(CalStatus st)
{
	switch (st)
	{
		case CAL_OK: return "OK";
		case CAL_ERR_UNCOVERED: return "UNCOVERED";
		case CAL_ERR_RANGE: return "RANGE";
		case CAL_ERR_NO_WORKING_DAY: return "NO_WORKING_DAY";
		case CAL_ERR_NEEDS_TIME: return "NEEDS_TIME";
		case CAL_ERR_BAD_INTERVAL: return "BAD_INTERVAL";
		case CAL_ERR_OVERLAP: return "OVERLAP";
		case CAL_ERR_EXCEPTION_ORDER: return "EXCEPTION_ORDER";
		case CAL_ERR_HOLIDAY_HOURS: return "HOLIDAY_HOURS";
		case CAL_ERR_NO_USUAL_HOURS: return "NO_USUAL_HOURS";
		case CAL_ERR_BAD_COVERAGE: return "BAD_COVERAGE";
	}
	return "?";
}

/* Render an instant as "YYYY-MM-DD HH:MM UTC" for failure messages. */
static const char *
fmt_instant(int64_t t)
{
	static char bufs[4][48];
	static int	which;
	char	   *b = bufs[which++ % 4];
	int64_t		day = civil_floor_div(t, DAYUS);
	int64_t		rem = t - day * DAYUS;
	int64_t		y;
	int			m,
				d;

	civil_ymd_from_days(day, &y, &m, &d);
	snprintf(b, 48, "%lld-%02d-%02d %02d:%02d:%02d UTC", (long long) y, m, d,
			 (int) (rem / H), (int) (rem % H / MIN), (int) (rem % MIN / 1000000));
	return b;
}

static const char *
fmt_day(int64_t day)
{
	static char bufs[4][32];
	static int	which;
	char	   *b = bufs[which++ % 4];
	int64_t		y;
	int			m,
				d;

	civil_ymd_from_days(day, &y, &m, &d);
	snprintf(b, 32, "%lld-%02d-%02d", (long long) y, m, d);
	return b;
}

/* Monday..Friday 09:00-12:00 and 13:00-18:00. */
static const CalInterval cn_hours[2] = {{9 * H, 12 * H}, {13 * H, 18 * H}};
static const CalInterval nine_to_five[1] = {{9 * H, 17 * H}};
static const CalInterval whole_day[1] = {{0, 24 * H}};

static void
weekdays(CalSpec *s, const CalInterval *iv, int32_t n)
{
	int			w;

	memset(s, 0, sizeof(*s));
	for (w = 0; w < 5; w++)
	{
		s->nweek[w] = n;
		s->week[w] = iv;
	}
}

static Calendar *
compile(const CalSpec *spec, const char *name)
{
	CalError		err;
	CalStatus	st = calendar_validate(spec, &err);
	void	   *mem;
	Calendar *cal;

	is_str(sname(st), "OK", "%s: spec validates", name);
	if (st != CAL_OK)
	{
		tap_done();
		exit(1);
	}
	mem = malloc(calendar_compiled_size(spec));
	cal = calendar_compile(spec, mem);
	is_int((int64_t) calendar_size(cal), (int64_t) calendar_compiled_size(spec), "%s: calendar_size", name);
	is_int(calendar_zone(cal)->base, spec->zone.base, "%s: zone base kept", name);
	return cal;
}

#endif
