/*
 * workcal.h - compiled working calendars and their arithmetic, pure C.
 *
 * A calendar is a weekly pattern of working intervals, dated exceptions
 * (holidays, extra working days with optional own hours), the range of days
 * its holiday data covers, and a time zone.  Compiled, it becomes one block of
 * memory: a per-day schedule and a running count of working days over the
 * span where exceptions exist, and the weekly pattern outside it.  Working-day
 * arithmetic is then O(log n) whatever the distance; nothing is walked day by
 * day.
 */
#ifndef CRM_WORKCAL_H
#define CRM_WORKCAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "zone.h"
#include "term.h"

/* The days an instant can fall on (PostgreSQL's timestamp range). */
#define WC_DAY_MIN INT64_C(-2451545)	/* 4714-11-24 BC */
#define WC_DAY_MAX INT64_C(106751982)	/* 294276-12-31 */

typedef struct WcInterval
{
	int64_t		open;			/* usecs after local midnight, 0 .. 24h */
	int64_t		close;			/* > open, <= 24h */
} WcInterval;

typedef struct WcException
{
	int64_t		day;
	bool		working;		/* true: extra working day; false: holiday */
	int32_t		nintervals;		/* own hours of an extra working day, 0 = usual */
	const WcInterval *intervals;
} WcException;

typedef struct WcSpec
{
	bool		has_lo;			/* covered range; unbounded side if false */
	bool		has_hi;
	int64_t		cov_lo;
	int64_t		cov_hi;
	int32_t		nweek[7];		/* ISO Monday .. Sunday */
	const WcInterval *week[7];
	int32_t		nexceptions;	/* ascending by day, one per day */
	const WcException *exceptions;
	Zone		zone;
} WcSpec;

typedef enum WcStatus
{
	WC_OK = 0,
	WC_ERR_UNCOVERED,			/* needs a day outside the covered range */
	WC_ERR_RANGE,				/* result outside the supported date range */
	WC_ERR_NO_WORKING_DAY,		/* no working day in that direction, ever */
	WC_ERR_NEEDS_TIME,			/* an hour term applied to a date */
	/* spec problems, found by wc_validate */
	WC_ERR_BAD_INTERVAL,		/* open < 0, close > 24h or open >= close */
	WC_ERR_OVERLAP,				/* intervals overlap or are out of order */
	WC_ERR_EXCEPTION_ORDER,		/* exceptions not ascending, or a day twice */
	WC_ERR_HOLIDAY_HOURS,		/* a holiday with hours */
	WC_ERR_NO_USUAL_HOURS,		/* extra working day, no own hours, no weekly hours */
	WC_ERR_BAD_COVERAGE			/* cov_lo > cov_hi or outside the date range */
} WcStatus;

/* Details of a failure, for messages. */
typedef struct WcError
{
	int64_t		day;			/* the first day not covered; the bad exception's day */
	int32_t		weekday;		/* ISO weekday of a bad weekly interval, 0 if none */
	int32_t		index;			/* which interval */
} WcError;

typedef struct WorkCalendar WorkCalendar;

extern WcStatus wc_validate(const WcSpec *spec, WcError *err);

/* Bytes needed to compile a validated spec. */
extern size_t wc_compiled_size(const WcSpec *spec);

/* Compile a validated spec into mem (wc_compiled_size bytes, 8-aligned). */
extern WorkCalendar *wc_compile(const WcSpec *spec, void *mem);

/* Size in bytes of a compiled calendar. */
extern size_t wc_size(const WorkCalendar *cal);

extern const Zone *wc_zone(const WorkCalendar *cal);

/* Covered days, inclusive; WC_DAY_MIN / WC_DAY_MAX for an unbounded side. */
extern void wc_coverage(const WorkCalendar *cal, int64_t *lo, int64_t *hi);

/* Days with per-day data (the exception span). */
extern int32_t wc_table_days(const WorkCalendar *cal);

/* Day arithmetic, days as day numbers (0 = 2000-01-01). */
extern WcStatus wc_is_working_day(const WorkCalendar *cal, int64_t day,
								  bool *result, WcError *err);
extern WcStatus wc_add_working_days(const WorkCalendar *cal, int64_t day,
									int64_t n, int64_t *result, WcError *err);
extern WcStatus wc_working_days_between(const WorkCalendar *cal, int64_t from,
										int64_t to, int64_t *result, WcError *err);

/* Working time, instants as usecs since 2000-01-01 UTC. */
extern WcStatus wc_add_working_time(const WorkCalendar *cal, int64_t start,
									int64_t amount, int64_t *result, WcError *err);
extern WcStatus wc_working_time_between(const WorkCalendar *cal, int64_t from,
										int64_t to, int64_t *result, WcError *err);

/* A term applied to an instant or a date on this calendar. */
extern WcStatus wc_due_instant(const WorkCalendar *cal, int64_t start,
							   const Term *t, int64_t *result, WcError *err);
extern WcStatus wc_due_date(const WorkCalendar *cal, int64_t day,
							const Term *t, int64_t *result, WcError *err);

/* The latest date that is still a term before day ("notice 30 days before expiry"). */
extern WcStatus wc_due_date_before(const WorkCalendar *cal, int64_t day,
								   const Term *t, int64_t *result, WcError *err);

/* Working intervals of one day as instants; returns count (at most max). */
extern int	wc_day_intervals(const WorkCalendar *cal, int64_t day,
							 int64_t *opens, int64_t *closes, int max);

#endif
