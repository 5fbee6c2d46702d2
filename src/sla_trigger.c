/*
 * sla_trigger.c - crm_contract.sla_deadlines(): a BEFORE INSERT OR UPDATE row
 * trigger for any ticket table.  Trigger arguments map roles to the table's
 * columns ('opened=created_at'); roles left out use their default column if
 * the table has it.  The mapping is checked once per statement and kept in
 * fn_extra with the SLA targets read so far, so a bulk insert reads each
 * (contract, priority) pair's targets once.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "calendar_cache.h"
#include "term_type.h"

typedef enum SlaRole
{
	ROLE_CONTRACT,
	ROLE_PRIORITY,
	ROLE_OPENED,
	ROLE_STATUS,
	ROLE_RESPONDED,
	ROLE_RESOLVED,
	ROLE_RESPONSE_DUE,
	ROLE_RESOLVE_DUE,
	ROLE_RESPONSE_BREACHED,
	ROLE_RESOLVE_BREACHED,
	NUM_ROLES
} SlaRole;

typedef enum RoleType
{
	TYPE_ID,					/* bigint or integer */
	TYPE_TEXT,					/* text, varchar, char */
	TYPE_TIMESTAMPTZ,
	TYPE_BOOL
} RoleType;

typedef struct SlaRoleSpec
{
	const char *name;
	const char *default_column;
	RoleType	type;
	bool		required;
} SlaRoleSpec;

static const SlaRoleSpec roles[NUM_ROLES] = {
	{"contract", "contract_id", TYPE_ID, true},
	{"priority", "priority", TYPE_TEXT, true},
	{"opened", "opened_at", TYPE_TIMESTAMPTZ, true},
	{"status", "status", TYPE_TEXT, false},
	{"responded", "first_response_at", TYPE_TIMESTAMPTZ, false},
	{"resolved", "resolved_at", TYPE_TIMESTAMPTZ, false},
	{"response_due", "response_due", TYPE_TIMESTAMPTZ, false},
	{"resolve_due", "resolve_due", TYPE_TIMESTAMPTZ, false},
	{"response_breached", "response_breached", TYPE_BOOL, false},
	{"resolve_breached", "resolve_breached", TYPE_BOOL, false},
};

#define DEFAULT_PAUSED "pending,waiting_customer"
#define MAX_TARGETS 64

/* The targets of one (contract, priority): a term and a calendar per metric. */
typedef struct SlaTargets
{
	int64		contract;
	char	   *priority;
	bool		has[2];			/* 0 response, 1 resolution */
	Term		term[2];
	const WorkCalendar *cal[2];
	char	   *calname[2];
} SlaTargets;

typedef struct SlaMapping
{
	Oid			relid;
	AttrNumber	att[NUM_ROLES];	/* InvalidAttrNumber: role not used */
	char	   *paused;			/* comma-separated pausing statuses */
	int			ntargets;
	SlaTargets	targets[MAX_TARGETS];	/* per statement, round robin */
	int			next;
} SlaMapping;

static const char *
type_name(RoleType t)
{
	switch (t)
	{
		case TYPE_ID:
			return "bigint or integer";
		case TYPE_TEXT:
			return "text";
		case TYPE_TIMESTAMPTZ:
			return "timestamp with time zone";
		case TYPE_BOOL:
			return "boolean";
	}
	return "?";
}

static bool
type_ok(RoleType t, Oid typid)
{
	switch (t)
	{
		case TYPE_ID:
			return typid == INT8OID || typid == INT4OID;
		case TYPE_TEXT:
			return typid == TEXTOID || typid == VARCHAROID || typid == BPCHAROID;
		case TYPE_TIMESTAMPTZ:
			return typid == TIMESTAMPTZOID;
		case TYPE_BOOL:
			return typid == BOOLOID;
	}
	return false;
}

