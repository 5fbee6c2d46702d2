/*
 * trigger.c - crm_contract.sla_deadlines(): a BEFORE INSERT OR UPDATE row
 * trigger for any ticket table (roles mapped to columns in sla/mapping.c).
 *
 * The trigger owns its columns (deadlines, breached flags, the next alert,
 * the alert mask): they are computed from its own state, the old row and
 * the log, whatever the new row says.  Client times are checked
 * (sla/times.c).
 *
 * An insert only computes: deadlines, the next alert instant, a mask that
 * says the ticket is fresh, no event written (bulk loads stay cheap, and an
 * INSERT ... ON CONFLICT DO NOTHING leaves no trace).  A ticket's first
 * logged change writes its 'started' event and what its inserted state
 * implied (a pause from the opening) before its own events; a response or
 * resolution inserted with the ticket is judged at its next change or by
 * the next sweep, which its next_alert points at.
 *
 * A logged change goes through three steps: the clock as it stood is
 * settled up to the change (warnings and breaches whose time had come,
 * judgements due: what a sweep would have recorded had it run just then),
 * then the change itself (pause, resume, priority change, reopening,
 * renaming, response, resolution, progress report) with the deadlines
 * recomputed from scratch (sla/clock.c), then, in a sweep, time passing up
 * to the sweep's instant.  A row moving between partitions is recognised
 * (sla/move.c) and keeps its clock.
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/elog.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "shared/text.h"
#include "sla/clock.h"
#include "sla/log.h"
#include "sla/mapping.h"
#include "sla/move.h"
#include "sla/notify.h"
#include "sla/row.h"
#include "sla/sweep.h"
#include "sla/targets.h"
#include "sla/times.h"

static const SlaRole due_role[SLA_METRICS] = {SLA_ROLE_RESPONSE_DUE, SLA_ROLE_RESOLVE_DUE, SLA_ROLE_UPDATE_DUE};
static const SlaRole flag_role[SLA_DONE_METRICS] = {SLA_ROLE_RESPONSE_BREACHED, SLA_ROLE_RESOLVE_BREACHED};

/* Per statement, in fn_extra: the column mapping, checked once. */
typedef struct SlaCache
{
	SlaMapping *m;
} SlaCache;

/* What a row change is, for the clock. */
typedef struct Change
{
	bool		key_changed;	/* contract, priority or opening: a new target */
	bool		id_changed;
	bool		sweeping;		/* sla_sweep() of this table */
	bool		recomputing;	/* sla_recompute() of this table */
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

/* The columns the trigger writes, gathered for one sla_row_modified(). */
typedef struct Written
{
	int			n;
	int			cols[SLA_NUM_ROLES];
	Datum		values[SLA_NUM_ROLES];
	bool		nulls[SLA_NUM_ROLES];
} Written;

static void
set_column(Written *w, AttrNumber att, bool isnull, Datum value)
{
	if (att == InvalidAttrNumber)
		return;
	w->cols[w->n] = att;
	w->nulls[w->n] = isnull;
	w->values[w->n] = isnull ? (Datum) 0 : value;
	w->n++;
}

static void
check_fired_as_row_trigger(FunctionCallInfo fcinfo)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("crm_contract.sla_deadlines() must be called as a trigger")));
	if (!TRIGGER_FIRED_BEFORE(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(td->tg_event) || TRIGGER_FIRED_BY_UPDATE(td->tg_event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\" on table \"%s\" must fire BEFORE INSERT OR UPDATE FOR EACH ROW",
						td->tg_trigger->tgname, RelationGetRelationName(td->tg_relation)),
				 errhint("CREATE TRIGGER … BEFORE INSERT OR UPDATE ON … FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines(…).")));
}

/* The mapping of this statement's table; the first row of a statement also checks the target cache. */
static SlaMapping *
statement_mapping(FunctionCallInfo fcinfo)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	SlaCache   *c = (SlaCache *) fcinfo->flinfo->fn_extra;

	if (c == NULL || c->m->relid != RelationGetRelid(td->tg_relation))
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(SlaCache));
		c->m = sla_mapping_build(td->tg_relation, td->tg_trigger, fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = c;
		sla_targets_check();	/* fn_extra lives one statement: this runs once per statement */
	}
	return c->m;
}

