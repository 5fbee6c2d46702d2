/*
 * calendar.h - compiled working calendars and their day and time arithmetic,
 * pure C.
 *
 * A calendar is a weekly pattern of working intervals, dated exceptions
 * (holidays, extra working days with optional own hours), the range of days
 * its holiday data covers, and a time zone.  Compiled, it becomes one block of
 * memory: a per-day schedule and a running count of working days over the
 * span where exceptions exist, and the weekly pattern outside it.  Working-day
 * arithmetic is then O(log n) whatever the distance; nothing is walked day by
 * day.
 */
#ifndef CRM_CALENDAR_H
#define CRM_CALENDAR_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "zone.h"

/* The days an instant can fall on (PostgreSQL's timestamp range). */
#define CAL_DAY_MIN INT64_C(-2451545)	/* 4714-11-24 BC */
#define CAL_DAY_MAX INT64_C(106751982)	/* 294276-12-31 */

typedef struct CalInterval
{
	int64_t		open;			/* usecs after local midnight, 0 .. 24h */
	int64_t		close;			/* > open, <= 24h */
} CalInterval;

typedef struct CalException
{
	int64_t		day;
	bool		working;		/* true: extra working day; false: holiday */
	int32_t		nintervals;		/* own hours of an extra working day, 0 = usual */
	const CalInterval *intervals;
} CalException;

typedef struct CalSpec
{
	bool		has_lo;			/* covered range; unbounded side if false */
	bool		has_hi;
	int64_t		cov_lo;
	int64_t		cov_hi;
	int32_t		nweek[7];		/* ISO Monday .. Sunday */
	const CalInterval *week[7];
	int32_t		nexceptions;	/* ascending by day, one per day */
	const CalException *exceptions;
	Zone		zone;

	/*
	 * A forecast: the days from forecast_from to cov_hi are assumed, not
	 * announced (the exceptions there are the forecast's).  A computation
	 * that needs one of them succeeds and is marked provisional.
	 */
	bool		has_forecast;
	int64_t		forecast_from;
} CalSpec;

typedef enum CalStatus
{
	CAL_OK = 0,
	CAL_ERR_UNCOVERED,			/* needs a day outside the covered range */
	CAL_ERR_RANGE,				/* result outside the supported date range */
	CAL_ERR_NO_WORKING_DAY,		/* no working day in that direction, ever */
	CAL_ERR_NEEDS_TIME,			/* an hour term applied to a date */
	/* spec problems, found by calendar_validate */
	CAL_ERR_BAD_INTERVAL,		/* open < 0, close > 24h or open >= close */
	CAL_ERR_OVERLAP,				/* intervals overlap or are out of order */
	CAL_ERR_EXCEPTION_ORDER,		/* exceptions not ascending, or a day twice */
	CAL_ERR_HOLIDAY_HOURS,		/* a holiday with hours */
	CAL_ERR_NO_USUAL_HOURS,		/* extra working day, no own hours, no weekly hours */
	CAL_ERR_BAD_COVERAGE			/* cov_lo > cov_hi, outside the date range, or a forecast outside it */
} CalStatus;

/*
 * Details of a computation, for messages: zero it before a computation.  A
 * failure fills day, weekday and index; a success that needed a day of the
 * calendar's forecast sets provisional.
 */
typedef struct CalError
{
	int64_t		day;			/* the first day not covered; the bad exception's day */
	int32_t		weekday;		/* ISO weekday of a bad weekly interval, 0 if none */
	int32_t		index;			/* which interval */
	bool		provisional;	/* the result used days of the forecast */
} CalError;

typedef struct Calendar Calendar;

extern CalStatus calendar_validate(const CalSpec *spec, CalError *err);

/* Bytes needed to compile a validated spec. */
extern size_t calendar_compiled_size(const CalSpec *spec);

/* Compile a validated spec into mem (calendar_compiled_size bytes, 8-aligned). */
extern Calendar *calendar_compile(const CalSpec *spec, void *mem);

/* Size in bytes of a compiled calendar. */
extern size_t calendar_size(const Calendar *cal);

extern const Zone *calendar_zone(const Calendar *cal);

/* Covered days, inclusive; CAL_DAY_MIN / CAL_DAY_MAX for an unbounded side. */
extern void calendar_coverage(const Calendar *cal, int64_t *lo, int64_t *hi);

/* The first day of the forecast, if the calendar was compiled with one. */
extern bool calendar_forecast_from(const Calendar *cal, int64_t *day);

/* Days with per-day data (the exception span). */
extern int32_t calendar_table_days(const Calendar *cal);

/* Day arithmetic, days as day numbers (0 = 2000-01-01). */
extern CalStatus calendar_is_working_day(const Calendar *cal, int64_t day,
								  bool *result, CalError *err);
extern CalStatus calendar_add_working_days(const Calendar *cal, int64_t day,
									int64_t n, int64_t *result, CalError *err);
extern CalStatus calendar_working_days_between(const Calendar *cal, int64_t from,
										int64_t to, int64_t *result, CalError *err);

/* Working time, instants as usecs since 2000-01-01 UTC. */
extern CalStatus calendar_add_working_time(const Calendar *cal, int64_t start,
									int64_t amount, int64_t *result, CalError *err);
extern CalStatus calendar_working_time_between(const Calendar *cal, int64_t from,
										int64_t to, int64_t *result, CalError *err);

/* Working intervals of one day as instants; returns count (at most max). */
extern int	calendar_day_intervals(const Calendar *cal, int64_t day,
							 int64_t *opens, int64_t *closes, int max);

/* The end of a day's last working interval as an instant; false if the day has none. */
extern bool calendar_day_close(const Calendar *cal, int64_t day, int64_t *close);

#endif
