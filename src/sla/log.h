/*
 * log.h - crm_contract.sla_event, the append-only record of each ticket's
 * clock: what a row change or a sweep adds to it, what the trigger reads
 * back (pauses, the current cycle, the last period breached), and the guard
 * that keeps everyone else from writing it.
 *
 * Only this file writes the log, as the log's owner for exactly that
 * statement (as PostgreSQL's referential-integrity triggers run their
 * checks), with a backend-local flag that the guard trigger on sla_event
 * requires: roles that write tickets need no privilege on sla_event, and a
 * grant of INSERT still lets nobody write an event.  What is written was
 * decided by the trigger from the ticket row the caller is writing.
 */
#ifndef CRM_SLA_LOG_H
#define CRM_SLA_LOG_H

#include "postgres.h"
#include "datatype/timestamp.h"

#include "core/sla_clock.h"
#include "sla/mapping.h"
#include "sla/row.h"

/* An event to append, with the ticket's state it carries. */
typedef struct SlaEvent
{
	const char *kind;			/* an sla_event_kind label */
	int			metric;			/* index into sla_metric_name, -1: none */
	TimestampTz at;
	char	   *detail;
	bool		has_done;
	TimestampTz done_at;		/* the response, resolution or report judged; a reopening's earlier resolution */
	const char *tenant;
	int64		contract;
	char	   *priority;
	char	   *status;
	bool		has_due[SLA_METRICS];
	TimestampTz due[SLA_METRICS];
	bool		provisional;	/* those deadlines rest on a calendar's forecast */
	int64		id;				/* set once written */
} SlaEvent;

typedef struct SlaEventList
{
	int			n;
	int			max;
	SlaEvent   *ev;
} SlaEventList;

extern void sla_events_init(SlaEventList *l);

/* Append a copy of an event made for another list. */
extern void sla_events_append(SlaEventList *l, const SlaEvent *e);

/* Add an event carrying state's contract, priority, status and deadlines, in tenant. */
extern SlaEvent *sla_event_add(SlaEventList *l, const char *kind, int metric, TimestampTz at, char *detail,
							   const Ticket *state, const char *tenant);

/* What the log says about one ticket (its events since its last 'started'). */
typedef struct TicketLog
{
	bool		started;		/* the history read begins with 'started' */
	int			npauses;
	int			maxpauses;		/* room for one more pause than the log holds */
	SlaPause   *pauses;
	bool		has_cycle;
	TimestampTz cycle_start;	/* the last reopening */
	bool		has_last;
	TimestampTz last_at;		/* the latest instant on the record (recomputations aside) */
	bool		has_update_breach;
	TimestampTz update_breach;	/* the deadline of the last update period breached, this cycle */
} TicketLog;

/*
 * The history of a ticket of ticket_table in tenant, with the latest
 * snapshot, following renamings of its key back to their old keys.
 */
extern void sla_log_read(const char *tenant, const char *ticket_table, const char *ticket, TicketLog *log);

/* Append the events of a ticket (setting each one's id). */
extern void sla_log_write(const char *ticket_table, const char *ticket, SlaEventList *l);

#endif
