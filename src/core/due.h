/*
 * due.h - when a term falls due, from an instant or a date, on a calendar.
 * Pure C.
 */
#ifndef CRM_DUE_H
#define CRM_DUE_H

#include "calendar.h"
#include "term.h"

/* A term applied to an instant or a date on this calendar. */
extern CalStatus due_instant(const Calendar *cal, int64_t start,
							   const Term *t, int64_t *result, CalError *err);
extern CalStatus due_date(const Calendar *cal, int64_t day,
							const Term *t, int64_t *result, CalError *err);

/* The latest date that is still a term before day ("notice 30 days before expiry"). */
extern CalStatus due_date_before(const Calendar *cal, int64_t day,
								   const Term *t, int64_t *result, CalError *err);

#endif
