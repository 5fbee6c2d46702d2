/*
 * targets.h - the SLA targets of a (contract, priority), cached per backend,
 * and the deadlines and warning instants they give a ticket's clock.
 */
#ifndef CRM_SLA_TARGETS_H
#define CRM_SLA_TARGETS_H

#include "postgres.h"
#include "datatype/timestamp.h"

#include "core/sla_clock.h"

#define SLA_METRICS 3			/* 0 response, 1 resolution, 2 periodic update */
#define SLA_RESPONSE 0
#define SLA_RESOLUTION 1
#define SLA_UPDATE 2
#define SLA_MAX_WARN 7			/* warn_at entries: bits 0..6 of a metric's byte in the alert mask */
#define SLA_PRIORITY_KEY_LEN 24	/* longer priorities are looked up every time */

extern const char *const sla_metric_name[SLA_METRICS];

/* The targets of one (contract, priority): per metric a term, a calendar, warnings. */
typedef struct SlaTargets
{
	int64		contract;		/* hash key: contract and priority */
	char		priority[SLA_PRIORITY_KEY_LEN];
	char	   *tenant;			/* the contract's: the tenant of its events (the hash key ends here) */
	bool		visible;		/* the role sees the contract (row-level security) */
	bool		has[SLA_METRICS];
	Term		term[SLA_METRICS];
	char	   *calname[SLA_METRICS];
	const Calendar *cal[SLA_METRICS];	/* valid while calgen is the calendar cache's */
	uint64		calgen;
	LocalTransactionId load_locked;	/* the transaction that holds its calendars' load locks */
	int			nwarn[SLA_METRICS];
	int32		warn[SLA_METRICS][SLA_MAX_WARN];	/* shares in millionths, ascending */
} SlaTargets;

/* Register the cache's invalidation (from _PG_init). */
extern void sla_targets_init(void);

/*
 * Once per statement: take invalidations in, and drop the cache if a target,
 * contract or membership changed, or the role or its chosen tenant did
 * (row-level security decides which targets a role sees).
 */
extern void sla_targets_check(void);

/* Whether any metric has a target. */
static inline bool
sla_targets_any(const SlaTargets *t)
{
	return t != NULL && (t->has[0] || t->has[1] || t->has[2]);
}

/*
 * The targets of (contract, priority), from the cache or the tables; with a
 * tenant (the ticket table's role tenant), only that tenant's contract, which
 * on Citus is on the node of the ticket's shard.
 */
extern SlaTargets *sla_targets_for(int64 contract, const char *priority, const char *tenant);

/*
 * Whether a contract exists, whatever row-level security shows the role
 * (read as the table's owner): a hidden contract is another tenant's.
 */
extern bool sla_contract_exists(int64 contract, const char *tenant);

/* The deadline of metric k from start, pushed out by the closed pauses. */
extern TimestampTz sla_target_deadline(const SlaTargets *t, int k, TimestampTz start,
									   const SlaPause *pauses, int npauses);

/* The instant warning j of metric k is reached. */
extern TimestampTz sla_target_warning(const SlaTargets *t, int k, int j, TimestampTz start,
									  const SlaPause *pauses, int npauses);

/*
 * Whether deadlines rest on a calendar's forecast: one counted in working
 * time or days falls on or after the first forecast day of its metric's
 * calendar (a deadline is the furthest day its computation reads; a wall-clock
 * term reads no calendar day).
 */
extern bool sla_targets_provisional(const SlaTargets *t, const bool *has_due, const TimestampTz *due);

#endif
