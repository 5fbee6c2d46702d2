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
#include "utils/inval.h"
#include "catalog/namespace.h"
#include "miscadmin.h"
#include "utils/guc.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"

#include "calendar_cache.h"
#include "sla_mapping.h"
#include "sla_trigger.h"
#include "spi_util.h"
#include "core/slaclock.h"
#include "term_type.h"

#define MAX_WARN 7				/* warn_at entries: bits 0..6 of a metric's byte */
#define MAX_EVENTS 32
#define BREACH_BIT(k) (1 << ((k) * 8 + 7))
#define WARN_BIT(k, j) (1 << ((k) * 8 + (j)))

static const char *const metric_name[2] = {"response", "resolution"};

#define PRIORITY_KEY_LEN 24		/* longer priorities are looked up every time */

/* The targets of one (contract, priority): per metric a term, a calendar, warnings. */
typedef struct SlaTargets
{
	int64		contract;		/* hash key: contract and priority */
	char		priority[PRIORITY_KEY_LEN];
	char	   *tenant;			/* the contract's: the tenant of its events */
	bool		has[2];			/* 0 response, 1 resolution */
	Term		term[2];
	char	   *calname[2];
	const WorkCalendar *cal[2];	/* valid while calgen is the calendar cache's */
	uint64		calgen;
	int			nwarn[2];
	int32		warn[2][MAX_WARN];	/* shares in millionths, ascending */
} SlaTargets;

#define TARGETS_KEY_SIZE offsetof(SlaTargets, tenant)

/* Per statement, in fn_extra: the column mapping, checked once. */
typedef struct SlaCache
{
	SlaMapping *m;
} SlaCache;

/*
 * The targets read so far, per backend: a ticket insert reads no table once
 * its (contract, priority) is known.  Dropped when sla_target, contract or
 * tenant_member change (their statement triggers send a relcache
 * invalidation), and when the role or the chosen tenant changes, because
 * row-level security decides which targets a role sees.
 */
static HTAB *target_cache = NULL;
static MemoryContext target_context = NULL;
static bool target_stale = true;
static Oid	target_watched[3];
static Oid	target_user = InvalidOid;
static char *target_tenant = NULL;

/* Contract and the priority's first bytes mixed: cheaper than hashing the whole padded key. */
static uint32
targets_hash(const void *key, Size keysize)
{
	const SlaTargets *k = (const SlaTargets *) key;
	uint64		p;

	memcpy(&p, k->priority, sizeof(p));
	return (uint32) (((uint64) k->contract * UINT64CONST(0x9E3779B97F4A7C15) ^ p * UINT64CONST(0xC2B2AE3D27D4EB4F)) >> 32);
}

static void
target_relcache_callback(Datum arg, Oid relid)
{
	int			i;

	if (!OidIsValid(relid))
		target_stale = true;
	for (i = 0; i < (int) lengthof(target_watched); i++)
		if (target_watched[i] == relid)
			target_stale = true;
}

void
sla_trigger_init(void)
{
	CacheRegisterRelcacheCallback(target_relcache_callback, (Datum) 0);
}

/* Once per statement: take invalidations in, drop the cache if stale or the role changed. */
static void
target_cache_check(void)
{
	const char *tenant = GetConfigOption("crm_contract.tenant", true, false);
	HASHCTL		ctl;
	Oid			nsp;

	AcceptInvalidationMessages();
	if (tenant == NULL)
		tenant = "";
	if (!target_stale && target_cache != NULL && target_user == GetUserId() &&
		strcmp(tenant, target_tenant) == 0)
		return;
	if (target_context == NULL)
		target_context = AllocSetContextCreate(CacheMemoryContext, "crm_contract SLA targets",
											   ALLOCSET_SMALL_SIZES);
	else
		MemoryContextReset(target_context);
	target_cache = NULL;
	target_stale = false;
	nsp = get_namespace_oid("crm_contract", false);
	target_watched[0] = get_relname_relid("sla_target", nsp);
	target_watched[1] = get_relname_relid("contract", nsp);
	target_watched[2] = get_relname_relid("tenant_member", nsp);
	target_user = GetUserId();
	target_tenant = MemoryContextStrdup(target_context, tenant);
	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = TARGETS_KEY_SIZE;
	ctl.entrysize = sizeof(SlaTargets);
	ctl.hcxt = target_context;
	ctl.hash = targets_hash;
	ctl.match = memcmp;
	target_cache = hash_create("crm_contract SLA targets", 256, &ctl,
							   HASH_ELEM | HASH_FUNCTION | HASH_COMPARE | HASH_CONTEXT);
}