/* Parse and check the trigger arguments against the table. */
static SlaMapping *
build_mapping(TriggerData *td, MemoryContext mcxt)
{
	Relation	rel = td->tg_relation;
	TupleDesc	desc = RelationGetDescr(rel);
	const char *relname = RelationGetRelationName(rel);
	SlaMapping *m = MemoryContextAllocZero(mcxt, sizeof(SlaMapping));
	const char *column[NUM_ROLES];
	bool		explicit_role[NUM_ROLES];
	int			i,
				r;

	m->relid = RelationGetRelid(rel);
	m->paused = MemoryContextStrdup(mcxt, DEFAULT_PAUSED);
	for (r = 0; r < NUM_ROLES; r++)
	{
		column[r] = roles[r].default_column;
		explicit_role[r] = false;
	}
	for (i = 0; i < td->tg_trigger->tgnargs; i++)
	{
		const char *arg = td->tg_trigger->tgargs[i];
		const char *eq = strchr(arg, '=');
		size_t		klen;

		if (eq == NULL || eq == arg)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("argument \"%s\" of trigger \"%s\" on table \"%s\" is not role=column",
							arg, td->tg_trigger->tgname, relname),
					 errhint("Write e.g. 'opened=created_at'; roles are contract, priority, opened, status, paused, responded, resolved, response_due, resolve_due, response_breached, resolve_breached.")));
		klen = eq - arg;
		if (klen == 6 && strncmp(arg, "paused", 6) == 0)
		{
			m->paused = MemoryContextStrdup(mcxt, eq + 1);
			continue;
		}
		for (r = 0; r < NUM_ROLES; r++)
			if (strlen(roles[r].name) == klen && strncmp(arg, roles[r].name, klen) == 0)
				break;
		if (r == NUM_ROLES)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown role \"%.*s\" in argument \"%s\" of trigger \"%s\" on table \"%s\"",
							(int) klen, arg, arg, td->tg_trigger->tgname, relname),
					 errhint("Roles are contract, priority, opened, status, paused, responded, resolved, response_due, resolve_due, response_breached, resolve_breached.")));
		column[r] = eq + 1;
		explicit_role[r] = true;
	}
	for (r = 0; r < NUM_ROLES; r++)
	{
		AttrNumber	att = InvalidAttrNumber;

		if (column[r][0] != '\0')
		{
			for (i = 0; i < desc->natts; i++)
			{
				Form_pg_attribute a = TupleDescAttr(desc, i);

				if (!a->attisdropped && strcmp(NameStr(a->attname), column[r]) == 0)
				{
					att = a->attnum;
					break;
				}
			}
		}
		if (att == InvalidAttrNumber)
		{
			if (explicit_role[r] || roles[r].required)
				ereport(ERROR,
						(errcode(ERRCODE_UNDEFINED_COLUMN),
						 errmsg("column \"%s\" for role \"%s\" of trigger \"%s\" does not exist in table \"%s\"",
								column[r], roles[r].name, td->tg_trigger->tgname, relname),
						 errhint("Map the role to a column with the trigger argument '%s=<column>'.", roles[r].name)));
			continue;
		}
		if (!type_ok(roles[r].type, TupleDescAttr(desc, att - 1)->atttypid))
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("column \"%s\" for role \"%s\" of trigger \"%s\" on table \"%s\" is of type %s, not %s",
							column[r], roles[r].name, td->tg_trigger->tgname, relname,
							format_type_be(TupleDescAttr(desc, att - 1)->atttypid), type_name(roles[r].type))));
		m->att[r] = att;
	}
	if (m->att[ROLE_RESPONSE_DUE] == InvalidAttrNumber && m->att[ROLE_RESOLVE_DUE] == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("trigger \"%s\" on table \"%s\" has no deadline column", td->tg_trigger->tgname, relname),
				 errhint("Add a response_due or resolve_due column of type timestamptz, or map one with 'response_due=<column>'.")));
	return m;
}

