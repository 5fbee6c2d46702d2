/*
 * mapping.c - role=column arguments of crm_contract.sla_deadlines(),
 * checked against the ticket table, and sla_columns() that shows them; see
 * mapping.h.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "nodes/makefuncs.h"
#include "nodes/value.h"
#include "parser/parse_func.h"
#include "utils/builtins.h"
#include "access/table.h"
#include "funcapi.h"
#include "utils/lsyscache.h"

#include "sla/mapping.h"

typedef enum RoleType
{
	TYPE_ID,					/* bigint or integer */
	TYPE_ANY,					/* anything with a text form */
	TYPE_TEXT,					/* text, varchar, char */
	TYPE_TIMESTAMPTZ,
	TYPE_BOOL,
	TYPE_INT4
} RoleType;

typedef struct SlaRoleSpec
{
	const char *name;
	const char *default_column;
	RoleType	type;
	bool		required;
} SlaRoleSpec;

static const SlaRoleSpec roles[SLA_NUM_ROLES] = {
	{"id", "id", TYPE_ANY, true},
	{"contract", "contract_id", TYPE_ID, true},
	{"priority", "priority", TYPE_TEXT, true},
	{"opened", "opened_at", TYPE_TIMESTAMPTZ, true},
	{"status", "status", TYPE_TEXT, false},
	{"changed", "updated_at", TYPE_TIMESTAMPTZ, false},
	{"responded", "first_response_at", TYPE_TIMESTAMPTZ, false},
	{"resolved", "resolved_at", TYPE_TIMESTAMPTZ, false},
	{"response_due", "response_due", TYPE_TIMESTAMPTZ, false},
	{"resolve_due", "resolve_due", TYPE_TIMESTAMPTZ, false},
	{"response_breached", "response_breached", TYPE_BOOL, false},
	{"resolve_breached", "resolve_breached", TYPE_BOOL, false},
	{"next_alert", "sla_next_alert", TYPE_TIMESTAMPTZ, false},
	{"alerts", "sla_alerts", TYPE_INT4, false},
};

#define SLA_ROLE_LIST "id, contract, priority, opened, status, paused, changed, responded, resolved, response_due, resolve_due, response_breached, resolve_breached, next_alert, alerts"
#define DEFAULT_PAUSED "pending,waiting_customer"

const char *
sla_role_name(SlaRole r)
{
	return roles[r].name;
}

static const char *
type_name(RoleType t)
{
	switch (t)
	{
		case TYPE_ID:
			return "bigint or integer";
		case TYPE_ANY:
			return "any type";
		case TYPE_TEXT:
			return "text";
		case TYPE_TIMESTAMPTZ:
			return "timestamp with time zone";
		case TYPE_BOOL:
			return "boolean";
		case TYPE_INT4:
			return "integer";
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
		case TYPE_ANY:
			return true;
		case TYPE_TEXT:
			return typid == TEXTOID || typid == VARCHAROID || typid == BPCHAROID;
		case TYPE_TIMESTAMPTZ:
			return typid == TIMESTAMPTZOID;
		case TYPE_BOOL:
			return typid == BOOLOID;
		case TYPE_INT4:
			return typid == INT4OID;
	}
	return false;
}

/* Split "pending,waiting_customer" into trimmed, non-empty statuses. */
static void
parse_paused(SlaMapping *m, const char *list, MemoryContext mcxt)
{
	char	   *copy = MemoryContextStrdup(mcxt, list);
	char	   *tok;
	char	   *save = NULL;
	int			n = 1;
	const char *p;

	for (p = list; *p; p++)
		if (*p == ',')
			n++;
	m->paused = MemoryContextAllocZero(mcxt, sizeof(char *) * n);
	m->npaused = 0;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
	{
		char	   *end;

		while (*tok == ' ')
			tok++;
		end = tok + strlen(tok);
		while (end > tok && end[-1] == ' ')
			*--end = '\0';
		if (*tok)
			m->paused[m->npaused++] = tok;
	}
}

bool
sla_status_pauses(const SlaMapping *m, const char *status)
{
	int			i;

	if (status == NULL)
		return false;
	for (i = 0; i < m->npaused; i++)
		if (strcmp(m->paused[i], status) == 0)
			return true;
	return false;
}

/* The role=column arguments of the trigger: a column name per role (defaults for the rest). */
static void
parse_arguments(const Trigger *trig, const char *relname, SlaMapping *m, MemoryContext mcxt,
				const char **column, bool *explicit_role)
{
	const char *paused = DEFAULT_PAUSED;
	int			i,
				r;

	for (r = 0; r < SLA_NUM_ROLES; r++)
	{
		column[r] = roles[r].default_column;
		explicit_role[r] = false;
	}
	for (i = 0; i < trig->tgnargs; i++)
	{
		const char *arg = trig->tgargs[i];
		const char *eq = strchr(arg, '=');
		size_t		klen;

		if (eq == NULL || eq == arg)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("argument \"%s\" of trigger \"%s\" on table \"%s\" is not role=column",
							arg, trig->tgname, relname),
					 errhint("Write e.g. 'opened=created_at'; roles are " SLA_ROLE_LIST ".")));
		klen = eq - arg;
		if (klen == 6 && strncmp(arg, "paused", 6) == 0)
		{
			paused = eq + 1;
			continue;
		}
		for (r = 0; r < SLA_NUM_ROLES; r++)
			if (strlen(roles[r].name) == klen && strncmp(arg, roles[r].name, klen) == 0)
				break;
		if (r == SLA_NUM_ROLES)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown role \"%.*s\" in argument \"%s\" of trigger \"%s\" on table \"%s\"",
							(int) klen, arg, arg, trig->tgname, relname),
					 errhint("Roles are " SLA_ROLE_LIST ".")));
		column[r] = eq + 1;
		explicit_role[r] = true;
	}
	parse_paused(m, paused, mcxt);
}