/* One ticket row as the trigger sees it. */
typedef struct Ticket
{
	bool		has_key;		/* contract, priority and opening all set */
	int64		contract;
	char	   *priority;
	TimestampTz opened;
	char	   *status;
	char		priority_buf[32];	/* where short priority and status texts are copied */
	char		status_buf[32];
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
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("SPI_prepare failed: %s", SPI_result_code_string(SPI_result))));
	SPI_keepplan(p);
	return p;
}

/* Point t at its compiled calendars, again whenever the calendar cache was rebuilt. */
static void
targets_calendars(SlaTargets *t)
{
	uint64		gen;
	int			k;

	/* a lookup may rebuild the cache and free what an earlier one returned: repeat until stable */
	while ((gen = calendar_cache_current()) != t->calgen)
	{
		for (k = 0; k < 2; k++)
			if (t->has[k])
			{
				t->cal[k] = calendar_lookup(t->calname[k]);
				if (t->cal[k] == NULL)
					ereport(ERROR,
							(errcode(ERRCODE_UNDEFINED_OBJECT),
							 errmsg("calendar \"%s\" of the SLA target of contract %lld, priority \"%s\" does not exist",
									t->calname[k], (long long) t->contract, t->priority)));
			}
		t->calgen = gen;
	}
}

/* Read the targets of (contract, priority) into t (strings in mcxt). */
static void
read_targets(SlaTargets *t, MemoryContext mcxt, const char *priority)
{
	int			i;
	Datum		args[2];

	args[0] = Int64GetDatum(t->contract);
	args[1] = CStringGetTextDatum(priority);
	crm_spi_connect();
	if (targets_plan == NULL)
	{
		Oid			types[2] = {INT8OID, TEXTOID};

		/* warn_at as millionths: numeric to integer rounds, no floating point */
		targets_plan = prepare_kept(
			"SELECT s.metric::pg_catalog.text, s.target, coalesce(s.calendar, c.calendar), c.tenant,"
			"       (SELECT pg_catalog.array_agg((w OPERATOR(pg_catalog.*) 1000000)::pg_catalog.int4 ORDER BY w)"
			"          FROM pg_catalog.unnest(s.warn_at) w)"
			"  FROM crm_contract.sla_target s"
			"  JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) s.contract_id"
			" WHERE s.contract_id OPERATOR(pg_catalog.=) $1"
			"   AND s.priority OPERATOR(pg_catalog.=) $2", 2, types);
	}
	crm_spi_check(SPI_execute_plan(targets_plan, args, NULL, true, 0), SPI_OK_SELECT,
				  "read crm_contract.sla_target");
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
		t->calname[k] = MemoryContextStrdup(mcxt, SPI_getvalue(tup, td, 3));
		t->tenant = MemoryContextStrdup(mcxt, SPI_getvalue(tup, td, 4));
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
}