/*
 * The targets of a ticket's contract and priority.  With notice (a new
 * key), a ticket no target applies to says why: row-level security hides
 * the contract from the role, or the contract has no target for it.
 */
static SlaTargets *
targets_of(const Ticket *tk, bool notice)
{
	SlaTargets *t;

	if (!tk->has_key)
		return NULL;
	t = sla_targets_for(tk->contract, tk->priority);
	if (notice && !t->visible)
		ereport(NOTICE,
				(errmsg("contract %lld is not visible to role \"%s\": the ticket gets no deadlines",
						(long long) tk->contract, GetUserNameFromId(GetUserId(), false)),
				 errdetail("Row-level security shows a role the contracts and SLA targets of its own tenant only."),
				 errhint("Attach the role to the contract's tenant (crm_contract.tenant_member), or choose it with SET crm_contract.tenant.")));
	else if (notice && !sla_targets_any(t))
		ereport(NOTICE,
				(errmsg("contract %lld has no SLA target for priority \"%s\": the ticket gets no deadlines",
						(long long) tk->contract, tk->priority),
				 errhint("Add rows to crm_contract.sla_target.")));
	return t;
}

/* The trigger's columns: deadlines, breached flags, the next alert and the alert mask. */
static HeapTuple
written_row(Work *w, const Ticket *tk, int32 alerts, const NextAlert *next)
{
	const SlaMapping *m = w->m;
	Written		out = {0};
	int			k;

	for (k = 0; k < SLA_METRICS; k++)
		set_column(&out, m->att[due_role[k]], !tk->has_due[k], TimestampTzGetDatum(tk->due[k]));
	for (k = 0; k < SLA_DONE_METRICS; k++)
	{
		bool		breached = (alerts & BREACH_BIT(k)) != 0;

		/* judged: what the record says; to be judged: what the deadline says; running: breached or not yet */
		if (tk->done[k] && tk->has_due[k])
			set_column(&out, m->att[flag_role[k]], false,
					   BoolGetDatum(breached || ((alerts & PENDING_BIT(k)) && tk->done_at[k] > tk->due[k])));
		else
			set_column(&out, m->att[flag_role[k]], !breached, BoolGetDatum(breached));
	}
	set_column(&out, m->att[SLA_ROLE_NEXT_ALERT], !next->has, TimestampTzGetDatum(next->at));
	set_column(&out, m->att[SLA_ROLE_ALERTS], false, Int32GetDatum(alerts));
	return sla_row_modified(w->newtup, w->desc, out.n, out.cols, out.values, out.nulls);
}

/* A change the clock does not care about: the trigger's columns stay as the old row had them. */
static HeapTuple
kept_row(Work *w)
{
	Written		out = {0};
	int			r;

	for (r = SLA_ROLE_RESPONSE_DUE; r < SLA_NUM_ROLES; r++)
	{
		AttrNumber	att = w->m->att[r];
		bool		isnull;
		Datum		d;

		if (att == InvalidAttrNumber || sla_row_same(w->oldtup, w->newtup, w->desc, att))
			continue;
		d = sla_row_get(w->oldtup, att, &isnull);
		set_column(&out, att, isnull, d);
	}
	return sla_row_modified(w->newtup, w->desc, out.n, out.cols, out.values, out.nulls);
}

/* A clock of the given state under targets t. */
static SlaClock
clock_of(Work *w, const SlaTargets *t, Ticket *tk, bool paused)
{
	SlaClock	c;

	c.m = w->m;
	c.t = sla_targets_any(t) ? t : NULL;
	c.tenant = w->tenant;
	c.log = &w->log;
	c.tk = tk;
	c.paused = paused;
	c.alerts = &w->alerts;
	c.evs = &w->evs;
	c.key = w->key;
	return c;
}

