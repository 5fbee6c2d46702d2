/*
 * sla_trigger.c - crm_contract.sla_deadlines(): a BEFORE INSERT OR UPDATE row
 * trigger for any ticket table (roles mapped to columns in sla_mapping.c).
 *
 * An insert only computes: deadlines, the next alert instant, no second row
 * written, so bulk loads stay cheap.  Changes that matter to the clock (a
 * pause, a resume, a priority change, a reopening, a response, an alert
 * fired by sla_sweep) append to crm_contract.sla_event; a ticket's first
 * logged change is preceded by its 'started' event, so the log replays the
 * whole history.  Pauses and cycles are read back from that log, and every
 * running deadline is recomputed from scratch (slaclock.c), never patched.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/async.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/datum.h"
#include "utils/hsearch.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"

#include "calendar_cache.h"
#include "sla_mapping.h"
#include "sla_trigger.h"
#include "core/slaclock.h"
#include "term_type.h"

#define MAX_WARN 7				/* warn_at entries: bits 0..6 of a metric's byte */
#define MAX_EVENTS 32
#define BREACH_BIT(k) (1 << ((k) * 8 + 7))
#define WARN_BIT(k, j) (1 << ((k) * 8 + (j)))

static const char *const metric_name[2] = {"response", "resolution"};

#define PRIORITY_KEY_LEN 64		/* longer priorities are looked up every time */

/* The targets of one (contract, priority): per metric a term, a calendar, warnings. */
typedef struct SlaTargets
{
	int64		contract;		/* hash key: contract and priority */
	char		priority[PRIORITY_KEY_LEN];
	char	   *tenant;			/* the contract's: the tenant of its events */
	bool		has[2];			/* 0 response, 1 resolution */
	Term		term[2];
	const WorkCalendar *cal[2];
	char	   *calname[2];
	int			nwarn[2];
	int32		warn[2][MAX_WARN];	/* shares in millionths, ascending */
} SlaTargets;

/*
 * Per statement, in fn_extra: the mapping and the targets read so far, so a
 * bulk insert reads each (contract, priority) once.  A new statement reads
 * them afresh: target edits need no invalidation.
 */
typedef struct SlaCache
{
	SlaMapping *m;
	HTAB	   *targets;
	SlaTargets	scratch;		/* for a priority too long to be a key */
} SlaCache;

/* One ticket row as the trigger sees it. */
typedef struct Ticket
{
	bool		has_key;		/* contract, priority and opening all set */
	int64		contract;
	char	   *priority;
	TimestampTz opened;
	char	   *status;
	bool		done[2];
	TimestampTz done_at[2];
	bool		has_due[2];
	TimestampTz due[2];
	int32		alerts;
} Ticket;

typedef struct PendingEvent
{
	const char *kind;
	int			metric;			/* -1: none */
	TimestampTz at;
	char	   *detail;
} PendingEvent;

/* What the log says about one ticket. */
typedef struct TicketLog
{
	int			nevents;
	int			npauses;
	int			maxpauses;
	SlaPause   *pauses;
	bool		has_cycle;
	TimestampTz cycle_start;	/* the last reopening */
} TicketLog;

/* Set by sla_sweep() / sla_recompute() around their UPDATE. */
static SlaMode mode = SLA_MODE_NONE;
static Oid	mode_relid = InvalidOid;
static TimestampTz mode_as_of;
static int64 mode_count;

static SPIPlanPtr insert_plan = NULL;
static SPIPlanPtr log_plan = NULL;
static SPIPlanPtr targets_plan = NULL;

void
sla_mode_begin(SlaMode m, Oid relid, TimestampTz as_of)
{
	mode = m;
	mode_relid = relid;
	mode_as_of = as_of;
	mode_count = 0;
}

int64
sla_mode_end(void)
{
	int64		n = mode_count;

	mode = SLA_MODE_NONE;
	mode_relid = InvalidOid;
	mode_count = 0;
	return n;
}