/* The column of each role, checked for existence and type. */
static void
resolve_columns(TupleDesc desc, const Trigger *trig, const char *relname, SlaMapping *m,
				const char **column, const bool *explicit_role)
{
	int			i,
				r;

	for (r = 0; r < SLA_NUM_ROLES; r++)
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
								column[r], roles[r].name, trig->tgname, relname),
						 errhint("Map the role to a column with the trigger argument '%s=<column>'.", roles[r].name)));
			continue;
		}
		if (!type_ok(roles[r].type, TupleDescAttr(desc, att - 1)->atttypid))
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("column \"%s\" for role \"%s\" of trigger \"%s\" on table \"%s\" is of type %s, not %s",
							column[r], roles[r].name, trig->tgname, relname,
							format_type_be(TupleDescAttr(desc, att - 1)->atttypid), type_name(roles[r].type))));
		m->att[r] = att;
	}
}

/* Roles that only work together. */
static void
check_complete(const Trigger *trig, const char *relname, const SlaMapping *m)
{
	if (m->att[SLA_ROLE_RESPONSE_DUE] == InvalidAttrNumber && m->att[SLA_ROLE_RESOLVE_DUE] == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("trigger \"%s\" on table \"%s\" has no deadline column", trig->tgname, relname),
				 errhint("Add a response_due or resolve_due column of type timestamptz, or map one with 'response_due=<column>'.")));
	/* alerts fire exactly once only if the table remembers which fired */
	if ((m->att[SLA_ROLE_NEXT_ALERT] == InvalidAttrNumber) != (m->att[SLA_ROLE_ALERTS] == InvalidAttrNumber))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("trigger \"%s\" on table \"%s\" maps only one of the roles next_alert and alerts",
						trig->tgname, relname),
				 errhint("Sweeps need both: a timestamptz column (default sla_next_alert) and an integer column (default sla_alerts).")));
}

SlaMapping *
sla_mapping_build(Relation rel, const Trigger *trig, MemoryContext mcxt)
{
	TupleDesc	desc = RelationGetDescr(rel);
	const char *relname = RelationGetRelationName(rel);
	SlaMapping *m = MemoryContextAllocZero(mcxt, sizeof(SlaMapping));
	const char *column[SLA_NUM_ROLES];
	bool		explicit_role[SLA_NUM_ROLES];
	Oid			out;
	bool		varlena;

	m->relid = RelationGetRelid(rel);
	m->relname = MemoryContextStrdup(mcxt, relname);
	m->qualname = MemoryContextStrdup(mcxt, quote_qualified_identifier(
													get_namespace_name(RelationGetNamespace(rel)), relname));
	parse_arguments(trig, relname, m, mcxt, column, explicit_role);
	resolve_columns(desc, trig, relname, m, column, explicit_role);
	getTypeOutputInfo(TupleDescAttr(desc, m->att[SLA_ROLE_ID] - 1)->atttypid, &out, &varlena);
	fmgr_info_cxt(out, &m->id_out, mcxt);
	check_complete(trig, relname, m);
	return m;
}

SlaMapping *
sla_mapping_for(Relation rel, MemoryContext mcxt)
{
	TriggerDesc *td = rel->trigdesc;
	Oid			fn;
	int			i;

	fn = LookupFuncName(list_make2(makeString("crm_contract"), makeString("sla_deadlines")),
						0, NULL, false);
	for (i = 0; td != NULL && i < td->numtriggers; i++)
		if (td->triggers[i].tgfoid == fn)
			return sla_mapping_build(rel, &td->triggers[i], mcxt);
	ereport(ERROR,
			(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
			 errmsg("table \"%s\" has no crm_contract.sla_deadlines() trigger", RelationGetRelationName(rel)),
			 errhint("CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();",
					 RelationGetRelationName(rel))));
	return NULL;				/* not reached */
}

SlaMapping *
sla_mapping_of(Oid relid, MemoryContext mcxt)
{
	Relation	rel = table_open(relid, AccessShareLock);
	SlaMapping *m = sla_mapping_for(rel, mcxt);

	table_close(rel, NoLock);	/* keep the lock to the end of the transaction */
	return m;
}

/* sla_columns(tickets regclass): the role of each column, as the trigger reads its arguments */
PG_FUNCTION_INFO_V1(crm_sla_columns);
Datum
crm_sla_columns(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	SlaMapping *m;
	int			r,
				i;
	Datum		values[2];
	bool		nulls[2] = {false, false};
	StringInfoData paused;

	InitMaterializedSRF(fcinfo, 0);
	m = sla_mapping_of(relid, CurrentMemoryContext);
	for (r = 0; r < SLA_NUM_ROLES; r++)
	{
		values[0] = CStringGetTextDatum(sla_role_name(r));
		nulls[1] = m->att[r] == InvalidAttrNumber;
		values[1] = nulls[1] ? (Datum) 0 : CStringGetTextDatum(get_attname(relid, m->att[r], false));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	initStringInfo(&paused);
	for (i = 0; i < m->npaused; i++)
		appendStringInfo(&paused, "%s%s", i ? "," : "", m->paused[i]);
	values[0] = CStringGetTextDatum("paused");
	values[1] = CStringGetTextDatum(paused.data);
	nulls[1] = false;
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	return (Datum) 0;
}
