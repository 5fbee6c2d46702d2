/*
 * civil.h - proleptic Gregorian dates as day numbers, pure C.
 *
 * Day 0 is 2000-01-01, the same epoch as PostgreSQL's date and timestamp, so
 * the glue passes DateADT values through unchanged.  Instants are int64
 * microseconds since 2000-01-01 00:00, like TimestampTz.
 */
#ifndef CRM_CIVIL_H
#define CRM_CIVIL_H

#include <stdint.h>
#include <stdbool.h>

#define CIVIL_USECS_PER_DAY INT64_C(86400000000)
#define CIVIL_USECS_PER_HOUR INT64_C(3600000000)
#define CIVIL_USECS_PER_MINUTE INT64_C(60000000)

/* Days since 2000-01-01 for a civil date (month 1..12, day 1..31). */
extern int64_t civil_days_from_ymd(int64_t y, int m, int d);

/* The civil date of a day number. */
extern void civil_ymd_from_days(int64_t days, int64_t *y, int *m, int *d);

/* ISO weekday: 1 = Monday .. 7 = Sunday. */
static inline int
civil_iso_weekday(int64_t days)
{
	/* 2000-01-01 was a Saturday (6) */
	int64_t		r = (days + 5) % 7;

	if (r < 0)
		r += 7;
	return (int) r + 1;
}

extern int	civil_days_in_month(int64_t y, int m);

/* Floor division, so that negative instants fall on the right day. */
static inline int64_t
civil_floor_div(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

/*
 * Add months to a day number the way PostgreSQL's date + interval does: the
 * day of month is kept and clamped to the month's length (01-31 + 1 month =
 * 02-28).  Returns false if the year leaves +-1,000,000.
 */
extern bool civil_add_months(int64_t days, int64_t months, int64_t *result);

#endif