/* The earliest thing the clock will record next: a judgement, a warning, a breach. */
static void
next_alert_of(SlaClock *c, NextAlert *next)
{
	int			k;

	memset(next, 0, sizeof(*next));
	if (c->m->att[SLA_ROLE_NEXT_ALERT] == InvalidAttrNumber || c->t == NULL)
		return;
	for (k = 0; k < SLA_METRICS; k++)
		sla_clock_next_alert(c, k, next);
}

/* An insert: deadlines from the opening, nothing logged (see the file comment). */
static HeapTuple
insert_row(Work *w)
{
	SlaClock	c;
	NextAlert	next;
	int			k;

	sla_times_check_insert(w->m, w->desc, w->newtup, &w->nw);
	sla_ticket_key_check(w->m, w->newtup);
	w->alerts = FRESH_BIT;
	for (k = 0; k < SLA_DONE_METRICS; k++)
		if (w->nw.done[k])
			w->alerts |= PENDING_BIT(k);
	w->t_new = targets_of(&w->nw, true);
	w->log.maxpauses = 1;
	w->log.pauses = palloc(sizeof(SlaPause));
	c = clock_of(w, w->t_new, &w->nw, sla_status_pauses(w->m, w->nw.status));
	for (k = 0; k < SLA_METRICS; k++)
	{
		w->nw.has_due[k] = k == SLA_UPDATE ? sla_clock_running(&c, k) : sla_clock_applies(&c, k);
		if (w->nw.has_due[k])
			w->nw.due[k] = sla_clock_due(&c, k);
	}
	next_alert_of(&c, &next);
	return written_row(w, &w->nw, w->alerts, &next);
}

/* When a change happened: the 'changed' column it sets, else the latest time it records, else now. */
static TimestampTz
event_time(const Work *w, bool has_prev, TimestampTz prev)
{
	const ClientTimes *ct = &w->c.ct;
	TimestampTz at;
	int			i;

	for (i = 0; i < ct->n; i++)
		if (ct->role[i] == SLA_ROLE_CHANGED)
			return ct->at[i];
	if (ct->has_latest)
		return ct->latest;
	/* the statement's time, but never before what the record already holds */
	at = GetCurrentStatementStartTimestamp();
	if (has_prev && prev > at)
		at = prev;
	if (w->log.has_last && w->log.last_at > at)
		at = w->log.last_at;
	return at;
}

static void
classify(Work *w)
{
	const SlaMapping *m = w->m;
	SlaMode		mode = sla_mode_of(m->relid);
	Change	   *c = &w->c;
	int			k;

	c->key_changed = !sla_row_same(w->oldtup, w->newtup, w->desc, m->att[SLA_ROLE_CONTRACT]) ||
		!sla_row_same(w->oldtup, w->newtup, w->desc, m->att[SLA_ROLE_PRIORITY]) ||
		!sla_row_same(w->oldtup, w->newtup, w->desc, m->att[SLA_ROLE_OPENED]);
	c->id_changed = !sla_row_same(w->oldtup, w->newtup, w->desc, m->att[SLA_ROLE_ID]);
	c->sweeping = mode == SLA_MODE_SWEEP;
	c->recomputing = mode == SLA_MODE_RECOMPUTE;
	c->paused_now = sla_status_pauses(m, w->nw.status);
	c->paused_before = sla_status_pauses(m, w->od.status);
	c->reopened = w->od.done[SLA_RESOLUTION] && !w->nw.done[SLA_RESOLUTION];
	for (k = 0; k < SLA_DONE_METRICS; k++)
		c->done_new[k] = w->nw.done[k] && !w->od.done[k];
	c->reported = w->nw.reported && (!w->od.reported || w->nw.report_at != w->od.report_at);
}

/* Nothing the clock cares about changed. */
static bool
clock_untouched(const Work *w)
{
	const Change *c = &w->c;

	return !c->key_changed && !(c->id_changed && !w->fresh) && !c->sweeping && !c->recomputing &&
		c->paused_now == c->paused_before && !c->reopened &&
		!c->done_new[0] && !c->done_new[1] && !c->reported;
}