static SPIPlanPtr
prepare_kept(const char *sql, int nargs, Oid *types)
{
	SPIPlanPtr	p = SPI_prepare(sql, nargs, types);

	if (p == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	SPI_keepplan(p);
	return p;
}

/* The targets of (contract, priority), from the statement's cache or the table. */
static SlaTargets *
targets_for(SlaCache *c, MemoryContext mcxt, int64 contract, const char *priority)
{
	int			i;
	SlaTargets *t;
	SlaTargets	key;
	bool		found;
	Datum		args[2];
	MemoryContext old;

	if (strlen(priority) < PRIORITY_KEY_LEN)
	{
		if (c->targets == NULL)
		{
			HASHCTL		ctl;

			memset(&ctl, 0, sizeof(ctl));
			ctl.keysize = offsetof(SlaTargets, tenant);
			ctl.entrysize = sizeof(SlaTargets);
			ctl.hcxt = mcxt;
			c->targets = hash_create("crm_contract SLA targets", 64, &ctl,
									 HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
		}
		memset(&key, 0, offsetof(SlaTargets, tenant));
		key.contract = contract;
		strcpy(key.priority, priority);
		t = hash_search(c->targets, &key, HASH_ENTER, &found);
		if (found)
			return t;
		memset((char *) t + offsetof(SlaTargets, tenant), 0,
			   sizeof(SlaTargets) - offsetof(SlaTargets, tenant));
	}
	else
	{
		t = &c->scratch;
		memset(t, 0, sizeof(*t));
		t->contract = contract;
		strlcpy(t->priority, priority, PRIORITY_KEY_LEN);	/* for messages */
	}

	args[0] = Int64GetDatum(contract);
	args[1] = CStringGetTextDatum(priority);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (targets_plan == NULL)
	{
		Oid			types[2] = {INT8OID, TEXTOID};

		/* warn_at as millionths: numeric to bigint rounds, no floating point */
		targets_plan = prepare_kept(
			"SELECT s.metric::pg_catalog.text, s.target, coalesce(s.calendar, c.calendar), c.tenant,"
			"       (SELECT pg_catalog.array_agg((w OPERATOR(pg_catalog.*) 1000000)::pg_catalog.int4 ORDER BY w)"
			"          FROM pg_catalog.unnest(s.warn_at) w)"
			"  FROM crm_contract.sla_target s"
			"  JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) s.contract_id"
			" WHERE s.contract_id OPERATOR(pg_catalog.=) $1"
			"   AND s.priority OPERATOR(pg_catalog.=) $2", 2, types);
	}
	if (SPI_execute_plan(targets_plan, args, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read crm_contract.sla_target");
	for (i = 0; i < (int) SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	td = SPI_tuptable->tupdesc;
		char	   *metric = SPI_getvalue(tup, td, 1);
		bool		isnull;
		int			k = strcmp(metric, "response") == 0 ? 0 : strcmp(metric, "resolution") == 0 ? 1 : -1;
		Datum		warn;

		if (k < 0)
			continue;			/* periodic updates have no deadline column */
		t->has[k] = true;
		t->term[k] = DatumGetTerm(SPI_getbinval(tup, td, 2, &isnull));
		old = MemoryContextSwitchTo(mcxt);
		t->calname[k] = pstrdup(SPI_getvalue(tup, td, 3));
		t->tenant = pstrdup(SPI_getvalue(tup, td, 4));
		MemoryContextSwitchTo(old);
		warn = SPI_getbinval(tup, td, 5, &isnull);
		if (!isnull)
		{
			Datum	   *v;
			bool	   *vnull;
			int			n,
						j;

			deconstruct_array(DatumGetArrayTypeP(warn), INT4OID, 4, true, TYPALIGN_INT, &v, &vnull, &n);
			for (j = 0; j < n && j < MAX_WARN; j++)
				if (!vnull[j] && DatumGetInt32(v[j]) > 0 && DatumGetInt32(v[j]) < SLA_SHARE_SCALE)
					t->warn[k][t->nwarn[k]++] = DatumGetInt32(v[j]);
		}
	}
	SPI_finish();
	for (i = 0; i < 2; i++)
		if (t->has[i])
		{
			t->cal[i] = calendar_lookup(t->calname[i]);
			if (t->cal[i] == NULL)
				ereport(ERROR,
						(errcode(ERRCODE_UNDEFINED_OBJECT),
						 errmsg("calendar \"%s\" of the SLA target of contract %lld, priority \"%s\" does not exist",
								t->calname[i], (long long) contract, priority)));
		}
	return t;
}

static void
clock_check(WcStatus st, const WcError *err, const SlaTargets *t, int k, int64 result)
{
	if (st != WC_OK)
		calendar_report(st, err, t->calname[k], t->cal[k]);
	if (!IS_VALID_TIMESTAMP(result))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("SLA deadline of contract %lld, priority \"%s\" out of range",
						(long long) t->contract, t->priority)));
}

static TimestampTz
deadline(const SlaTargets *t, int k, TimestampTz start, const TicketLog *log)
{
	WcError		err;
	int64		due = 0;
	WcStatus	st = sla_deadline(t->cal[k], &t->term[k], start, log->pauses, log->npauses, &due, &err);

	clock_check(st, &err, t, k, due);
	return (TimestampTz) due;
}

static TimestampTz
warn_instant(const SlaTargets *t, int k, int j, TimestampTz start, const TicketLog *log)
{
	WcError		err;
	int64		at = 0;
	WcStatus	st = sla_share_instant(t->cal[k], &t->term[k], start, t->warn[k][j],
									   log->pauses, log->npauses, &at, &err);

	clock_check(st, &err, t, k, at);
	return (TimestampTz) at;
}

static Datum
getattr(HeapTuple tup, TupleDesc desc, AttrNumber att, bool *isnull)
{
	if (att == InvalidAttrNumber)
	{
		*isnull = true;
		return (Datum) 0;
	}
	return heap_getattr(tup, att, desc, isnull);
}

static bool
same_value(HeapTuple a, HeapTuple b, TupleDesc desc, AttrNumber att)
{
	bool		na,
				nb;
	Datum		va = getattr(a, desc, att, &na);
	Datum		vb = getattr(b, desc, att, &nb);
	Form_pg_attribute attr;

	if (na || nb)
		return na == nb;
	attr = TupleDescAttr(desc, att - 1);
	return datumIsEqual(va, vb, attr->attbyval, attr->attlen);
}

static void
read_ticket(const SlaMapping *m, HeapTuple tup, TupleDesc desc, Ticket *tk)
{
	static const SlaRole done_role[2] = {ROLE_RESPONDED, ROLE_RESOLVED};
	static const SlaRole due_role[2] = {ROLE_RESPONSE_DUE, ROLE_RESOLVE_DUE};
	bool		isnull;
	Datum		d;
	int			k;

	memset(tk, 0, sizeof(*tk));
	tk->has_key = true;
	d = getattr(tup, desc, m->att[ROLE_CONTRACT], &isnull);
	if (isnull)
		tk->has_key = false;
	else
		tk->contract = TupleDescAttr(desc, m->att[ROLE_CONTRACT] - 1)->atttypid == INT8OID ?
			DatumGetInt64(d) : DatumGetInt32(d);
	d = getattr(tup, desc, m->att[ROLE_PRIORITY], &isnull);
	if (isnull)
		tk->has_key = false;
	else
		tk->priority = TextDatumGetCString(d);
	d = getattr(tup, desc, m->att[ROLE_OPENED], &isnull);
	if (isnull)
		tk->has_key = false;
	else
		tk->opened = DatumGetTimestampTz(d);
	d = getattr(tup, desc, m->att[ROLE_STATUS], &isnull);
	tk->status = isnull ? NULL : TextDatumGetCString(d);
	for (k = 0; k < 2; k++)
	{
		d = getattr(tup, desc, m->att[done_role[k]], &isnull);
		tk->done[k] = !isnull;
		tk->done_at[k] = isnull ? 0 : DatumGetTimestampTz(d);
		d = getattr(tup, desc, m->att[due_role[k]], &isnull);
		tk->has_due[k] = !isnull;
		tk->due[k] = isnull ? 0 : DatumGetTimestampTz(d);
	}
	d = getattr(tup, desc, m->att[ROLE_ALERTS], &isnull);
	tk->alerts = isnull ? 0 : DatumGetInt32(d);
}

/* Pauses and the current resolution cycle of a ticket, from its log. */
static void
read_log(Oid relid, const char *ticket, TicketLog *log)
{
	Datum		args[2];
	uint64		i;

	memset(log, 0, sizeof(*log));
	args[0] = ObjectIdGetDatum(relid);
	args[1] = CStringGetTextDatum(ticket);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (log_plan == NULL)
	{
		Oid			types[2] = {REGCLASSOID, TEXTOID};

		log_plan = prepare_kept(
			"SELECT e.kind::pg_catalog.text, e.at FROM crm_contract.sla_event e"
			" WHERE e.tickets OPERATOR(pg_catalog.=) $1 AND e.ticket OPERATOR(pg_catalog.=) $2"
			"   AND e.kind OPERATOR(pg_catalog.=) ANY ('{started,paused,resumed,reopened}')"
			" ORDER BY e.id", 2, types);
	}
	/*
	 * The latest snapshot, not the statement's: we hold the ticket's row lock,
	 * so every event of this ticket written by another transaction has
	 * committed, and an UPDATE that waited for that lock must see them.
	 */
	if (SPI_execute_snapshot(log_plan, args, NULL, GetLatestSnapshot(), InvalidSnapshot,
							 true, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read crm_contract.sla_event");
	log->nevents = (int) SPI_processed;
	log->maxpauses = (int) SPI_processed + 1;	/* room for one more pause */
	log->pauses = SPI_palloc(sizeof(SlaPause) * log->maxpauses);	/* outlives SPI_finish */
	for (i = 0; i < SPI_processed; i++)
	{
		bool		isnull;
		char	   *kind = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);
		TimestampTz at = DatumGetTimestampTz(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2, &isnull));

		if (strcmp(kind, "paused") == 0)
		{
			log->pauses[log->npauses].from = at;
			log->pauses[log->npauses].to = SLA_PAUSE_OPEN;
			log->npauses++;
		}
		else if (strcmp(kind, "resumed") == 0)
		{
			if (log->npauses > 0 && log->pauses[log->npauses - 1].to == SLA_PAUSE_OPEN)
				log->pauses[log->npauses - 1].to = at;
		}
		else if (strcmp(kind, "reopened") == 0)
		{
			log->has_cycle = true;
			log->cycle_start = at;
		}
	}
	SPI_finish();
}

static char *
timestamptz_text(TimestampTz t)
{
	char		buf[MAXDATELEN + 1];

	return pstrdup(JsonEncodeDateTime(buf, TimestampTzGetDatum(t), TIMESTAMPTZOID, NULL));
}

/* NOTIFY crm_contract_sla with one alert as JSON. */
static void
notify_alert(const SlaMapping *m, const char *ticket, const Ticket *tk, const PendingEvent *ev,
			 TimestampTz due)
{
	StringInfoData s;

	initStringInfo(&s);
	appendStringInfoString(&s, "{\"table\": ");
	escape_json(&s, quote_qualified_identifier(get_namespace_name(get_rel_namespace(m->relid)), m->relname));
	appendStringInfoString(&s, ", \"ticket\": ");
	escape_json(&s, ticket);
	appendStringInfo(&s, ", \"contract\": %lld, \"priority\": ", (long long) tk->contract);
	escape_json(&s, tk->priority);
	appendStringInfo(&s, ", \"event\": \"%s\", \"metric\": \"%s\"", ev->kind, metric_name[ev->metric]);
	if (ev->detail)
	{
		appendStringInfoString(&s, ", \"detail\": ");
		escape_json(&s, ev->detail);
	}
	appendStringInfo(&s, ", \"at\": \"%s\", \"due\": \"%s\"}", timestamptz_text(ev->at), timestamptz_text(due));
	Async_Notify("crm_contract_sla", s.data);
}

static void
write_events(const SlaMapping *m, const SlaTargets *t, const char *ticket, const Ticket *row,
			 const PendingEvent *evs, int nev)
{
	int			i;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (insert_plan == NULL)
	{
		Oid			types[12] = {TEXTOID, REGCLASSOID, TEXTOID, INT8OID, TEXTOID, TEXTOID, TEXTOID,
		TIMESTAMPTZOID, TEXTOID, TIMESTAMPTZOID, TIMESTAMPTZOID, TEXTOID};

		insert_plan = prepare_kept(
			"INSERT INTO crm_contract.sla_event (tenant, tickets, ticket, contract_id, priority, kind, metric,"
			"                                    at, status, response_due, resolve_due, detail)"
			" VALUES ($1, $2, $3, $4, $5, $6::crm_contract.sla_event_kind, $7::crm_contract.sla_metric,"
			"         $8, $9, $10, $11, $12)", 12, types);
	}
	for (i = 0; i < nev; i++)
	{
		Datum		v[12];
		char		n[12];
		int			k;

		memset(n, ' ', sizeof(n));
		memset(v, 0, sizeof(v));
		v[0] = CStringGetTextDatum(t->tenant);
		v[1] = ObjectIdGetDatum(m->relid);
		v[2] = CStringGetTextDatum(ticket);
		v[3] = Int64GetDatum(row->contract);
		v[4] = CStringGetTextDatum(row->priority);
		v[5] = CStringGetTextDatum(evs[i].kind);
		if (evs[i].metric < 0)
			n[6] = 'n';
		else
			v[6] = CStringGetTextDatum(metric_name[evs[i].metric]);
		v[7] = TimestampTzGetDatum(evs[i].at);
		if (row->status == NULL)
			n[8] = 'n';
		else
			v[8] = CStringGetTextDatum(row->status);
		for (k = 0; k < 2; k++)
		{
			if (row->has_due[k])
				v[9 + k] = TimestampTzGetDatum(row->due[k]);
			else
				n[9 + k] = 'n';
		}
		if (evs[i].detail == NULL)
			n[11] = 'n';
		else
			v[11] = CStringGetTextDatum(evs[i].detail);
		if (SPI_execute_plan(insert_plan, v, n, false, 0) != SPI_OK_INSERT)
			elog(ERROR, "could not write crm_contract.sla_event");
	}
	SPI_finish();
}

/* When a change happened: the 'changed' column if this update moved it, else the statement's time. */
static TimestampTz
event_time(const SlaMapping *m, HeapTuple oldtup, HeapTuple newtup, TupleDesc desc)
{
	bool		isnull;
	Datum		d = getattr(newtup, desc, m->att[ROLE_CHANGED], &isnull);

	if (!isnull && !same_value(oldtup, newtup, desc, m->att[ROLE_CHANGED]))
		return DatumGetTimestampTz(d);
	return GetCurrentStatementStartTimestamp();
}

static void
add_event(PendingEvent *evs, int *nev, const char *kind, int metric, TimestampTz at, char *detail)
{
	if (*nev >= MAX_EVENTS)
		elog(ERROR, "too many SLA events in one row change");
	evs[*nev].kind = kind;
	evs[*nev].metric = metric;
	evs[*nev].at = at;
	evs[*nev].detail = detail;
	(*nev)++;
}

/* sla_deadlines(): see the file comment */
PG_FUNCTION_INFO_V1(crm_sla_deadlines);
Datum
crm_sla_deadlines(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	SlaCache   *c;
	SlaMapping *m;
	TupleDesc	desc;
	HeapTuple	newtup,
				oldtup = NULL;
	bool		is_insert;
	Ticket		tk[2];			/* [0] before the change, [1] after */
	Ticket	   *nw = &tk[1],
			   *od = &tk[0];
	SlaTargets *t = NULL;
	bool		key_changed,
				paused_now,
				paused_before,
				reopened,
				sweeping,
				recomputing;
	bool		done_new[2];
	PendingEvent evs[MAX_EVENTS];
	int			nev = 0;
	TicketLog	log;
	TimestampTz ev_at;
	int32		alerts;
	int			k;
	char	   *ticket = NULL;
	int			cols[8];
	Datum		values[8];
	bool		nulls[8];
	int			n = 0;
	bool		has_next = false;
	TimestampTz next_alert = 0;
	static const SlaRole due_role[2] = {ROLE_RESPONSE_DUE, ROLE_RESOLVE_DUE};
	static const SlaRole flag_role[2] = {ROLE_RESPONSE_BREACHED, ROLE_RESOLVE_BREACHED};

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

	c = (SlaCache *) fcinfo->flinfo->fn_extra;
	if (c == NULL || c->m->relid != RelationGetRelid(td->tg_relation))
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(SlaCache));
		c->m = sla_mapping_build(td->tg_relation, td->tg_trigger, fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = c;
	}
	m = c->m;
	desc = RelationGetDescr(td->tg_relation);
	is_insert = TRIGGER_FIRED_BY_INSERT(td->tg_event);
	if (is_insert)
		newtup = td->tg_trigtuple;
	else
	{
		oldtup = td->tg_trigtuple;
		newtup = td->tg_newtuple;
	}

	read_ticket(m, newtup, desc, nw);
	if (is_insert)
		memcpy(od, nw, sizeof(Ticket));
	else
		read_ticket(m, oldtup, desc, od);
	key_changed = is_insert ||
		!same_value(oldtup, newtup, desc, m->att[ROLE_CONTRACT]) ||
		!same_value(oldtup, newtup, desc, m->att[ROLE_PRIORITY]) ||
		!same_value(oldtup, newtup, desc, m->att[ROLE_OPENED]);
	sweeping = !is_insert && mode == SLA_MODE_SWEEP && mode_relid == m->relid;
	recomputing = !is_insert && mode == SLA_MODE_RECOMPUTE && mode_relid == m->relid;
	paused_now = sla_status_pauses(m, nw->status);
	paused_before = !is_insert && sla_status_pauses(m, od->status);
	reopened = !is_insert && od->done[1] && !nw->done[1];
	for (k = 0; k < 2; k++)
		done_new[k] = nw->done[k] && (is_insert || !od->done[k]);

	/* nothing the clock cares about changed: leave the row alone */
	if (!key_changed && !sweeping && !recomputing && paused_now == paused_before && !reopened &&
		!done_new[0] && !done_new[1] &&
		same_value(oldtup, newtup, desc, m->att[ROLE_RESPONDED]) &&
		same_value(oldtup, newtup, desc, m->att[ROLE_RESOLVED]))
		return PointerGetDatum(newtup);

	if (nw->has_key)
	{
		t = targets_for(c, fcinfo->flinfo->fn_mcxt, nw->contract, nw->priority);
		if (!t->has[0] && !t->has[1])
		{
			if (key_changed)
				ereport(NOTICE,
						(errmsg("contract %lld has no SLA target for priority \"%s\": the ticket gets no deadlines",
								(long long) nw->contract, nw->priority),
						 errhint("Add rows to crm_contract.sla_target.")));
			t = NULL;
		}
	}

	/*
	 * No SLA applies (or none this role can see): a new key gets no deadlines;
	 * otherwise the row keeps what it has, nothing is guessed or wiped.
	 */
	if (t == NULL)
	{
		for (k = 0; k < 2; k++)
		{
			if (m->att[due_role[k]] != InvalidAttrNumber && key_changed)
			{
				cols[n] = m->att[due_role[k]];
				nulls[n] = true;
				values[n++] = (Datum) 0;
			}
			if (m->att[flag_role[k]] != InvalidAttrNumber && key_changed)
			{
				cols[n] = m->att[flag_role[k]];
				nulls[n] = true;
				values[n++] = (Datum) 0;
			}
		}
		if (m->att[ROLE_NEXT_ALERT] != InvalidAttrNumber && key_changed)
		{
			cols[n] = m->att[ROLE_NEXT_ALERT];
			nulls[n] = true;
			values[n++] = (Datum) 0;
		}
		if (n > 0)
			newtup = heap_modify_tuple_by_cols(newtup, desc, n, cols, values, nulls);
		return PointerGetDatum(newtup);
	}

	/* the ticket's key for the log */
	{
		bool		isnull;
		Datum		d = getattr(newtup, desc, m->att[ROLE_ID], &isnull);
		Oid			out;
		bool		varlena;

		if (!isnull)
		{
			getTypeOutputInfo(m->id_type, &out, &varlena);
			ticket = OidOutputFunctionCall(out, d);
		}
	}

	/* what the log knows: pauses and the resolution cycle (an insert has no past) */
	memset(&log, 0, sizeof(log));
	if (!is_insert && ticket != NULL)
		read_log(m->relid, ticket, &log);
	if (log.pauses == NULL)
	{
		log.maxpauses = 1;
		log.pauses = palloc(sizeof(SlaPause));
	}
	ev_at = is_insert ? nw->opened : event_time(m, oldtup, newtup, desc);

	if (!is_insert && key_changed)
	{
		char	   *detail;

		if (od->has_key && od->contract != nw->contract)
			detail = psprintf("contract %lld -> %lld", (long long) od->contract, (long long) nw->contract);
		else if (od->priority && strcmp(od->priority, nw->priority) != 0)
			detail = psprintf("%s -> %s", od->priority, nw->priority);
		else
			detail = pstrdup("opening moved");
		add_event(evs, &nev, "priority_changed", -1, ev_at, detail);
	}
	if (paused_now && !paused_before)
	{
		add_event(evs, &nev, "paused", -1, ev_at, pstrdup(nw->status));
		if (log.npauses < log.maxpauses)
		{
			log.pauses[log.npauses].from = ev_at;
			log.pauses[log.npauses].to = SLA_PAUSE_OPEN;
			log.npauses++;
		}
	}
	if (!paused_now && paused_before)
	{
		add_event(evs, &nev, "resumed", -1, ev_at, od->status ? pstrdup(od->status) : NULL);
		if (log.npauses > 0 && log.pauses[log.npauses - 1].to == SLA_PAUSE_OPEN)
			log.pauses[log.npauses - 1].to = ev_at > log.pauses[log.npauses - 1].from ?
				ev_at : log.pauses[log.npauses - 1].from;
	}
	if (reopened)
	{
		add_event(evs, &nev, "reopened", 1, ev_at,
				  psprintf("earlier cycle resolved %s, due %s%s", timestamptz_text(od->done_at[1]),
						   od->has_due[1] ? timestamptz_text(od->due[1]) : "none",
						   (od->alerts & BREACH_BIT(1)) || (od->has_due[1] && od->done_at[1] > od->due[1]) ?
						   ", breached" : ""));
		log.has_cycle = true;
		log.cycle_start = ev_at;
	}

	alerts = is_insert ? 0 : nw->alerts;
	if (reopened)
		alerts &= ~(0xFF << 8);

	for (k = 0; k < 2; k++)
	{
		TimestampTz start = nw->opened;
		bool		open = !nw->done[k];
		TimestampTz old_due = nw->due[k];
		bool		had_due = nw->has_due[k];

		if (!t->has[k])
		{
			nw->has_due[k] = false;
			continue;
		}
		if (k == 1 && log.has_cycle && log.cycle_start > start)
			start = log.cycle_start;
		/* a met or missed deadline is a fact; only running clocks (and new rows) are recomputed */
		if (is_insert || (open && (key_changed || recomputing || paused_now != paused_before ||
								   (k == 1 && reopened) || !had_due)) ||
			(!open && !had_due))
		{
			nw->due[k] = deadline(t, k, start, &log);
			nw->has_due[k] = true;
		}
		if (recomputing && had_due && nw->due[k] != old_due)
			add_event(evs, &nev, "recomputed", k, GetCurrentStatementStartTimestamp(),
					  psprintf("due %s -> %s", timestamptz_text(old_due), timestamptz_text(nw->due[k])));

		/* a response or resolution: met, or a breach not yet recorded by a sweep */
		if (done_new[k] && !(alerts & BREACH_BIT(k)))
		{
			if (nw->done_at[k] > nw->due[k])
			{
				add_event(evs, &nev, "breached", k, nw->due[k], NULL);
				alerts |= BREACH_BIT(k);
			}
			else
				add_event(evs, &nev, "met", k, nw->done_at[k], NULL);
		}

		/* time passing, as of the sweep: each warning and the breach once */
		if (sweeping && open && !paused_now)
		{
			int			j;

			for (j = 0; j < t->nwarn[k]; j++)
			{
				TimestampTz at;

				if (alerts & WARN_BIT(k, j))
					continue;
				at = warn_instant(t, k, j, start, &log);
				if (at > mode_as_of)
					break;
				add_event(evs, &nev, "warned", k, at,
						  psprintf("%d%%", (int) ((t->warn[k][j] + 5000) / 10000)));
				alerts |= WARN_BIT(k, j);
				mode_count++;
			}
			if (!(alerts & BREACH_BIT(k)) && nw->due[k] <= mode_as_of)
			{
				add_event(evs, &nev, "breached", k, nw->due[k], NULL);
				alerts |= BREACH_BIT(k);
				mode_count++;
			}
		}

		/* the next alert of this clock: its first unfired warning, else its breach */
		if (open && !paused_now && m->att[ROLE_NEXT_ALERT] != InvalidAttrNumber)
		{
			int			j;
			TimestampTz at = 0;
			bool		found = false;

			for (j = 0; j < t->nwarn[k] && !found; j++)
				if (!(alerts & WARN_BIT(k, j)))
				{
					at = warn_instant(t, k, j, start, &log);
					found = true;
				}
			if (!found && !(alerts & BREACH_BIT(k)))
			{
				at = nw->due[k];
				found = true;
			}
			if (found && (!has_next || at < next_alert))
			{
				next_alert = at;
				has_next = true;
			}
		}
	}
	if (recomputing && nev > 0)
		mode_count++;

	/* append to the log; a ticket's first logged change comes after its start */
	if (nev > 0 && ticket != NULL)
	{
		int			i;

		if (log.nevents == 0)
		{
			/* the start as the row stood before this change */
			PendingEvent started = {"started", -1, od->opened, NULL};

			write_events(m, t, ticket, is_insert ? nw : od, &started, 1);
		}
		write_events(m, t, ticket, nw, evs, nev);
		for (i = 0; i < nev; i++)
			if (strcmp(evs[i].kind, "warned") == 0 || strcmp(evs[i].kind, "breached") == 0)
				notify_alert(m, ticket, nw, &evs[i], nw->due[evs[i].metric]);
	}

	for (k = 0; k < 2; k++)
	{
		if (m->att[due_role[k]] != InvalidAttrNumber)
		{
			cols[n] = m->att[due_role[k]];
			nulls[n] = !nw->has_due[k];
			values[n] = nulls[n] ? (Datum) 0 : TimestampTzGetDatum(nw->due[k]);
			n++;
		}
		if (m->att[flag_role[k]] != InvalidAttrNumber)
		{
			bool		breached = (alerts & BREACH_BIT(k)) != 0;

			cols[n] = m->att[flag_role[k]];
			if (nw->done[k] && nw->has_due[k])
			{
				nulls[n] = false;
				values[n++] = BoolGetDatum(breached || nw->done_at[k] > nw->due[k]);
			}
			else
			{
				nulls[n] = !breached;
				values[n++] = BoolGetDatum(breached);
			}
		}
	}
	if (m->att[ROLE_NEXT_ALERT] != InvalidAttrNumber)
	{
		cols[n] = m->att[ROLE_NEXT_ALERT];
		nulls[n] = !has_next;
		values[n++] = has_next ? TimestampTzGetDatum(next_alert) : (Datum) 0;
		cols[n] = m->att[ROLE_ALERTS];
		nulls[n] = false;
		values[n++] = Int32GetDatum(alerts);
	}
	if (n > 0)
		newtup = heap_modify_tuple_by_cols(newtup, desc, n, cols, values, nulls);
	return PointerGetDatum(newtup);
}
