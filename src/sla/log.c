/*
 * log.c - reading and appending crm_contract.sla_event, and the guard
 * trigger that refuses every other write; see log.h.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"

#include "shared/owner.h"
#include "shared/spi.h"
#include "sla/log.h"

#define MAX_RENAMES 64			/* renamings of one ticket's key the reader follows */

static SPIPlanPtr insert_plan = NULL;
static SPIPlanPtr log_plan = NULL;

/* True only while sla_log_write() runs its own INSERT: what the guard trigger requires. */
static bool log_writing = false;

void
sla_events_init(SlaEventList *l)
{
	l->n = 0;
	l->max = 8;
	l->ev = palloc(sizeof(SlaEvent) * l->max);
}

/* Room for one more event at the end of l. */
static SlaEvent *
next_slot(SlaEventList *l)
{
	if (l->n == l->max)
	{
		l->max *= 2;
		l->ev = repalloc(l->ev, sizeof(SlaEvent) * l->max);
	}
	return &l->ev[l->n++];
}

void
sla_events_append(SlaEventList *l, const SlaEvent *e)
{
	*next_slot(l) = *e;
}

SlaEvent *
sla_event_add(SlaEventList *l, const char *kind, int metric, TimestampTz at, char *detail,
			  const Ticket *state, const char *tenant)
{
	SlaEvent   *e = next_slot(l);

	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->metric = metric;
	e->at = at;
	e->detail = detail;
	e->tenant = tenant;
	e->contract = state->contract;
	e->priority = state->priority ? pstrdup(state->priority) : NULL;
	e->status = state->status ? pstrdup(state->status) : NULL;
	memcpy(e->has_due, state->has_due, sizeof(e->has_due));
	memcpy(e->due, state->due, sizeof(e->due));
	return e;
}

/* A pause, a resumption, a reopening, a breached update period: what the clock needs back. */
static void
log_apply(TicketLog *log, const char *kind, const char *metric, TimestampTz at)
{
	if (strcmp(kind, "recomputed") != 0 && (!log->has_last || at > log->last_at))
	{
		/* a recomputation is the administrator's act, not a change of the ticket */
		log->has_last = true;
		log->last_at = at;
	}
	if (strcmp(kind, "paused") == 0)
	{
		if (log->npauses == 0 || log->pauses[log->npauses - 1].to != SLA_PAUSE_OPEN)
		{
			log->pauses[log->npauses].from = at;
			log->pauses[log->npauses].to = SLA_PAUSE_OPEN;
			log->npauses++;
		}
	}
	else if (strcmp(kind, "resumed") == 0)
	{
		if (log->npauses > 0 && log->pauses[log->npauses - 1].to == SLA_PAUSE_OPEN)
			log->pauses[log->npauses - 1].to = at > log->pauses[log->npauses - 1].from ?
				at : log->pauses[log->npauses - 1].from;
	}
	else if (strcmp(kind, "reopened") == 0)
	{
		log->has_cycle = true;
		log->cycle_start = at;
		log->has_update_breach = false;
	}
	else if (strcmp(kind, "breached") == 0 && metric != NULL && strcmp(metric, "update") == 0 &&
			 (!log->has_update_breach || at > log->update_breach))
	{
		log->has_update_breach = true;
		log->update_breach = at;
	}
}

/* One key's events since its last 'started' or 'renamed' before id upto, oldest first (in SPI memory). */
static void
read_key(Datum *args)
{
	Oid			types[4] = {TEXTOID, TEXTOID, TEXTOID, INT8OID};

	crm_spi_plan(&log_plan,
		"SELECT e.id, e.kind::pg_catalog.text, e.at, e.detail, e.metric::pg_catalog.text"
		"  FROM crm_contract.sla_event e"
		" WHERE e.tenant OPERATOR(pg_catalog.=) $1 AND e.ticket_table OPERATOR(pg_catalog.=) $2"
		"   AND e.ticket OPERATOR(pg_catalog.=) $3 AND e.id OPERATOR(pg_catalog.<) $4"
		"   AND e.id OPERATOR(pg_catalog.>=) coalesce("
		"       (SELECT pg_catalog.max(s.id) FROM crm_contract.sla_event s"
		"         WHERE s.tenant OPERATOR(pg_catalog.=) $1 AND s.ticket_table OPERATOR(pg_catalog.=) $2"
		"           AND s.ticket OPERATOR(pg_catalog.=) $3 AND s.id OPERATOR(pg_catalog.<) $4"
		"           AND s.kind OPERATOR(pg_catalog.=) ANY ('{started,renamed}')), 0)"
		" ORDER BY e.id", 4, types);

	/*
	 * The latest snapshot, not the statement's: we hold the ticket's row lock,
	 * so every event of this ticket written by another transaction has
	 * committed, and an UPDATE that waited for that lock must see them.
	 */
	crm_spi_check(SPI_execute_snapshot(log_plan, args, NULL, GetLatestSnapshot(), InvalidSnapshot,
									   true, false, 0),
				  SPI_OK_SELECT, "read crm_contract.sla_event");
}

