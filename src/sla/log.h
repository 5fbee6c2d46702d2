/*
 * log.h - crm_contract.sla_event, the append-only record of each ticket's
 * clock: what a row change or a sweep adds to it, and what the trigger reads
 * back (pauses and the current resolution cycle).
 */
#ifndef CRM_SLA_LOG_H
#define CRM_SLA_LOG_H

#include "postgres.h"
#include "datatype/timestamp.h"

#include "core/sla_clock.h"
#include "sla/mapping.h"
#include "sla/row.h"

#define SLA_MAX_EVENTS 32		/* per row change */

/* An event to append. */
typedef struct SlaEvent
{
	const char *kind;			/* an sla_event_kind label */
	int			metric;			/* index into sla_metric_name, -1: none */
	TimestampTz at;
	char	   *detail;
} SlaEvent;

typedef struct SlaEventList
{
	int			n;
	SlaEvent	ev[SLA_MAX_EVENTS];
} SlaEventList;

extern void sla_event_add(SlaEventList *l, const char *kind, int metric, TimestampTz at, char *detail);

/* What the log says about one ticket. */
typedef struct TicketLog
{
	int			nevents;
	int			npauses;
	int			maxpauses;		/* room for one more pause than the log holds */
	SlaPause   *pauses;
	bool		has_cycle;
	TimestampTz cycle_start;	/* the last reopening */
} TicketLog;

/* The pauses and the resolution cycle of a ticket, with the latest snapshot. */
extern void sla_log_read(Oid relid, const char *ticket, TicketLog *log);

/* Append events of a ticket, each carrying the row's state (status, deadlines). */
extern void sla_log_write(const SlaMapping *m, const char *tenant, const char *ticket,
						  const Ticket *row, const SlaEvent *evs, int nev);

#endif
