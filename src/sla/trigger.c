/*
 * trigger.c - crm_contract.sla_deadlines(): a BEFORE INSERT OR UPDATE row
 * trigger for any ticket table (roles mapped to columns in sla/mapping.c).
 *
 * An insert only computes: deadlines, the next alert instant, no second row
 * written, so bulk loads stay cheap.  Changes that matter to the clock (a
 * pause, a resume, a priority change, a reopening, a response, an alert
 * fired by sla_sweep) append to crm_contract.sla_event (sla/log.c); a
 * ticket's first logged change is preceded by its 'started' event, so the
 * log replays the whole history.  Pauses and cycles are read back from that
 * log, and every running deadline is recomputed from scratch
 * (core/sla_clock.c), never patched.
 *
 * A row change goes through four steps: classify it (what happened to the
 * clock), log the clock's own events (pause, resume, priority change,
 * reopening), settle each metric (deadline, met or breached, the sweep's
 * warnings, the next alert), then write the log and the row.
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "shared/text.h"
#include "sla/log.h"
#include "sla/mapping.h"
#include "sla/notify.h"
#include "sla/row.h"
#include "sla/sweep.h"
#include "sla/targets.h"

/* The alert mask: a byte per metric, warnings in bits 0..6, the breach in bit 7. */
#define BREACH_BIT(k) (1 << ((k) * 8 + 7))
#define WARN_BIT(k, j) (1 << ((k) * 8 + (j)))

static const SlaRole due_role[SLA_METRICS] = {SLA_ROLE_RESPONSE_DUE, SLA_ROLE_RESOLVE_DUE};
static const SlaRole flag_role[SLA_METRICS] = {SLA_ROLE_RESPONSE_BREACHED, SLA_ROLE_RESOLVE_BREACHED};

/* Per statement, in fn_extra: the column mapping, checked once. */
typedef struct SlaCache
{
	SlaMapping *m;
} SlaCache;

/* What a row change is, for the clock. */
typedef struct Change
{
	bool		is_insert;
	bool		key_changed;	/* contract, priority or opening: a new target */
	bool		sweeping;		/* sla_sweep() of this table */
	bool		recomputing;	/* sla_recompute() of this table */
	bool		paused_now;
	bool		paused_before;
	bool		reopened;
	bool		done_new[SLA_METRICS];	/* responded / resolved by this change */
	TimestampTz at;				/* when it happened */
} Change;

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

