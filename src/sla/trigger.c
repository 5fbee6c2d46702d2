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
 * A logged change (sla/change.c) goes through three steps: the clock as it stood is
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
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "shared/text.h"
#include "sla/change.h"
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

/* The trigger's columns: deadlines, breached flags, the next alert and the alert mask. */
static HeapTuple
written_row(const SlaMapping *m, TupleDesc desc, SlaRow *row, const Ticket *tk, int32 alerts, const NextAlert *next,
			bool provisional)
{
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
	set_column(&out, m->att[SLA_ROLE_PROVISIONAL], false, BoolGetDatum(provisional));
	return sla_row_modified(row, desc, out.n, out.cols, out.values, out.nulls);
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

/*
 * An insert: deadlines from the opening, nothing logged (see the file
 * comment).  The path every bulk load takes: nothing here but the clock's
 * arithmetic and the row.
 */
static HeapTuple
insert_row(const SlaMapping *m, TupleDesc desc, SlaRow *row)
{
	Ticket		nw;
	TicketLog	log = {0};
	SlaPause	pause;
	SlaTargets *t;
	SlaClock	c = {0};
	NextAlert	next;
	int32		alerts = FRESH_BIT;
	int			k;

	sla_ticket_read(m, row, &nw, false);	/* whatever the client put in the trigger's columns is ignored */
	sla_times_check_insert(m, desc, row, &nw);
	sla_ticket_key_check(m, row);
	for (k = 0; k < SLA_DONE_METRICS; k++)
		if (nw.done[k])
			alerts |= PENDING_BIT(k);
	t = sla_change_targets(&nw, true);
	if (sla_targets_any(t) && row->nulls[m->att[SLA_ROLE_ID] - 1])
		sla_change_null_key(m);
	log.maxpauses = 1;
	log.pauses = &pause;
	c.m = m;
	c.t = sla_targets_any(t) ? t : NULL;
	c.log = &log;
	c.tk = &nw;
	c.paused = sla_status_pauses(m, nw.status);
	c.alerts = &alerts;
	for (k = 0; k < SLA_METRICS; k++)
	{
		nw.has_due[k] = k == SLA_UPDATE ? sla_clock_running(&c, k) : sla_clock_applies(&c, k);
		if (nw.has_due[k])
			nw.due[k] = sla_clock_due(&c, k);
	}
	next_alert_of(&c, &next);
	return written_row(m, desc, row, &nw, alerts, &next, sla_targets_provisional(c.t, nw.has_due, nw.due));
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
	return written_row(w->m, w->desc, w->newtup, &w->nw, w->alerts, &next, false);
}

/*
 * A ticket not open yet, computed as inserted; a recomputation counts it
 * when a deadline moved, as it counts the open ones.
 */
static HeapTuple
not_open_row(Work *w)
{
	HeapTuple	result = insert_row(w->m, w->desc, w->newtup);
	static const SlaRole dues[] = {SLA_ROLE_RESPONSE_DUE, SLA_ROLE_RESOLVE_DUE, SLA_ROLE_UPDATE_DUE};
	int			i;

	if (sla_mode_of(w->m->relid) != SLA_MODE_RECOMPUTE)
		return result;
	for (i = 0; i < (int) lengthof(dues); i++)
	{
		AttrNumber	att = w->m->att[dues[i]];
		bool		was_null,
					now_null;
		Datum		was,
					now;

		if (att == InvalidAttrNumber)
			continue;
		was = sla_row_get(w->oldtup, att, &was_null);
		now = heap_getattr(result, att, w->desc, &now_null);
		if (was_null != now_null || (!was_null && DatumGetTimestampTz(was) != DatumGetTimestampTz(now)))
		{
			sla_mode_count(1);
			break;
		}
	}
	return result;
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

	/*
	 * Not open yet: nothing was logged, so the row is the whole record and is
	 * computed as if inserted now (an opening corrected back to the past
	 * starts the record there, not at the opening it replaces).
	 */
	if (sla_ticket_not_open(&w->od))
		return not_open_row(w);
	sla_times_check_update(w->m, w->desc, w->oldtup, w->newtup, &w->od, &w->nw, &w->c.ct, &has_prev, &prev);
	w->fresh = (w->od.alerts & FRESH_BIT) != 0;
	sla_change_classify(w);
	/* the trigger's own columns come from the old row, whatever the new one says */
	memcpy(w->nw.has_due, w->od.has_due, sizeof(w->nw.has_due));
	memcpy(w->nw.due, w->od.due, sizeof(w->nw.due));
	w->alerts = w->od.alerts;
	/* a key the log could not keep is refused before anything else: a sweep would have to skip it */
	if (w->c.id_changed)
		sla_ticket_key_check(w->m, w->newtup);
	if (sla_change_untouched(w))
		return kept_row(w);
	switch (sla_change_read_record(w, has_prev, prev))
	{
		case RECORD_OK:
			break;
		case RECORD_NONE:
			return untargeted_row(w);
		case RECORD_HIDDEN:
			return kept_row(w);
	}

	w->before = w->od;
	sla_events_init(&w->evs);
	if (!w->c.sweeping && !w->c.recomputing)
		sla_change_settle_before(w);
	sla_change_state(w);
	clk = sla_change_clock(w, w->t_new, &w->nw, w->c.paused_now);
	sla_change_deadlines(w, &clk);
	if (sla_change_events(w, &clk))
		sla_mode_count(1);		/* a recomputation counts the tickets it changed */
	if (w->c.sweeping)
	{
		/* time passing up to the sweep's instant; a sweep counts what it recorded, judgements included */
		for (k = 0; k < SLA_METRICS; k++)
			sla_clock_settle(&clk, k, sla_mode_as_of(), false);
		sla_mode_count(w->evs.n);
	}
	next_alert_of(&clk, &next);
	sla_change_write_log(w);
	return written_row(w->m, w->desc, w->newtup, &w->nw, w->alerts, &next,
					   sla_targets_provisional(w->t_new, w->nw.has_due, w->nw.due));
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

/* An error in a ticket's write says which ticket of which table it is about. */
typedef struct TicketContext
{
	const SlaMapping *m;
	SlaRow	   *row;
} TicketContext;

static void
ticket_error_context(void *arg)
{
	TicketContext *tc = (TicketContext *) arg;
	char	   *key = tc->row->tup != NULL ? sla_ticket_key(tc->m, tc->row) : NULL;

	errcontext("crm_contract.sla_deadlines() on table %s, ticket %s", tc->m->ticket_table,
			   key ? quote_literal_cstr(key) : "with no id");
}

/* sla_deadlines(): see the file comment */
PG_FUNCTION_INFO_V1(crm_sla_deadlines);
Datum
crm_sla_deadlines(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	SlaMapping *m;
	TupleDesc	desc;
	Work	   *w;
	SlaRow		newrow,
				oldrow;
	HeapTuple	result;
	SlaMode		mode;
	ErrorContextCallback errcb;
	TicketContext tc;

	check_fired_as_row_trigger(fcinfo);
	m = statement_mapping(fcinfo);
	desc = RelationGetDescr(td->tg_relation);
	memset(&newrow, 0, sizeof(newrow));
	tc.m = m;
	tc.row = &newrow;
	errcb.callback = ticket_error_context;
	errcb.arg = &tc;
	errcb.previous = error_context_stack;
	error_context_stack = &errcb;
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		sla_row_deform(&newrow, td->tg_trigtuple, desc);
		/* a row moving between partitions arrives as an insert: it keeps what its update wrote */
		if (m->root != m->relid && sla_move_arrived(m, &newrow))
			result = newrow.tup;
		else
			result = insert_row(m, desc, &newrow);
		error_context_stack = errcb.previous;
		return PointerGetDatum(result);
	}
	w = palloc0(sizeof(Work));
	w->m = m;
	w->desc = desc;
	w->newtup = &newrow;
	w->oldtup = &oldrow;
	sla_row_deform(w->oldtup, td->tg_trigtuple, desc);
	sla_row_deform(w->newtup, td->tg_newtuple, desc);
	sla_ticket_read(m, w->oldtup, &w->od, true);
	sla_ticket_read(m, w->newtup, &w->nw, false);
	mode = sla_mode_of(m->relid);
	if (mode == SLA_MODE_NONE)
		result = update_row(w);
	else
		result = update_row_named(w, mode == SLA_MODE_SWEEP ? "sweep" : "recompute");
	if (m->root != m->relid)
		sla_move_expect(m, sla_ticket_key(m, w->newtup), w->newtup);
	error_context_stack = errcb.previous;
	return PointerGetDatum(result);
}