/* No target applies and nothing can be logged: deadlines of a new key are cleared, nothing is guessed. */
static HeapTuple
untargeted_row(Work *w)
{
	NextAlert	next = {0};
	int			k;

	for (k = 0; k < SLA_METRICS; k++)
		if (w->c.key_changed || (k == SLA_UPDATE && w->nw.done[SLA_RESOLUTION]))
			w->nw.has_due[k] = false;
	for (k = 0; k < SLA_DONE_METRICS; k++)
		if (w->c.done_new[k])
			w->alerts |= PENDING_BIT(k);
	if (w->c.reopened)
		w->alerts &= ~(METRIC_BITS(SLA_RESOLUTION) | METRIC_BITS(SLA_UPDATE) | PENDING_BIT(SLA_RESOLUTION));
	return written_row(w, &w->nw, w->alerts, &next);
}

/*
 * The clock as it stood, settled up to the change: each metric up to when
 * the change happened, or up to the response, resolution or report the
 * change records (what falls on that instant has not passed).
 */
static void
settle_before(Work *w)
{
	SlaClock	c = clock_of(w, w->t_old, &w->before, w->c.paused_before);
	int			k;

	if (c.t == NULL)
		return;
	for (k = 0; k < SLA_DONE_METRICS; k++)
		sla_clock_judge(&c, k);
	for (k = 0; k < SLA_METRICS; k++)
	{
		int			done = k == SLA_UPDATE ? SLA_RESOLUTION : k;

		if (k == SLA_UPDATE && w->c.reported)
			sla_clock_settle(&c, k, w->nw.report_at, true);
		else if (w->c.done_new[done])
			sla_clock_settle(&c, k, w->nw.done_at[done], true);
		else
			sla_clock_settle(&c, k, w->c.at, false);
	}
}

/* The pauses, the cycle and the mask as the change leaves them. */
static void
change_state(Work *w)
{
	Change	   *c = &w->c;
	TicketLog  *log = &w->log;
	int			k;

	memcpy(w->nw.has_due, w->before.has_due, sizeof(w->nw.has_due));
	memcpy(w->nw.due, w->before.due, sizeof(w->nw.due));
	if (c->paused_now && !c->paused_before)
	{
		log->pauses[log->npauses].from = c->at;
		log->pauses[log->npauses].to = SLA_PAUSE_OPEN;
		log->npauses++;
	}
	if (!c->paused_now && c->paused_before && log->npauses > 0 &&
		log->pauses[log->npauses - 1].to == SLA_PAUSE_OPEN)
		log->pauses[log->npauses - 1].to = Max(c->at, log->pauses[log->npauses - 1].from);
	if (c->reopened)
	{
		w->earlier_breached = (w->alerts & BREACH_BIT(SLA_RESOLUTION)) ||
			(w->before.has_due[SLA_RESOLUTION] &&
			 w->od.done_at[SLA_RESOLUTION] > w->before.due[SLA_RESOLUTION]);
		log->has_cycle = true;
		log->cycle_start = c->at;
		log->has_update_breach = false;
		w->alerts &= ~(METRIC_BITS(SLA_RESOLUTION) | METRIC_BITS(SLA_UPDATE) | PENDING_BIT(SLA_RESOLUTION));
	}
	/* a report ends the period: the next one runs from it */
	if (c->reported)
		w->alerts &= ~METRIC_BITS(SLA_UPDATE);
	for (k = 0; k < SLA_DONE_METRICS; k++)
		if (c->done_new[k])
			w->alerts |= PENDING_BIT(k);
}

/*
 * The deadlines of the new state.  A met or missed deadline is a fact; a
 * running clock (or one still to be judged) is recomputed from scratch when
 * the change moves it.
 */
