/*
 * due.h - when a term falls due, from an instant or a date, on a calendar.
 * Pure C.
 */
#ifndef CRM_DUE_H
#define CRM_DUE_H

#include "calendar.h"
#include "term.h"

/*
 * How a period of days, weeks, months or years ends (Civil Code Art. 201-204).
 * Art. 201: the first day is not counted; Art. 202: a month without the
 * matching day ends on its last day.  Then:
 */
typedef enum DueConvention
{
	/*
	 * Art. 203: a period whose last day is a day off (a holiday or weekly rest
	 * day; a make-up working day is a working day) ends on the next working
	 * day; and it ends at the close of business of that day, or at 24:00 where
	 * the day has no business hours.  The default.
	 */
	DUE_FOLLOWING = 0,
	/* Art. 204 allows the parties to agree otherwise: the last day as counted, at the start's time of day. */
	DUE_UNADJUSTED = 1
} DueConvention;

/*
 * A term applied to an instant on this calendar: minutes and hours elapse,
 * working units count working time, and days to years end as conv says.
 * SLA clocks count time (DUE_UNADJUSTED).
 */
extern CalStatus due_instant(const Calendar *cal, int64_t start, const Term *t,
							 DueConvention conv, int64_t *result, CalError *err);

/* The due date of a term of days or longer from a date. */
extern CalStatus due_date(const Calendar *cal, int64_t day, const Term *t,
						  DueConvention conv, int64_t *result, CalError *err);

/*
 * The latest date x with due_date(x, t, conv) <= day: the last day to give a
 * notice of period t before day ("30 days before expiry").  due_date is
 * monotone in x, so this is its inverse in the sense of a Galois connection:
 * due_date(x) <= day exactly when x <= due_date_before(day).
 */
extern CalStatus due_date_before(const Calendar *cal, int64_t day, const Term *t,
								 DueConvention conv, int64_t *result, CalError *err);

#endif
