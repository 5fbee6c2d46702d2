/*
 * sla_trigger.h - how sla_sweep() and sla_recompute() drive the trigger.
 *
 * Both run an UPDATE on the ticket table; the trigger, told the mode and the
 * table, fires the alerts that are due (sweep) or recomputes the running
 * deadlines (recompute), and counts what it did.  Row locks and the
 * trigger's own bookkeeping columns make every alert fire exactly once.
 */
#ifndef CRM_SLA_TRIGGER_H
#define CRM_SLA_TRIGGER_H

#include "postgres.h"
#include "utils/timestamp.h"

typedef enum SlaMode
{
	SLA_MODE_NONE,
	SLA_MODE_SWEEP,
	SLA_MODE_RECOMPUTE
} SlaMode;

/* Register the invalidation callback of the SLA target cache (from _PG_init). */
extern void sla_trigger_init(void);

extern void sla_mode_begin(SlaMode mode, Oid relid, TimestampTz as_of);
/* Ends the mode and returns how many alerts fired or tickets changed. */
extern int64 sla_mode_end(void);

#endif