/* The targets of (contract, priority), from the backend's cache or the tables. */
static SlaTargets *
targets_for(int64 contract, const char *priority)
{
	SlaTargets	fresh;
	SlaTargets *t;
	bool		found;

	memset(&fresh, 0, sizeof(fresh));
	fresh.contract = contract;
	if (strlen(priority) < PRIORITY_KEY_LEN)
	{
		strcpy(fresh.priority, priority);
		t = hash_search(target_cache, &fresh, HASH_FIND, NULL);
		if (t == NULL)
		{
			int			k;

			/* read fully before entering: an error leaves no half-made entry */
			read_targets(&fresh, CurrentMemoryContext, priority);
			if (target_stale)
			{
				/* an invalidation arrived meanwhile: use what we read for this row only */
				t = palloc(sizeof(SlaTargets));
				memcpy(t, &fresh, sizeof(fresh));
				targets_calendars(t);
				return t;
			}
			for (k = 0; k < 2; k++)
				if (fresh.calname[k])
					fresh.calname[k] = MemoryContextStrdup(target_context, fresh.calname[k]);
			if (fresh.tenant)
				fresh.tenant = MemoryContextStrdup(target_context, fresh.tenant);
			t = hash_search(target_cache, &fresh, HASH_ENTER, &found);
			memcpy(t, &fresh, sizeof(fresh));
		}
	}
	else
	{
		/* too long to be a key: read for this row only */
		strlcpy(fresh.priority, priority, PRIORITY_KEY_LEN);	/* for messages */
		t = palloc(sizeof(SlaTargets));
		read_targets(&fresh, CurrentMemoryContext, priority);
		memcpy(t, &fresh, sizeof(fresh));
	}
	targets_calendars(t);
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

/* A row deformed once: the trigger reads many columns and writes several. */
typedef struct Row
{
	HeapTuple	tup;
	Datum	   *values;
	bool	   *nulls;
} Row;

static void
deform(Row *r, HeapTuple tup, TupleDesc desc)
{
	r->tup = tup;
	r->values = palloc(sizeof(Datum) * desc->natts);
	r->nulls = palloc(sizeof(bool) * desc->natts);
	heap_deform_tuple(tup, desc, r->values, r->nulls);
}

static Datum
getattr(const Row *r, AttrNumber att, bool *isnull)
{
	if (att == InvalidAttrNumber)
	{
		*isnull = true;
		return (Datum) 0;
	}
	*isnull = r->nulls[att - 1];
	return r->values[att - 1];
}

static bool
same_value(const Row *a, const Row *b, TupleDesc desc, AttrNumber att)
{
	bool		na,
				nb;
	Datum		va = getattr(a, att, &na);
	Datum		vb = getattr(b, att, &nb);
	Form_pg_attribute attr;

	if (na || nb)
		return na == nb;
	attr = TupleDescAttr(desc, att - 1);
	return datumIsEqual(va, vb, attr->attbyval, attr->attlen);
}

/* The row with some columns replaced, keeping the original's identity (as heap_modify_tuple does). */
static HeapTuple
form_modified(Row *r, TupleDesc desc, int n, const int *cols, const Datum *values, const bool *nulls)
{
	HeapTuple	tup;
	int			i;

	if (n == 0)
		return r->tup;
	for (i = 0; i < n; i++)
	{
		r->values[cols[i] - 1] = values[i];
		r->nulls[cols[i] - 1] = nulls[i];
	}
	tup = heap_form_tuple(desc, r->values, r->nulls);
	tup->t_data->t_ctid = r->tup->t_data->t_ctid;
	tup->t_self = r->tup->t_self;
	tup->t_tableOid = r->tup->t_tableOid;
	return tup;
}

/* The ticket's id in its text form: the key of its events. */
static char *
ticket_key(SlaMapping *m, const Row *r)
{
	bool		isnull;
	Datum		d = getattr(r, m->att[ROLE_ID], &isnull);

	return isnull ? NULL : OutputFunctionCall(&m->id_out, d);
}

/* A text datum as a C string, in buf when it fits (no allocation on the insert path). */
static char *
text_in_buffer(Datum d, char *buf, size_t size)
{
	text	   *t = DatumGetTextPP(d);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	char	   *out = len < size ? buf : palloc(len + 1);

	memcpy(out, VARDATA_ANY(t), len);
	out[len] = '\0';
	return out;
}

static void
read_ticket(const SlaMapping *m, const Row *row, TupleDesc desc, Ticket *tk)
{
	static const SlaRole done_role[2] = {ROLE_RESPONDED, ROLE_RESOLVED};
	static const SlaRole due_role[2] = {ROLE_RESPONSE_DUE, ROLE_RESOLVE_DUE};
	bool		isnull;
	Datum		d;
	int			k;

	memset(tk, 0, sizeof(*tk));
	tk->has_key = true;
	d = getattr(row, m->att[ROLE_CONTRACT], &isnull);
	if (isnull)
		tk->has_key = false;
	else
		tk->contract = TupleDescAttr(desc, m->att[ROLE_CONTRACT] - 1)->atttypid == INT8OID ?
			DatumGetInt64(d) : DatumGetInt32(d);
	d = getattr(row, m->att[ROLE_PRIORITY], &isnull);
	if (isnull)
		tk->has_key = false;
	else
		tk->priority = text_in_buffer(d, tk->priority_buf, sizeof(tk->priority_buf));
	d = getattr(row, m->att[ROLE_OPENED], &isnull);
	if (isnull)
		tk->has_key = false;
	else
		tk->opened = DatumGetTimestampTz(d);
	d = getattr(row, m->att[ROLE_STATUS], &isnull);
	tk->status = isnull ? NULL : text_in_buffer(d, tk->status_buf, sizeof(tk->status_buf));
	for (k = 0; k < 2; k++)
	{
		d = getattr(row, m->att[done_role[k]], &isnull);
		tk->done[k] = !isnull;
		tk->done_at[k] = isnull ? 0 : DatumGetTimestampTz(d);
		d = getattr(row, m->att[due_role[k]], &isnull);
		tk->has_due[k] = !isnull;
		tk->due[k] = isnull ? 0 : DatumGetTimestampTz(d);
	}
	d = getattr(row, m->att[ROLE_ALERTS], &isnull);
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
	crm_spi_connect();
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
	crm_spi_check(SPI_execute_snapshot(log_plan, args, NULL, GetLatestSnapshot(), InvalidSnapshot,
									   true, false, 0),
				  SPI_OK_SELECT, "read crm_contract.sla_event");
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
	escape_json(&s, m->qualname);
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

	crm_spi_connect();
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
		crm_spi_check(SPI_execute_plan(insert_plan, v, n, false, 0), SPI_OK_INSERT,
					  "write crm_contract.sla_event");
	}
	SPI_finish();
}