static void
new_deadlines(Work *w, SlaClock *clk)
{
	const Change *c = &w->c;
	int			k;

	for (k = 0; k < SLA_METRICS; k++)
	{
		bool		running = sla_clock_running(clk, k);
		bool		pending = k < SLA_DONE_METRICS && (w->alerts & PENDING_BIT(k));

		if (!sla_clock_applies(clk, k))
		{
			if (c->key_changed)
				w->nw.has_due[k] = false;
			continue;
		}
		if (k == SLA_UPDATE && !running)
			w->nw.has_due[k] = false;	/* resolved: no report is due */
		else if ((running || pending) &&
				 (!w->nw.has_due[k] || c->key_changed || c->recomputing || c->paused_now != c->paused_before ||
				  (k != SLA_RESPONSE && c->reopened) || (k == SLA_UPDATE && c->reported)))
		{
			w->nw.due[k] = sla_clock_due(clk, k);
			w->nw.has_due[k] = true;
		}
	}
}

static const char *
or_none(const char *s)
{
	return s ? s : "none";
}

/* What a contract, priority or opening change says. */
static char *
key_change_detail(const Ticket *od, const Ticket *nw)
{
	if (od->has_contract != nw->has_contract || od->contract != nw->contract)
		return od->has_contract ? psprintf("contract %lld -> %lld", (long long) od->contract, (long long) nw->contract) :
			psprintf("contract none -> %lld", (long long) nw->contract);
	if ((od->priority == NULL) != (nw->priority == NULL) ||
		(od->priority && strcmp(od->priority, nw->priority) != 0))
		return psprintf("%s -> %s", or_none(od->priority), or_none(nw->priority));
	return pstrdup("opening moved");
}

/* The change's own events, carrying the deadlines after it; whether a deadline was recomputed. */
static bool
change_events(Work *w, SlaClock *clk)
{
	const Change *c = &w->c;
	Ticket	   *nw = &w->nw;
	bool		recomputed = false;
	int			k;

	if (c->key_changed)
		sla_event_add(&w->evs, "priority_changed", -1, c->at, key_change_detail(&w->od, nw), nw, w->tenant);
	if (c->paused_now && !c->paused_before)
		sla_event_add(&w->evs, "paused", -1, c->at, pstrdup(nw->status), nw, w->tenant);
	if (!c->paused_now && c->paused_before)
		sla_event_add(&w->evs, "resumed", -1, c->at, w->od.status ? pstrdup(w->od.status) : NULL, nw, w->tenant);
	if (c->reopened)
	{
		const Ticket *b = &w->before;
		SlaEvent   *e;

		e = sla_event_add(&w->evs, "reopened", SLA_RESOLUTION, c->at,
						  psprintf("earlier cycle resolved %s, due %s%s",
								   crm_timestamptz_text(w->od.done_at[SLA_RESOLUTION]),
								   b->has_due[SLA_RESOLUTION] ? crm_timestamptz_text(b->due[SLA_RESOLUTION]) : "none",
								   w->earlier_breached ? ", breached" : ""), nw, w->tenant);
		e->has_done = true;
		e->done_at = w->od.done_at[SLA_RESOLUTION];
	}
	/* a progress report within its period: that period met */
	if (c->reported && sla_clock_applies(clk, SLA_UPDATE) && w->before.has_due[SLA_UPDATE] &&
		nw->report_at <= w->before.due[SLA_UPDATE])
	{
		SlaEvent   *e = sla_event_add(&w->evs, "met", SLA_UPDATE, nw->report_at, NULL, nw, w->tenant);

		e->has_done = true;
		e->done_at = nw->report_at;
	}
	for (k = 0; k < SLA_DONE_METRICS; k++)
		sla_clock_judge(clk, k);
	if (!c->recomputing)
		return false;
	for (k = 0; k < SLA_METRICS; k++)
		if (w->before.has_due[k] && nw->has_due[k] && nw->due[k] != w->before.due[k])
		{
			sla_event_add(&w->evs, "recomputed", k, GetCurrentStatementStartTimestamp(),
						  psprintf("due %s -> %s", crm_timestamptz_text(w->before.due[k]),
								   crm_timestamptz_text(nw->due[k])), nw, w->tenant);
			recomputed = true;
		}
	return recomputed;
}

/*
 * Write the events: a history that begins now starts with 'started' (and
 * the pause the inserted row was in), a renamed ticket's goes on from its
 * old key; then NOTIFY for each alert.
 */