/* The targets of (contract, priority), from the statement's cache or the table. */
static SlaTargets *
targets_for(SlaMapping *m, MemoryContext mcxt, int64 contract, const char *priority)
{
	int			i;
	SlaTargets *t;
	Oid			argtypes[2] = {INT8OID, TEXTOID};
	Datum		args[2];
	MemoryContext old;

	for (i = 0; i < m->ntargets; i++)
		if (m->targets[i].contract == contract && strcmp(m->targets[i].priority, priority) == 0)
			return &m->targets[i];

	if (m->ntargets < MAX_TARGETS)
		t = &m->targets[m->ntargets++];
	else
	{
		t = &m->targets[m->next];
		m->next = (m->next + 1) % MAX_TARGETS;
	}
	memset(t, 0, sizeof(*t));
	t->contract = contract;
	t->priority = MemoryContextStrdup(mcxt, priority);

	args[0] = Int64GetDatum(contract);
	args[1] = CStringGetTextDatum(priority);
	if (SPI_connect() != SPI_OK_CONNECT)
		ereport(ERROR, (errcode(ERRCODE_INTERNAL_ERROR), errmsg("SPI_connect failed")));
	if (SPI_execute_with_args("SELECT s.metric::text, s.target, coalesce(s.calendar, c.calendar)"
							  " FROM crm_contract.sla_target s"
							  " JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) s.contract_id"
							  " WHERE s.contract_id OPERATOR(pg_catalog.=) $1"
							  "   AND s.priority OPERATOR(pg_catalog.=) $2",
							  2, argtypes, args, NULL, true, 0) != SPI_OK_SELECT)
		ereport(ERROR, (errcode(ERRCODE_INTERNAL_ERROR), errmsg("could not read crm_contract.sla_target")));
	for (i = 0; i < (int) SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		char	   *metric = SPI_getvalue(tup, SPI_tuptable->tupdesc, 1);
		bool		isnull;
		int			k = strcmp(metric, "response") == 0 ? 0 : strcmp(metric, "resolution") == 0 ? 1 : -1;

		if (k < 0)
			continue;			/* periodic updates have no deadline column */
		t->has[k] = true;
		t->term[k] = DatumGetTerm(SPI_getbinval(tup, SPI_tuptable->tupdesc, 2, &isnull));
		old = MemoryContextSwitchTo(mcxt);
		t->calname[k] = pstrdup(SPI_getvalue(tup, SPI_tuptable->tupdesc, 3));
		MemoryContextSwitchTo(old);
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

static TimestampTz
deadline(const SlaTargets *t, int k, TimestampTz opened)
{
	WcError		err;
	int64		due = 0;
	WcStatus	st = wc_due_instant(t->cal[k], opened, &t->term[k], &due, &err);

	if (st != WC_OK)
		calendar_report(st, &err, t->calname[k], t->cal[k]);
	if (!IS_VALID_TIMESTAMP(due))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("SLA deadline out of range")));
	return (TimestampTz) due;
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

/* sla_deadlines(): see the file comment */
PG_FUNCTION_INFO_V1(crm_sla_deadlines);
Datum
crm_sla_deadlines(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	SlaMapping *m;
	TupleDesc	desc;
	HeapTuple	newtup,
				oldtup = NULL;
	bool		isnull;
	Datum		d;
	int64		contract;
	char	   *priority;
	TimestampTz opened;
	int			cols[4];
	Datum		values[4];
	bool		nulls[4];
	int			n = 0;
	bool		recompute;

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

	m = (SlaMapping *) fcinfo->flinfo->fn_extra;
	if (m == NULL || m->relid != RelationGetRelid(td->tg_relation))
	{
		m = build_mapping(td, fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = m;
	}
	desc = RelationGetDescr(td->tg_relation);
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		oldtup = td->tg_trigtuple;
		newtup = td->tg_newtuple;
	}
	else
		newtup = td->tg_trigtuple;

	/* deadlines follow the contract, priority and opening: set on insert, reset when those change */
	recompute = oldtup == NULL ||
		!same_value(oldtup, newtup, desc, m->att[ROLE_CONTRACT]) ||
		!same_value(oldtup, newtup, desc, m->att[ROLE_PRIORITY]) ||
		!same_value(oldtup, newtup, desc, m->att[ROLE_OPENED]);
	if (recompute)
	{
		SlaTargets *t = NULL;
		bool		have_all;

		d = getattr(newtup, desc, m->att[ROLE_CONTRACT], &isnull);
		have_all = !isnull;
		contract = isnull ? 0 : (TupleDescAttr(desc, m->att[ROLE_CONTRACT] - 1)->atttypid == INT8OID ?
								 DatumGetInt64(d) : DatumGetInt32(d));
		d = getattr(newtup, desc, m->att[ROLE_PRIORITY], &isnull);
		have_all = have_all && !isnull;
		priority = isnull ? NULL : TextDatumGetCString(d);
		d = getattr(newtup, desc, m->att[ROLE_OPENED], &isnull);
		have_all = have_all && !isnull;
		opened = isnull ? 0 : DatumGetTimestampTz(d);

		if (have_all)
		{
			t = targets_for(m, fcinfo->flinfo->fn_mcxt, contract, priority);
			if (!t->has[0] && !t->has[1])
				ereport(NOTICE,
						(errmsg("contract %lld has no SLA target for priority \"%s\": the ticket gets no deadlines",
								(long long) contract, priority),
						 errhint("Add rows to crm_contract.sla_target.")));
		}
		if (m->att[ROLE_RESPONSE_DUE] != InvalidAttrNumber)
		{
			cols[n] = m->att[ROLE_RESPONSE_DUE];
			nulls[n] = !(t && t->has[0]);
			values[n] = nulls[n] ? (Datum) 0 : TimestampTzGetDatum(deadline(t, 0, opened));
			n++;
		}
		if (m->att[ROLE_RESOLVE_DUE] != InvalidAttrNumber)
		{
			cols[n] = m->att[ROLE_RESOLVE_DUE];
			nulls[n] = !(t && t->has[1]);
			values[n] = nulls[n] ? (Datum) 0 : TimestampTzGetDatum(deadline(t, 1, opened));
			n++;
		}
	}

	/* breached: the response or resolution came after its deadline */
	{
		static const SlaRole when[2] = {ROLE_RESPONDED, ROLE_RESOLVED};
		static const SlaRole due[2] = {ROLE_RESPONSE_DUE, ROLE_RESOLVE_DUE};
		static const SlaRole flag[2] = {ROLE_RESPONSE_BREACHED, ROLE_RESOLVE_BREACHED};
		int			k;

		for (k = 0; k < 2; k++)
		{
			bool		wnull,
						dnull;
			Datum		w,
						dd;
			int			j;

			if (m->att[flag[k]] == InvalidAttrNumber)
				continue;
			w = getattr(newtup, desc, m->att[when[k]], &wnull);
			dd = getattr(newtup, desc, m->att[due[k]], &dnull);
			/* the deadline may have just been recomputed above */
			for (j = 0; j < n; j++)
				if (cols[j] == m->att[due[k]])
				{
					dd = values[j];
					dnull = nulls[j];
				}
			cols[n] = m->att[flag[k]];
			nulls[n] = wnull || dnull;
			values[n] = nulls[n] ? (Datum) 0 : BoolGetDatum(DatumGetTimestampTz(w) > DatumGetTimestampTz(dd));
			n++;
		}
	}

	if (n > 0)
		newtup = heap_modify_tuple_by_cols(newtup, desc, n, cols, values, nulls);
	return PointerGetDatum(newtup);
}