/* When a change happened: the 'changed' column if this update moved it, else the statement's time. */
static TimestampTz
event_time(const SlaMapping *m, const Row *oldtup, const Row *newtup, TupleDesc desc)
{
	bool		isnull;
	Datum		d = getattr(newtup, m->att[ROLE_CHANGED], &isnull);

	if (!isnull && !same_value(oldtup, newtup, desc, m->att[ROLE_CHANGED]))
		return DatumGetTimestampTz(d);
	return GetCurrentStatementStartTimestamp();
}

static void
add_event(PendingEvent *evs, int *nev, const char *kind, int metric, TimestampTz at, char *detail)
{
	if (*nev >= MAX_EVENTS)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("more than %d SLA events in one row change", MAX_EVENTS)));
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
	Row			newrow,
				oldrow;
	Row		   *newtup = &newrow,
			   *oldtup = NULL;
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
	int64		next_amount = -1;	/* what the next alert's clock counts to, -1 unknown */
	TimestampTz next_start = 0;
	const WorkCalendar *next_cal = NULL;
	bool		next_working = false;
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
		target_cache_check();	/* fn_extra lives one statement: this runs once per statement */
	}
	m = c->m;
	desc = RelationGetDescr(td->tg_relation);
	is_insert = TRIGGER_FIRED_BY_INSERT(td->tg_event);
	if (is_insert)
		deform(newtup, td->tg_trigtuple, desc);
	else
	{
		oldtup = &oldrow;
		deform(oldtup, td->tg_trigtuple, desc);
		deform(newtup, td->tg_newtuple, desc);
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
		return PointerGetDatum(newtup->tup);

	if (nw->has_key)
	{
		t = targets_for(nw->contract, nw->priority);
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
		/* a sweep or recompute of a ticket with no (visible) target: nothing to alert, stop sweeping it */
		if (m->att[ROLE_NEXT_ALERT] != InvalidAttrNumber && (key_changed || sweeping || recomputing))
		{
			cols[n] = m->att[ROLE_NEXT_ALERT];
			nulls[n] = true;
			values[n++] = (Datum) 0;
		}
		return PointerGetDatum(form_modified(newtup, desc, n, cols, values, nulls));
	}

	/* what the log knows: pauses and the resolution cycle (an insert has no past) */
	memset(&log, 0, sizeof(log));
	if (!is_insert && (ticket = ticket_key(m, newtup)) != NULL)
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
			int64		amount = -1;

			for (j = 0; j < t->nwarn[k] && !found; j++)
				if (!(alerts & WARN_BIT(k, j)))
				{
					amount = sla_share_amount(&t->term[k], t->warn[k][j]);
					/*
					 * Same calendar, same kind of clock, no earlier start and no
					 * smaller amount than the alert already found: it cannot come
					 * first (the clock is monotone), so skip the walk.
					 */
					if (has_next && amount >= 0 && next_amount >= 0 && amount >= next_amount &&
						start >= next_start && t->cal[k] == next_cal &&
						term_unit_is_working(t->term[k].unit) == next_working)
						break;
					at = warn_instant(t, k, j, start, &log);
					found = true;
				}
			if (!found && j == t->nwarn[k] && !(alerts & BREACH_BIT(k)))
			{
				at = nw->due[k];
				amount = sla_share_amount(&t->term[k], SLA_SHARE_SCALE);
				found = true;
			}
			if (found && (!has_next || at < next_alert))
			{
				next_alert = at;
				has_next = true;
				next_amount = amount;
				next_start = start;
				next_cal = t->cal[k];
				next_working = term_unit_is_working(t->term[k].unit);
			}
		}
	}
	if (recomputing && nev > 0)
		mode_count++;

	/* append to the log; a ticket's first logged change comes after its start */
	if (nev > 0 && ticket == NULL)
		ticket = ticket_key(m, newtup);
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
	return PointerGetDatum(form_modified(newtup, desc, n, cols, values, nulls));
}