static void
write_log(Work *w)
{
	SlaEventList all;
	int			i;

	sla_events_init(&all);
	if (w->need_started && w->evs.n > 0)
	{
		Ticket		s = w->od;
		TimestampTz at = w->od.has_opened ? w->od.opened : w->nw.opened;

		if (!s.has_contract)
			s.contract = w->nw.contract;
		sla_event_add(&all, "started", -1, at, NULL, &s, w->tenant);
		if (w->c.paused_before)
			sla_event_add(&all, "paused", -1, at, pstrdup(w->od.status), &s, w->tenant);
	}
	else if (!w->need_started && w->c.id_changed)
		sla_event_add(&all, "renamed", -1, w->c.at, pstrdup(w->old_key), &w->nw, w->tenant);
	if (all.n == 0 && w->evs.n == 0)
		return;
	for (i = 0; i < w->evs.n; i++)
		sla_events_append(&all, &w->evs.ev[i]);
	sla_log_write(w->m->ticket_table, w->key, &all);
	for (i = 0; i < all.n; i++)
		if (strcmp(all.ev[i].kind, "warned") == 0 || strcmp(all.ev[i].kind, "breached") == 0)
			sla_notify_alert(&all.ev[i]);
	w->alerts &= ~FRESH_BIT;
}

/* Room in the pause list for the inserted pause and the change's own. */
static void
pause_room(TicketLog *log)
{
	if (log->pauses == NULL)
	{
		log->maxpauses = 2;
		log->pauses = palloc(sizeof(SlaPause) * 2);
	}
	else if (log->maxpauses < log->npauses + 2)
	{
		log->maxpauses = log->npauses + 2;
		log->pauses = repalloc(log->pauses, sizeof(SlaPause) * log->maxpauses);
	}
}

/* The key, the tenant and the log of an updated ticket; false if nothing can be recorded. */
static bool
read_record(Work *w, bool has_prev, TimestampTz prev)
{
	const Change *c = &w->c;

	w->t_new = targets_of(&w->nw, c->key_changed);
	w->t_old = c->key_changed ? targets_of(&w->od, false) : w->t_new;
	w->tenant = w->t_new && w->t_new->visible ? w->t_new->tenant :
		w->t_old && w->t_old->visible ? w->t_old->tenant : NULL;
	w->key = sla_ticket_key(w->m, w->newtup);
	if (w->tenant == NULL || w->key == NULL ||
		(w->fresh && !sla_targets_any(w->t_new) && !sla_targets_any(w->t_old)))
		return false;
	if (strlen(w->key) > SLA_KEY_MAX)
	{
		/* a key from before 0.3 refused long ones: one such ticket must not stop a sweep of all */
		if (!c->sweeping)
			sla_ticket_key_check(w->m, w->newtup);
		ereport(WARNING,
				(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
				 errmsg("ticket key of table %s is longer than %d bytes: the ticket is not swept", w->m->ticket_table,
						SLA_KEY_MAX),
				 errhint("Give the ticket a shorter key.")));
		return false;
	}
	w->old_key = c->id_changed ? sla_ticket_key(w->m, w->oldtup) : w->key;
	if (!w->fresh)
		sla_log_read(w->tenant, w->m->ticket_table, w->old_key, &w->log);
	w->need_started = w->fresh || !w->log.started;
	pause_room(&w->log);
	if (w->need_started && c->paused_before && w->od.has_opened)
	{
		/* inserted in a pausing status: paused from its opening */
		w->log.pauses[w->log.npauses].from = w->od.opened;
		w->log.pauses[w->log.npauses].to = SLA_PAUSE_OPEN;
		w->log.npauses++;
	}
	if (w->log.has_last)
		sla_times_check_log(w->m, w->desc, w->newtup, &w->c.ct, w->log.last_at);
	w->c.at = event_time(w, has_prev, prev);
	return true;
}

