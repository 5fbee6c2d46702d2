/*
 * clock.h - one ticket's SLA clocks as the trigger runs them: where each
 * metric's clock starts, its deadline, the alerts that time passing fires
 * (each once), the judgement of a response or resolution, and the next
 * instant something is due.
 *
 * Three metrics: the first response and the resolution are done once per
 * cycle; the periodic update recurs, each period due a target after the
 * last progress report (or the opening, the reopening or the period
 * breached before), until the ticket is resolved.
 */
#ifndef CRM_SLA_TICKET_CLOCK_H
#define CRM_SLA_TICKET_CLOCK_H

#include "postgres.h"
#include "datatype/timestamp.h"

#include "sla/log.h"
#include "sla/mapping.h"
#include "sla/row.h"
#include "sla/targets.h"

/*
 * The alert mask (the trigger's own column): a byte per metric, warnings in
 * bits 0..6, the breach in bit 7 (for updates: of the current period); then
 * flags of the ticket's record.
 */
#define WARN_BIT(k, j) ((int32) 1 << ((k) * 8 + (j)))
#define BREACH_BIT(k) ((int32) 1 << ((k) * 8 + 7))
#define METRIC_BITS(k) ((int32) 0xFF << ((k) * 8))
/* inserted and nothing logged yet: its first logged change begins its history */
#define FRESH_BIT ((int32) 1 << 24)
/* responded or resolved, not judged yet (inserted so, or done while no target applied) */
#define PENDING_BIT(k) ((int32) 1 << (25 + (k)))

/* Missed update periods one row change may record: a bound against a nonsensical target. */
#define SLA_MAX_PERIODS 10000

typedef struct SlaClock
{
	const SlaMapping *m;
	const SlaTargets *t;		/* NULL: no target applies */
	const char *tenant;			/* of the events it records */
	TicketLog  *log;			/* pauses, the cycle, the last update period breached */
	Ticket	   *tk;				/* the state; its deadlines are the trigger's */
	bool		paused;			/* its status stops the clock */
	int32	   *alerts;
	SlaEventList *evs;
	const char *key;			/* for messages */
} SlaClock;

/* The earliest alert found so far, and what is known of its clock. */
typedef struct NextAlert
{
	bool		has;
	TimestampTz at;
	int64		amount;			/* what its clock counts to, -1 unknown */
	TimestampTz start;
	const Calendar *cal;
	bool		working;
} NextAlert;

/* Whether metric k has a target and the table a column for its deadline (inline: every insert asks). */
static inline bool
sla_clock_applies(const SlaClock *c, int k)
{
	SlaRole		due = k == SLA_RESPONSE ? SLA_ROLE_RESPONSE_DUE :
		k == SLA_RESOLUTION ? SLA_ROLE_RESOLVE_DUE : SLA_ROLE_UPDATE_DUE;

	/* a metric is timed only where the table keeps its deadline */
	return c->t != NULL && c->t->has[k] && c->m->att[due] != InvalidAttrNumber;
}

/* Whether metric k's clock runs: it applies and is not done (progress reports: until resolved). */
static inline bool
sla_clock_running(const SlaClock *c, int k)
{
	return sla_clock_applies(c, k) && !c->tk->done[k == SLA_UPDATE ? SLA_RESOLUTION : k];
}

/* Where metric k's clock starts. */
extern TimestampTz sla_clock_start(const SlaClock *c, int k);

/* Metric k's deadline from scratch: its start, its target, the closed pauses. */
extern TimestampTz sla_clock_due(const SlaClock *c, int k);

/*
 * Time passing up to as_of: each warning and breach of metric k not fired
 * yet, once (updates: each missed period).  strict: the metric is done at
 * as_of, so what falls on that instant has not passed.
 */
extern void sla_clock_settle(SlaClock *c, int k, TimestampTz as_of, bool strict);

/* A response or resolution not judged yet: met, or breached (unless a sweep marked it already). */
extern void sla_clock_judge(SlaClock *c, int k);

/* The next alert of metric k (a judgement due, a warning, the breach), if earlier than next. */
extern void sla_clock_next_alert(const SlaClock *c, int k, NextAlert *next);

/* A share in millionths as a percentage: 50%, 12.5%, 33.3333%. */
extern char *sla_share_text(int32 share);

#endif
