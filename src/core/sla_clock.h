/*
 * sla_clock.h - the SLA clock of one ticket and metric, pure C.
 *
 * A target (2 working hours, 1 hour on 24x7, 3 working days) runs from the
 * start of its cycle (the opening, or the last reopening) on one calendar and
 * stops while the ticket is paused.  Deadlines and warning instants follow
 * from the start, the term and the closed pauses alone, so any of them can be
 * recomputed from scratch after a priority or calendar change.
 */
#ifndef CRM_SLA_CLOCK_H
#define CRM_SLA_CLOCK_H

#include <stdint.h>
#include <stdbool.h>

#include "term.h"
#include "due.h"

#define SLA_PAUSE_OPEN INT64_MAX	/* a pause still running */
#define SLA_SHARE_SCALE 1000000		/* warning shares in millionths: 50% = 500000 */

/* One pause [from, to): instants in usecs since 2000-01-01 UTC. */
typedef struct SlaPause
{
	int64_t		from;
	int64_t		to;				/* SLA_PAUSE_OPEN while paused */
} SlaPause;

/*
 * The deadline of term t started at start, pushed out by every closed pause
 * (ascending, disjoint) that began before the clock ran out.  Pause lengths
 * count in working time on cal for working units, elapsed time otherwise.
 */
extern CalStatus sla_clock_deadline(const Calendar *cal, const Term *t, int64_t start,
							 const SlaPause *pauses, int npauses,
							 int64_t *result, CalError *err);

/*
 * The instant at which share (millionths, 1..999999) of the target has
 * elapsed, with the same pauses: the warning thresholds.
 */
extern CalStatus sla_clock_share_instant(const Calendar *cal, const Term *t, int64_t start,
								  int32_t share, const SlaPause *pauses, int npauses,
								  int64_t *result, CalError *err);

/*
 * How much a clock counts to reach share (millionths) of a minute or hour term,
 * in usecs; -1 for terms of days or longer, whose length depends on the start.
 */
extern int64_t sla_clock_share_amount(const Term *t, int32_t share);

/* Time counted between a and b: working time for working units, elapsed otherwise. */
extern CalStatus sla_clock_elapsed(const Calendar *cal, const Term *t, int64_t a, int64_t b,
							int64_t *result, CalError *err);

#endif
