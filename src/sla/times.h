/*
 * times.h - the rules every time a client writes into a ticket must follow.
 *
 * Clients write what happened (opened, changed, responded, resolved,
 * progress reported); the clock believes them only within bounds: a time
 * is finite, not before the opening, not before anything already on the
 * ticket's record (its row and its log), and not later than the
 * statement's time plus SLA_CLIENT_SKEW_USECS.  A first response and a
 * resolution, once recorded, are facts: they are not rewritten (a
 * resolution is cleared to reopen).  Anything else is refused (class 22),
 * naming the ticket and the column.
 */
#ifndef CRM_SLA_TIMES_H
#define CRM_SLA_TIMES_H

#include "postgres.h"
#include "datatype/timestamp.h"

#include "sla/mapping.h"
#include "sla/row.h"

/* The client times a change sets or moves. */
typedef struct ClientTimes
{
	int			n;
	SlaRole		role[4];
	TimestampTz at[4];
	bool		has_latest;
	TimestampTz latest;			/* the latest of them */
} ClientTimes;

/* An inserted row's times. */
/*
 * A ticket opened ahead of the clock (beyond the client skew) is not open
 * yet: nothing is logged for it, and each change computes it afresh, as an
 * insert would, until it opens.
 */
extern bool sla_ticket_not_open(const Ticket *tk);

extern void sla_times_check_insert(const SlaMapping *m, TupleDesc desc, const SlaRow *row, const Ticket *nw);

/*
 * An updated row's times against the old row; fills ct with the times the
 * change sets and *prev with the latest time on the old row's record.
 */
extern void sla_times_check_update(const SlaMapping *m, TupleDesc desc, const SlaRow *oldrow, const SlaRow *newrow,
								   const Ticket *od, const Ticket *nw, ClientTimes *ct, bool *has_prev,
								   TimestampTz *prev);

/* The times a change sets against the latest instant of the ticket's log. */
extern void sla_times_check_log(const SlaMapping *m, TupleDesc desc, const SlaRow *row, const ClientTimes *ct,
								TimestampTz last);

#endif