/*
 * Read as the log's owner, filtered by tenant: the caller needs no privilege
 * on the log, and the tenant is the one of the contract the caller sees.
 */
void
sla_log_read(const char *tenant, const char *ticket_table, const char *ticket, TicketLog *log)
{
	SPITupleTable *parts[MAX_RENAMES + 1];
	int			nparts = 0,
				total = 0,
				p;
	Datum		args[4];
	Oid			save_user;
	int			save_sec;
	uint64		i;

	memset(log, 0, sizeof(*log));
	args[0] = CStringGetTextDatum(tenant);
	args[1] = CStringGetTextDatum(ticket_table);
	args[2] = CStringGetTextDatum(ticket);
	args[3] = Int64GetDatum(PG_INT64_MAX);
	crm_spi_connect();
	GetUserIdAndSecContext(&save_user, &save_sec);
	SetUserIdAndSecContext(crm_table_owner("sla_event"), save_sec | SECURITY_LOCAL_USERID_CHANGE | SECURITY_NOFORCE_RLS);
	for (;;)
	{
		SPITupleTable *tt;
		bool		isnull;

		read_key(args);
		tt = SPI_tuptable;
		parts[nparts++] = tt;
		total += (int) SPI_processed;
		/* a history that begins with a renaming goes on under the old key, before that event */
		if (SPI_processed == 0 || strcmp(SPI_getvalue(tt->vals[0], tt->tupdesc, 2), "renamed") != 0)
			break;
		if (nparts > MAX_RENAMES)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("ticket \"%s\" of table %s was renamed more than %d times", ticket, ticket_table, MAX_RENAMES)));
		args[2] = CStringGetTextDatum(SPI_getvalue(tt->vals[0], tt->tupdesc, 4));
		args[3] = SPI_getbinval(tt->vals[0], tt->tupdesc, 1, &isnull);
	}
	/* restored as ri_triggers.c does; an error restores it with the (sub)transaction's abort */
	SetUserIdAndSecContext(save_user, save_sec);

	log->maxpauses = total + 1; /* room for one more pause */
	log->pauses = SPI_palloc(sizeof(SlaPause) * log->maxpauses);	/* outlives SPI_finish */
	for (p = nparts - 1; p >= 0; p--)
	{
		SPITupleTable *tt = parts[p];

		for (i = 0; i < tt->numvals; i++)
		{
			bool		isnull;
			char	   *kind = SPI_getvalue(tt->vals[i], tt->tupdesc, 2);
			TimestampTz at = DatumGetTimestampTz(SPI_getbinval(tt->vals[i], tt->tupdesc, 3, &isnull));

			if (p == nparts - 1 && i == 0)
				log->started = strcmp(kind, "started") == 0;
			log_apply(log, kind, SPI_getvalue(tt->vals[i], tt->tupdesc, 5), at);
		}
	}
	SPI_finish();
}

