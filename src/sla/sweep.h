/*
 * sweep.h - how sla_sweep() and sla_recompute() drive the trigger.
 *
 * Both run an UPDATE on the ticket table; the trigger, told the mode and the
 * table, fires the alerts that are due (sweep) or recomputes the running
 * deadlines (recompute), and counts what it did.  Row locks and the
 * trigger's own bookkeeping columns make every alert fire exactly once.  A
 * partitioned table is swept through its root: the trigger firing on a
 * partition knows the sweep is of its root.
 */
#ifndef CRM_SLA_SWEEP_H
#define CRM_SLA_SWEEP_H

#include "postgres.h"
#include "datatype/timestamp.h"

typedef enum SlaMode
{
	SLA_MODE_NONE,
	SLA_MODE_SWEEP,
	SLA_MODE_RECOMPUTE
} SlaMode;

/*
 * How far ahead of the server's clock a client time may be: clocks of
 * application servers drift, and a change recorded a little ahead is not a
 * lie about the future.
 */
#define SLA_CLIENT_SKEW_USECS (INT64CONST(5) * 60 * USECS_PER_SEC)

/* The mode of a trigger firing on table relid: a sweep's or recompute's of it (or of its root), else none. */
extern SlaMode sla_mode_of(Oid relid);

/* The instant a sweep sweeps as of. */
extern TimestampTz sla_mode_as_of(void);

/* The trigger counts the alerts it fired or the tickets it changed. */
extern void sla_mode_count(int64 n);

#endif
