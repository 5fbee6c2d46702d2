/*
 * log.c - reading and appending crm_contract.sla_event; see log.h.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"

#include "shared/spi.h"
#include "sla/log.h"

static SPIPlanPtr insert_plan = NULL;
static SPIPlanPtr log_plan = NULL;

void
sla_event_add(SlaEventList *l, const char *kind, int metric, TimestampTz at, char *detail)
{
	SlaEvent   *e;

	if (l->n >= SLA_MAX_EVENTS)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("more than %d SLA events in one row change", SLA_MAX_EVENTS)));
	e = &l->ev[l->n++];
	e->kind = kind;
	e->metric = metric;
	e->at = at;
	e->detail = detail;
}


void
sla_log_read(Oid relid, const char *ticket, TicketLog *log)
{
	Datum		args[2];
	uint64		i;

	memset(log, 0, sizeof(*log));
	args[0] = ObjectIdGetDatum(relid);
	args[1] = CStringGetTextDatum(ticket);
	crm_spi_connect();
	{
		Oid			types[2] = {REGCLASSOID, TEXTOID};

		crm_spi_plan(&log_plan,
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

void
sla_log_write(const SlaMapping *m, const char *tenant, const char *ticket, const Ticket *row,
			  const SlaEvent *evs, int nev)
{
	int			i;

	crm_spi_connect();
	{
		Oid			types[12] = {TEXTOID, REGCLASSOID, TEXTOID, INT8OID, TEXTOID, TEXTOID, TEXTOID,
		TIMESTAMPTZOID, TEXTOID, TIMESTAMPTZOID, TIMESTAMPTZOID, TEXTOID};

		crm_spi_plan(&insert_plan,
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
		v[0] = CStringGetTextDatum(tenant);
		v[1] = ObjectIdGetDatum(m->relid);
		v[2] = CStringGetTextDatum(ticket);
		v[3] = Int64GetDatum(row->contract);
		v[4] = CStringGetTextDatum(row->priority);
		v[5] = CStringGetTextDatum(evs[i].kind);
		if (evs[i].metric < 0)
			n[6] = 'n';
		else
			v[6] = CStringGetTextDatum(sla_metric_name[evs[i].metric]);
		v[7] = TimestampTzGetDatum(evs[i].at);
		if (row->status == NULL)
			n[8] = 'n';
		else
			v[8] = CStringGetTextDatum(row->status);
		for (k = 0; k < SLA_METRICS; k++)
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

