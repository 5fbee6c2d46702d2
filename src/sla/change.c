/*
 * change.c - one row change of a ticket: see change.h, and trigger.c's file
 * comment for the three steps of a logged change.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"

#include "shared/text.h"
#include "sla/change.h"
#include "sla/notify.h"
#include "sla/sweep.h"

/*
 * The targets of a ticket's contract and priority.  With notice (a new
 * key), a ticket no target applies to says why: row-level security hides
 * the contract from the role, or the contract has no target for it.
 */
SlaTargets *
sla_change_targets(const Ticket *tk, bool notice)
{
	SlaTargets *t;

	if (!tk->has_key)
		return NULL;
	t = sla_targets_for(tk->contract, tk->priority, tk->tenant);
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

/* A ticket under an SLA needs a key: its events are logged under it. */
void
sla_change_null_key(const SlaMapping *m)
{
	ereport(ERROR,
			(errcode(ERRCODE_NOT_NULL_VIOLATION),
			 errmsg("a ticket of table %s under an SLA has a NULL %s", m->ticket_table,
					get_attname(m->relid, m->att[SLA_ROLE_ID], false)),
			 errdetail("The SLA event log keeps each ticket's events under its key."),
			 errhint("Make the id column NOT NULL.")));
}

/* A clock of the given state under targets t. */
SlaClock
sla_change_clock(Work *w, const SlaTargets *t, Ticket *tk, bool paused)
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

/* When a change happened: the 'changed' column it sets, else the latest time it records, else now (not before the opening). */
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
	/* a ticket opened ahead of the clock: what is done to it before then counts from its opening */
	if (w->nw.has_opened && w->nw.opened > at)
		at = w->nw.opened;
	return at;
}

/*
 * The old row's deadlines rested on a calendar's forecast (its provisional
 * column, written only by the trigger, says so): any write computes them
 * again, so that a ticket a year's load skipped, because a writer held it,
 * is settled by that writer on the loaded days.
 */
static bool
was_provisional(const Work *w, bool *known)
{
	AttrNumber	att = w->m->att[SLA_ROLE_PROVISIONAL];
	bool		isnull;
	Datum		d;

	*known = false;
	if (att == InvalidAttrNumber)
		return false;
	d = sla_row_get(w->oldtup, att, &isnull);
	*known = !isnull;			/* NULL: a column added since the row was last written */
	return !isnull && DatumGetBool(d);
}

void
sla_change_classify(Work *w)
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
	{
		bool		known;

		c->settling = was_provisional(w, &known) || (!known && m->att[SLA_ROLE_PROVISIONAL] != InvalidAttrNumber);
	}
	c->paused_now = sla_status_pauses(m, w->nw.status);
	c->paused_before = sla_status_pauses(m, w->od.status);
	c->reopened = w->od.done[SLA_RESOLUTION] && !w->nw.done[SLA_RESOLUTION];
	for (k = 0; k < SLA_DONE_METRICS; k++)
		c->done_new[k] = w->nw.done[k] && !w->od.done[k];
	c->reported = w->nw.reported && (!w->od.reported || w->nw.report_at != w->od.report_at);
}

/* Nothing the clock cares about changed. */
bool
sla_change_untouched(const Work *w)
{
	const Change *c = &w->c;

	return !c->key_changed && !(c->id_changed && !w->fresh) && !c->sweeping && !c->recomputing && !c->settling &&
		c->paused_now == c->paused_before && !c->reopened &&
		!c->done_new[0] && !c->done_new[1] && !c->reported;
}

/*
 * The clock as it stood, settled up to the change: each metric up to when
 * the change happened, or up to the response, resolution or report the
 * change records (what falls on that instant has not passed).
 */
