/*
 * change.h - one row change of a ticket, as the trigger works it out: what
 * changed, the clock as it stood settled up to the change, the change
 * applied with the deadlines recomputed, and the events it writes
 * (sla/change.c); the insert path and the row the trigger returns are in
 * sla/trigger.c.
 */
#ifndef CRM_SLA_CHANGE_H
#define CRM_SLA_CHANGE_H

#include "postgres.h"

#include "sla/clock.h"
#include "sla/log.h"
#include "sla/mapping.h"
#include "sla/row.h"
#include "sla/targets.h"
#include "sla/times.h"

/* What a row change is, for the clock. */
typedef struct Change
{
	bool		key_changed;	/* contract, priority or opening: a new target */
	bool		id_changed;
	bool		sweeping;		/* sla_sweep() of this table */
	bool		recomputing;	/* sla_recompute() of this table */
	bool		settling;		/* its deadlines rested on a forecast: computed again */
	bool		paused_now;
	bool		paused_before;
	bool		reopened;
	bool		done_new[SLA_DONE_METRICS]; /* responded / resolved by this change */
	bool		reported;		/* a new progress report */
	TimestampTz at;				/* when it happened */
	ClientTimes ct;				/* the client times it sets */
} Change;

/* One row change being worked out. */
typedef struct Work
{
	const SlaMapping *m;
	TupleDesc	desc;
	SlaRow	   *oldtup;
	SlaRow	   *newtup;
	Ticket		od;				/* the old row (its trigger columns: the trigger's own state) */
	Ticket		nw;				/* the new row, with the trigger's state carried over */
	Ticket		before;			/* the old row as settled up to the change */
	Change		c;
	SlaTargets *t_new;
	SlaTargets *t_old;
	const char *tenant;
	char	   *key;
	char	   *old_key;
	TicketLog	log;
	bool		fresh;			/* nothing logged for this row yet */
	bool		need_started;	/* its history must begin with 'started' */
	bool		earlier_breached;	/* a reopened ticket's resolution was breached */
	int32		alerts;
	SlaEventList evs;
} Work;

/* What an updated ticket's record allows. */
typedef enum Record
{
	RECORD_OK,					/* key, tenant and log read: the change is recorded */
	RECORD_NONE,				/* no target applies and nothing can be logged */
	RECORD_HIDDEN				/* another tenant's ticket: left as it is */
} Record;

/*
 * The targets of a ticket's contract and priority.  With notice (a new
 * key), a ticket no target applies to says why.
 */
extern SlaTargets *sla_change_targets(const Ticket *tk, bool notice);

/* A ticket under an SLA needs a key (23502). */
extern void sla_change_null_key(const SlaMapping *m);

/* A clock of the given state under targets t, recording into w's events. */
extern SlaClock sla_change_clock(Work *w, const SlaTargets *t, Ticket *tk, bool paused);

/* What the change is (w->od and w->nw read; sets w->c). */
extern void sla_change_classify(Work *w);

/* Nothing the clock cares about changed. */
extern bool sla_change_untouched(const Work *w);

/* The key, the tenant and the log of the ticket; the change's time. */
extern Record sla_change_read_record(Work *w, bool has_prev, TimestampTz prev);

/* The clock as it stood, settled up to the change. */
extern void sla_change_settle_before(Work *w);

/* The pauses, the cycle and the mask as the change leaves them. */
extern void sla_change_state(Work *w);

/* The deadlines of the new state. */
extern void sla_change_deadlines(Work *w, SlaClock *clk);

/* The change's own events; whether a deadline was recomputed. */
extern bool sla_change_events(Work *w, SlaClock *clk);

/* Write the events (with the ticket's start if its history begins now) and NOTIFY the alerts. */
extern void sla_change_write_log(Work *w);

#endif