/* An update: see the file comment. */
static HeapTuple
update_row(Work *w)
{
	bool		has_prev;
	TimestampTz prev = 0;
	SlaClock	clk;
	NextAlert	next;
	int			k;

	sla_times_check_update(w->m, w->desc, w->oldtup, w->newtup, &w->od, &w->nw, &w->c.ct, &has_prev, &prev);
	w->fresh = (w->od.alerts & FRESH_BIT) != 0;
	classify(w);
	/* the trigger's own columns come from the old row, whatever the new one says */
	memcpy(w->nw.has_due, w->od.has_due, sizeof(w->nw.has_due));
	memcpy(w->nw.due, w->od.due, sizeof(w->nw.due));
	w->alerts = w->od.alerts;
	if (clock_untouched(w))
		return kept_row(w);
	if (w->c.id_changed)
		sla_ticket_key_check(w->m, w->newtup);
	if (!read_record(w, has_prev, prev))
		return untargeted_row(w);

	w->before = w->od;
	sla_events_init(&w->evs);
	if (!w->c.sweeping && !w->c.recomputing)
		settle_before(w);
	change_state(w);
	clk = clock_of(w, w->t_new, &w->nw, w->c.paused_now);
	new_deadlines(w, &clk);
	if (change_events(w, &clk))
		sla_mode_count(1);		/* a recomputation counts the tickets it changed */
	if (w->c.sweeping)
	{
		/* time passing up to the sweep's instant; a sweep counts what it recorded, judgements included */
		for (k = 0; k < SLA_METRICS; k++)
			sla_clock_settle(&clk, k, sla_mode_as_of(), false);
		sla_mode_count(w->evs.n);
	}
	next_alert_of(&clk, &next);
	write_log(w);
	return written_row(w, &w->nw, w->alerts, &next);
}

/* In a sweep or recompute, which goes through many tickets, an error names the one it failed on. */
static HeapTuple
update_row_named(Work *w, const char *what)
{
	MemoryContext cxt = CurrentMemoryContext;
	char	   *key = sla_ticket_key(w->m, w->oldtup);
	HeapTuple volatile result = NULL;

	PG_TRY();
	{
		result = update_row(w);
	}
	PG_CATCH();
	{
		ErrorData  *e;

		MemoryContextSwitchTo(cxt);
		e = CopyErrorData();
		FlushErrorState();
		e->message = psprintf("could not %s ticket %s of table %s: %s", what,
							  key ? quote_literal_cstr(key) : "with no id", w->m->ticket_table, e->message);
		ReThrowError(e);
	}
	PG_END_TRY();
	return result;
}

/* sla_deadlines(): see the file comment */
PG_FUNCTION_INFO_V1(crm_sla_deadlines);
Datum
crm_sla_deadlines(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Work	   *w;
	SlaRow		newrow,
				oldrow;
	HeapTuple	result;
	SlaMode		mode;

	check_fired_as_row_trigger(fcinfo);
	w = palloc0(sizeof(Work));
	w->m = statement_mapping(fcinfo);
	w->desc = RelationGetDescr(td->tg_relation);
	w->newtup = &newrow;
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		sla_row_deform(w->newtup, td->tg_trigtuple, w->desc);
		/* a row moving between partitions arrives as an insert: it keeps what its update wrote */
		if (w->m->root != w->m->relid && sla_move_arrived(w->m, w->newtup))
			return PointerGetDatum(w->newtup->tup);
		sla_ticket_read(w->m, w->newtup, &w->nw);
		return PointerGetDatum(insert_row(w));
	}
	w->oldtup = &oldrow;
	sla_row_deform(w->oldtup, td->tg_trigtuple, w->desc);
	sla_row_deform(w->newtup, td->tg_newtuple, w->desc);
	sla_ticket_read(w->m, w->oldtup, &w->od);
	sla_ticket_read(w->m, w->newtup, &w->nw);
	mode = sla_mode_of(w->m->relid);
	if (mode == SLA_MODE_NONE)
		result = update_row(w);
	else
		result = update_row_named(w, mode == SLA_MODE_SWEEP ? "sweep" : "recompute");
	if (w->m->root != w->m->relid)
		sla_move_expect(w->m, sla_ticket_key(w->m, w->newtup), w->newtup);
	return PointerGetDatum(result);
}