/* The parameters of one event's INSERT. */
static void
event_values(const char *ticket_table, const char *ticket, const SlaEvent *e, Datum *v, char *n)
{
	int			k;

	memset(n, ' ', 15);
	memset(v, 0, sizeof(Datum) * 15);
	v[0] = CStringGetTextDatum(e->tenant);
	v[1] = CStringGetTextDatum(ticket_table);
	v[2] = CStringGetTextDatum(ticket);
	v[3] = Int64GetDatum(e->contract);
	if (e->priority == NULL)
		n[4] = 'n';
	else
		v[4] = CStringGetTextDatum(e->priority);
	v[5] = CStringGetTextDatum(e->kind);
	if (e->metric < 0)
		n[6] = 'n';
	else
		v[6] = CStringGetTextDatum(sla_metric_name[e->metric]);
	v[7] = TimestampTzGetDatum(e->at);
	if (e->status == NULL)
		n[8] = 'n';
	else
		v[8] = CStringGetTextDatum(e->status);
	for (k = 0; k < SLA_METRICS; k++)
	{
		if (e->has_due[k])
			v[9 + k] = TimestampTzGetDatum(e->due[k]);
		else
			n[9 + k] = 'n';
	}
	if (e->detail == NULL)
		n[12] = 'n';
	else
		v[12] = CStringGetTextDatum(e->detail);
	if (e->has_done)
		v[13] = TimestampTzGetDatum(e->done_at);
	else
		n[13] = 'n';
	v[14] = BoolGetDatum(e->provisional);
}

void
sla_log_write(const char *ticket_table, const char *ticket, SlaEventList *l)
{
	Oid			save_user;
	int			save_sec;
	int			i;

	if (l->n == 0)
		return;
	crm_spi_connect();
	{
		Oid			types[15] = {TEXTOID, TEXTOID, TEXTOID, INT8OID, TEXTOID, TEXTOID, TEXTOID,
		TIMESTAMPTZOID, TEXTOID, TIMESTAMPTZOID, TIMESTAMPTZOID, TIMESTAMPTZOID, TEXTOID, TIMESTAMPTZOID, BOOLOID};

		crm_spi_plan(&insert_plan,
			"INSERT INTO crm_contract.sla_event (tenant, ticket_table, ticket, contract_id, priority, kind, metric,"
			"                                    at, status, response_due, resolve_due, update_due, detail, done_at,"
			"                                    provisional)"
			" VALUES ($1, $2, $3, $4, $5, $6::crm_contract.sla_event_kind, $7::crm_contract.sla_metric,"
			"         $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id", 15, types);
	}
	GetUserIdAndSecContext(&save_user, &save_sec);
	PG_TRY();
	{
		/* as the log's owner, for this statement only; the guard accepts nothing else */
		SetUserIdAndSecContext(crm_table_owner("sla_event"), save_sec | SECURITY_LOCAL_USERID_CHANGE | SECURITY_NOFORCE_RLS);
		log_writing = true;
		for (i = 0; i < l->n; i++)
		{
			Datum		v[15];
			char		n[15];
			bool		isnull;

			event_values(ticket_table, ticket, &l->ev[i], v, n);
			crm_spi_check(SPI_execute_plan(insert_plan, v, n, false, 0), SPI_OK_INSERT_RETURNING,
						  "write crm_contract.sla_event");
			l->ev[i].id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
		}
	}
	PG_FINALLY();
	{
		/* never left set: an insert of anyone else's after an error must meet the guard */
		log_writing = false;
		SetUserIdAndSecContext(save_user, save_sec);
	}
	PG_END_TRY();
	SPI_finish();
}

/* sla_event_guard(): BEFORE INSERT on crm_contract.sla_event; see log.h */
PG_FUNCTION_INFO_V1(crm_sla_event_guard);
Datum
crm_sla_event_guard(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Oid			owner;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(td->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(td->tg_event) || !TRIGGER_FIRED_BY_INSERT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("crm_contract.sla_event_guard() must fire BEFORE INSERT FOR EACH ROW")));
	owner = td->tg_relation->rd_rel->relowner;
	/* the extension's own writer: the flag, and the owner's identity it switched to */
	if (log_writing && GetUserId() == owner && InLocalUserIdChange())
		return PointerGetDatum(td->tg_trigtuple);
	/* pg_restore (check_function_bodies off, as crm_contract.restoring() reads it) as the owner */
	if (!check_function_bodies && (GetUserId() == owner || superuser()))
		return PointerGetDatum(td->tg_trigtuple);
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("crm_contract.sla_event is written only by the SLA trigger and sweeps: INSERT refused"),
			 errdetail("Every event comes from a ticket's own state, through crm_contract.sla_deadlines(), sla_sweep() or sla_recompute()."),
			 errhint("Write the ticket; its trigger logs what the change means.")));
	PG_RETURN_NULL();			/* not reached */
}