void
sla_change_settle_before(Work *w)
{
	SlaClock	c = sla_change_clock(w, w->t_old, &w->before, w->c.paused_before);
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
void
sla_change_state(Work *w)
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
void
sla_change_deadlines(Work *w, SlaClock *clk)
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
				 (!w->nw.has_due[k] || c->key_changed || c->recomputing || c->settling || c->paused_now != c->paused_before ||
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

/*
 * A recomputation that leaves the deadlines where they were may still settle
 * them: the year they fall in was loaded, and they no longer rest on the
 * forecast (or, the other way, a calendar's days were removed).  Known from
 * the row's provisional column, which only the trigger writes.
 */
static bool
provisional_changed(Work *w)
{
	bool		was,
				known,
				now;

	was = was_provisional(w, &known);
	if (!known)
		return false;
	now = sla_targets_provisional(w->t_new, w->nw.has_due, w->nw.due);
	if (was == now)
		return false;
	sla_event_add(&w->evs, "recomputed", -1, GetCurrentStatementStartTimestamp(),
				  pstrdup(now ? "deadlines unchanged, now on the calendar's forecast"
						  : "deadlines unchanged, no longer provisional: on the calendar's announced days"),
				  &w->nw, w->tenant);
	return true;
}

/* The change's own events, carrying the deadlines after it; whether a deadline was recomputed. */
bool
sla_change_events(Work *w, SlaClock *clk)
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
	/* a write that settles a provisional ticket: its own events, if any, explain the new deadlines */
	if (!c->recomputing && !(c->settling && w->evs.n == 0))
		return false;
	for (k = 0; k < SLA_METRICS; k++)
		if (w->before.has_due[k] && nw->has_due[k] && nw->due[k] != w->before.due[k])
		{
			sla_event_add(&w->evs, "recomputed", k, GetCurrentStatementStartTimestamp(),
						  psprintf("due %s -> %s", crm_timestamptz_text(w->before.due[k]),
								   crm_timestamptz_text(nw->due[k])), nw, w->tenant);
			recomputed = true;
		}
	if (!recomputed)
		recomputed = provisional_changed(w);
	return recomputed;
}

/*
 * Write the events: a history that begins now starts with 'started' (and
 * the pause the inserted row was in), a renamed ticket's goes on from its
 * old key; then NOTIFY for each alert and each recomputed deadline.
 */
void
sla_change_write_log(Work *w)
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
	/* a history begun late starts with the old row's deadlines, provisional as they were then */
	for (i = 0; i < all.n - w->evs.n; i++)
	{
		bool		known,
					was = was_provisional(w, &known);

		all.ev[i].provisional = known ? was : sla_targets_provisional(w->t_old, all.ev[i].has_due, all.ev[i].due);
	}
	for (; i < all.n; i++)
		all.ev[i].provisional = sla_targets_provisional(w->t_new, all.ev[i].has_due, all.ev[i].due);
	sla_log_write(w->m->ticket_table, w->key, &all);
	/*
	 * On a Citus shard no listener is there, and a NOTIFY would keep the
	 * node's part of a multi-node transaction from being prepared: the
	 * coordinator's sweep notifies what it finds in the log (citus_sweep.c).
	 */
	for (i = 0; i < all.n && !w->m->shard; i++)
		if (strcmp(all.ev[i].kind, "warned") == 0 || strcmp(all.ev[i].kind, "breached") == 0 ||
			strcmp(all.ev[i].kind, "recomputed") == 0)
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


/*
 * A ticket whose contract exists but is hidden from the role by row-level
 * security belongs to another tenant's clock: a change by this role is
 * refused (it could neither be judged nor logged, and clearing the ticket's
 * alerts would silence them); a sweep or recomputation by it leaves the
 * ticket to one who sees it.
 */
static Record
hidden_contract(Work *w)
{
	if (w->t_old == NULL || w->t_old->visible || !sla_contract_exists(w->od.contract, w->od.tenant))
		return RECORD_OK;
	if (w->c.sweeping || w->c.recomputing)
		return RECORD_HIDDEN;
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("ticket %s of table %s: contract %lld is not visible to role \"%s\"",
					quote_literal_cstr(or_none(sla_ticket_key(w->m, w->oldtup))), w->m->ticket_table,
					(long long) w->od.contract, GetUserNameFromId(GetUserId(), false)),
			 errdetail("Only roles of the contract's tenant change what its SLA clock counts."),
			 errhint("Attach the role to the contract's tenant (crm_contract.tenant_member), or choose it with SET crm_contract.tenant.")));
	return RECORD_HIDDEN;		/* not reached */
}

/* The key, the tenant and the log of an updated ticket. */
Record
sla_change_read_record(Work *w, bool has_prev, TimestampTz prev)
{
	const Change *c = &w->c;
	Record		r;

	w->t_new = sla_change_targets(&w->nw, c->key_changed);
	w->t_old = c->key_changed ? sla_change_targets(&w->od, false) : w->t_new;
	if ((r = hidden_contract(w)) != RECORD_OK)
		return r;
	w->tenant = w->t_new && w->t_new->visible ? w->t_new->tenant :
		w->t_old && w->t_old->visible ? w->t_old->tenant : NULL;
	w->key = sla_ticket_key(w->m, w->newtup);
	if (w->tenant == NULL || (w->fresh && !sla_targets_any(w->t_new) && !sla_targets_any(w->t_old)))
		return RECORD_NONE;
	if (w->key == NULL)
		sla_change_null_key(w->m);
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
		return RECORD_NONE;
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
	return RECORD_OK;
}