/* The columns the trigger writes, gathered for one sla_row_modified(). */
typedef struct Written
{
	int			n;
	int			cols[8];
	Datum		values[8];
	bool		nulls[8];
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

/* When a change happened: the 'changed' column if this update moved it, else the statement's time. */
static TimestampTz
event_time(const SlaMapping *m, const SlaRow *oldtup, const SlaRow *newtup, TupleDesc desc)
{
	bool		isnull;
	Datum		d = sla_row_get(newtup, m->att[SLA_ROLE_CHANGED], &isnull);

	if (!isnull && !sla_row_same(oldtup, newtup, desc, m->att[SLA_ROLE_CHANGED]))
		return DatumGetTimestampTz(d);
	return GetCurrentStatementStartTimestamp();
}

static void
classify(const SlaMapping *m, TupleDesc desc, const SlaRow *oldtup, const SlaRow *newtup,
		 const Ticket *od, const Ticket *nw, Change *c)
{
	SlaMode		mode = sla_mode_of(m->relid);
	int			k;

	c->is_insert = oldtup == NULL;
	c->key_changed = c->is_insert ||
		!sla_row_same(oldtup, newtup, desc, m->att[SLA_ROLE_CONTRACT]) ||
		!sla_row_same(oldtup, newtup, desc, m->att[SLA_ROLE_PRIORITY]) ||
		!sla_row_same(oldtup, newtup, desc, m->att[SLA_ROLE_OPENED]);
	c->sweeping = !c->is_insert && mode == SLA_MODE_SWEEP;
	c->recomputing = !c->is_insert && mode == SLA_MODE_RECOMPUTE;
	c->paused_now = sla_status_pauses(m, nw->status);
	c->paused_before = !c->is_insert && sla_status_pauses(m, od->status);
	c->reopened = !c->is_insert && od->done[1] && !nw->done[1];
	for (k = 0; k < SLA_METRICS; k++)
		c->done_new[k] = nw->done[k] && (c->is_insert || !od->done[k]);
}

/* Nothing the clock cares about changed: the row is left alone. */
static bool
clock_untouched(const SlaMapping *m, TupleDesc desc, const SlaRow *oldtup, const SlaRow *newtup,
				const Change *c)
{
	return !c->key_changed && !c->sweeping && !c->recomputing &&
		c->paused_now == c->paused_before && !c->reopened &&
		!c->done_new[0] && !c->done_new[1] &&
		sla_row_same(oldtup, newtup, desc, m->att[SLA_ROLE_RESPONDED]) &&
		sla_row_same(oldtup, newtup, desc, m->att[SLA_ROLE_RESOLVED]);
}

/*
 * No SLA applies (or none this role can see): a new key gets no deadlines;
 * otherwise the row keeps what it has, nothing is guessed or wiped.
 */
static HeapTuple
untargeted_row(const SlaMapping *m, TupleDesc desc, SlaRow *newtup, const Change *c)
{
	Written		w = {0};
	int			k;

	if (c->key_changed)
		for (k = 0; k < SLA_METRICS; k++)
		{
			set_column(&w, m->att[due_role[k]], true, (Datum) 0);
			set_column(&w, m->att[flag_role[k]], true, (Datum) 0);
		}
	/* a sweep or recompute of a ticket with no (visible) target: nothing to alert, stop sweeping it */
	if (c->key_changed || c->sweeping || c->recomputing)
		set_column(&w, m->att[SLA_ROLE_NEXT_ALERT], true, (Datum) 0);
	return sla_row_modified(newtup, desc, w.n, w.cols, w.values, w.nulls);
}

/* The clock's own events: a priority change, a pause, a resume, a reopening. */
static void
clock_events(const Change *c, const Ticket *od, const Ticket *nw, TicketLog *log, SlaEventList *evs)
{
	if (!c->is_insert && c->key_changed)
	{
		char	   *detail;

		if (od->has_key && od->contract != nw->contract)
			detail = psprintf("contract %lld -> %lld", (long long) od->contract, (long long) nw->contract);
		else if (od->priority && strcmp(od->priority, nw->priority) != 0)
			detail = psprintf("%s -> %s", od->priority, nw->priority);
		else
			detail = pstrdup("opening moved");
		sla_event_add(evs, "priority_changed", -1, c->at, detail);
	}
	if (c->paused_now && !c->paused_before)
	{
		sla_event_add(evs, "paused", -1, c->at, pstrdup(nw->status));
		if (log->npauses < log->maxpauses)
		{
			log->pauses[log->npauses].from = c->at;
			log->pauses[log->npauses].to = SLA_PAUSE_OPEN;
			log->npauses++;
		}
	}
	if (!c->paused_now && c->paused_before)
	{
		SlaPause   *last = log->npauses > 0 ? &log->pauses[log->npauses - 1] : NULL;

		sla_event_add(evs, "resumed", -1, c->at, od->status ? pstrdup(od->status) : NULL);
		if (last && last->to == SLA_PAUSE_OPEN)
			last->to = c->at > last->from ? c->at : last->from;
	}
	if (c->reopened)
	{
		sla_event_add(evs, "reopened", 1, c->at,
					  psprintf("earlier cycle resolved %s, due %s%s", crm_timestamptz_text(od->done_at[1]),
							   od->has_due[1] ? crm_timestamptz_text(od->due[1]) : "none",
							   (od->alerts & BREACH_BIT(1)) || (od->has_due[1] && od->done_at[1] > od->due[1]) ?
							   ", breached" : ""));
		log->has_cycle = true;
		log->cycle_start = c->at;
	}
}

/* Metric k's deadline: a met or missed deadline is a fact; only running clocks (and new rows) are recomputed. */
static void
metric_deadline(const SlaTargets *t, int k, TimestampTz start, const Change *c, const TicketLog *log,
				Ticket *nw, SlaEventList *evs)
{
	bool		open = !nw->done[k];
	TimestampTz old_due = nw->due[k];
	bool		had_due = nw->has_due[k];

	if (c->is_insert || (open && (c->key_changed || c->recomputing || c->paused_now != c->paused_before ||
								  (k == 1 && c->reopened) || !had_due)) ||
		(!open && !had_due))
	{
		nw->due[k] = sla_target_deadline(t, k, start, log->pauses, log->npauses);
		nw->has_due[k] = true;
	}
	if (c->recomputing && had_due && nw->due[k] != old_due)
		sla_event_add(evs, "recomputed", k, GetCurrentStatementStartTimestamp(),
					  psprintf("due %s -> %s", crm_timestamptz_text(old_due), crm_timestamptz_text(nw->due[k])));
}

/* A response or resolution: met, or a breach not yet recorded by a sweep. */
static void
metric_outcome(int k, const Change *c, const Ticket *nw, int32 *alerts, SlaEventList *evs)
{
	if (!c->done_new[k] || (*alerts & BREACH_BIT(k)))
		return;
	if (nw->done_at[k] > nw->due[k])
	{
		sla_event_add(evs, "breached", k, nw->due[k], NULL);
		*alerts |= BREACH_BIT(k);
	}
	else
		sla_event_add(evs, "met", k, nw->done_at[k], NULL);
}

/* Time passing, as of the sweep: each warning and the breach once. */
static void
metric_sweep(const SlaTargets *t, int k, TimestampTz start, const TicketLog *log, const Ticket *nw,
			 int32 *alerts, SlaEventList *evs)
{
	TimestampTz as_of = sla_mode_as_of();
	int			j;

	for (j = 0; j < t->nwarn[k]; j++)
	{
		TimestampTz at;

		if (*alerts & WARN_BIT(k, j))
			continue;
		at = sla_target_warning(t, k, j, start, log->pauses, log->npauses);
		if (at > as_of)
			break;
		sla_event_add(evs, "warned", k, at, psprintf("%d%%", (int) ((t->warn[k][j] + 5000) / 10000)));
		*alerts |= WARN_BIT(k, j);
		sla_mode_count(1);
	}
	if (!(*alerts & BREACH_BIT(k)) && nw->due[k] <= as_of)
	{
		sla_event_add(evs, "breached", k, nw->due[k], NULL);
		*alerts |= BREACH_BIT(k);
		sla_mode_count(1);
	}
}

/* The next alert of metric k's clock (its first unfired warning, else its breach), if earlier than next. */
static void
metric_next_alert(const SlaTargets *t, int k, TimestampTz start, const TicketLog *log, const Ticket *nw,
				  int32 alerts, NextAlert *next)
{
	int			j;
	TimestampTz at = 0;
	bool		found = false;
	int64		amount = -1;
	bool		working = term_unit_is_working(t->term[k].unit);

	for (j = 0; j < t->nwarn[k] && !found; j++)
		if (!(alerts & WARN_BIT(k, j)))
		{
			amount = sla_clock_share_amount(&t->term[k], t->warn[k][j]);

			/*
			 * Same calendar, same kind of clock, no earlier start and no
			 * smaller amount than the alert already found: it cannot come
			 * first (the clock is monotone), so skip the walk.
			 */
			if (next->has && amount >= 0 && next->amount >= 0 && amount >= next->amount &&
				start >= next->start && t->cal[k] == next->cal && working == next->working)
				break;
			at = sla_target_warning(t, k, j, start, log->pauses, log->npauses);
			found = true;
		}
	if (!found && j == t->nwarn[k] && !(alerts & BREACH_BIT(k)))
	{
		at = nw->due[k];
		amount = sla_clock_share_amount(&t->term[k], SLA_SHARE_SCALE);
		found = true;
	}
	if (found && (!next->has || at < next->at))
	{
		next->has = true;
		next->at = at;
		next->amount = amount;
		next->start = start;
		next->cal = t->cal[k];
		next->working = working;
	}
}

/* Append to the log; a ticket's first logged change comes after its start (as the row stood before). */
static void
append_log(const SlaMapping *m, const SlaTargets *t, const char *ticket, const TicketLog *log,
		   const Change *c, const Ticket *od, const Ticket *nw, const SlaEventList *evs)
{
	int			i;

	if (log->nevents == 0)
	{
		SlaEvent	started = {"started", -1, od->opened, NULL};

		sla_log_write(m, t->tenant, ticket, c->is_insert ? nw : od, &started, 1);
	}
	sla_log_write(m, t->tenant, ticket, nw, evs->ev, evs->n);
	for (i = 0; i < evs->n; i++)
		if (strcmp(evs->ev[i].kind, "warned") == 0 || strcmp(evs->ev[i].kind, "breached") == 0)
			sla_notify_alert(m, ticket, nw, &evs->ev[i], nw->due[evs->ev[i].metric]);
}

/* The trigger's columns: deadlines, breached flags, the next alert and the alert mask. */
static HeapTuple
written_row(const SlaMapping *m, TupleDesc desc, SlaRow *newtup, const Ticket *nw, int32 alerts,
			const NextAlert *next)
{
	Written		w = {0};
	int			k;

	for (k = 0; k < SLA_METRICS; k++)
	{
		bool		breached = (alerts & BREACH_BIT(k)) != 0;

		set_column(&w, m->att[due_role[k]], !nw->has_due[k], TimestampTzGetDatum(nw->due[k]));
		if (nw->done[k] && nw->has_due[k])
			set_column(&w, m->att[flag_role[k]], false, BoolGetDatum(breached || nw->done_at[k] > nw->due[k]));
		else
			set_column(&w, m->att[flag_role[k]], !breached, BoolGetDatum(breached));
	}
	if (m->att[SLA_ROLE_NEXT_ALERT] != InvalidAttrNumber)
	{
		set_column(&w, m->att[SLA_ROLE_NEXT_ALERT], !next->has, TimestampTzGetDatum(next->at));
		set_column(&w, m->att[SLA_ROLE_ALERTS], false, Int32GetDatum(alerts));
	}
	return sla_row_modified(newtup, desc, w.n, w.cols, w.values, w.nulls);
}

/* sla_deadlines(): see the file comment */
PG_FUNCTION_INFO_V1(crm_sla_deadlines);
Datum
crm_sla_deadlines(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	SlaMapping *m;
	TupleDesc	desc;
	SlaRow		newrow,
				oldrow;
	SlaRow	   *newtup = &newrow,
			   *oldtup = NULL;
	Ticket		od,				/* the ticket before the change */
				nw;				/* after */
	Change		c;
	SlaTargets *t = NULL;
	SlaEventList evs;
	TicketLog	log;
	NextAlert	next = {0};
	int32		alerts;
	int			k;
	char	   *ticket = NULL;

	check_fired_as_row_trigger(fcinfo);
	m = statement_mapping(fcinfo);
	desc = RelationGetDescr(td->tg_relation);
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
		sla_row_deform(newtup, td->tg_trigtuple, desc);
	else
	{
		oldtup = &oldrow;
		sla_row_deform(oldtup, td->tg_trigtuple, desc);
		sla_row_deform(newtup, td->tg_newtuple, desc);
	}
	sla_ticket_read(m, newtup, desc, &nw);
	if (oldtup == NULL)
		memcpy(&od, &nw, sizeof(Ticket));
	else
		sla_ticket_read(m, oldtup, desc, &od);
	classify(m, desc, oldtup, newtup, &od, &nw, &c);
	if (clock_untouched(m, desc, oldtup, newtup, &c))
		return PointerGetDatum(newtup->tup);

	if (nw.has_key)
	{
		t = sla_targets_for(nw.contract, nw.priority);
		if (!t->has[0] && !t->has[1])
		{
			if (c.key_changed)
				ereport(NOTICE,
						(errmsg("contract %lld has no SLA target for priority \"%s\": the ticket gets no deadlines",
								(long long) nw.contract, nw.priority),
						 errhint("Add rows to crm_contract.sla_target.")));
			t = NULL;
		}
	}
	if (t == NULL)
		return PointerGetDatum(untargeted_row(m, desc, newtup, &c));

	/* what the log knows: pauses and the resolution cycle (an insert has no past) */
	memset(&log, 0, sizeof(log));
	if (!c.is_insert && (ticket = sla_ticket_key(m, newtup)) != NULL)
		sla_log_read(m->relid, ticket, &log);
	if (log.pauses == NULL)
	{
		log.maxpauses = 1;
		log.pauses = palloc(sizeof(SlaPause));
	}
	c.at = c.is_insert ? nw.opened : event_time(m, oldtup, newtup, desc);

	evs.n = 0;
	clock_events(&c, &od, &nw, &log, &evs);
	alerts = c.is_insert ? 0 : nw.alerts;
	if (c.reopened)
		alerts &= ~(0xFF << 8);

	for (k = 0; k < SLA_METRICS; k++)
	{
		TimestampTz start = nw.opened;
		bool		open = !nw.done[k];

		if (!t->has[k])
		{
			nw.has_due[k] = false;
			continue;
		}
		if (k == 1 && log.has_cycle && log.cycle_start > start)
			start = log.cycle_start;
		metric_deadline(t, k, start, &c, &log, &nw, &evs);
		metric_outcome(k, &c, &nw, &alerts, &evs);
		if (c.sweeping && open && !c.paused_now)
			metric_sweep(t, k, start, &log, &nw, &alerts, &evs);
		if (open && !c.paused_now && m->att[SLA_ROLE_NEXT_ALERT] != InvalidAttrNumber)
			metric_next_alert(t, k, start, &log, &nw, alerts, &next);
	}
	if (c.recomputing && evs.n > 0)
		sla_mode_count(1);

	if (evs.n > 0 && ticket == NULL)
		ticket = sla_ticket_key(m, newtup);
	if (evs.n > 0 && ticket != NULL)
		append_log(m, t, ticket, &log, &c, &od, &nw, &evs);
	return PointerGetDatum(written_row(m, desc, newtup, &nw, alerts, &next));
}
