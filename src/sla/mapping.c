/*
 * mapping.c - role=column arguments of crm_contract.sla_deadlines(),
 * checked against the ticket table, and sla_columns() that shows them; see
 * mapping.h.
 */
#include "postgres.h"

#include "access/table.h"
#include "catalog/namespace.h"
#include "catalog/objectaddress.h"
#include "catalog/partition.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/value.h"
#include "parser/parse_func.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "shared/citus.h"
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

/*
 * In SlaRole order.  The client's roles come first, then the columns the
 * trigger writes (sla_role_written): one more written role goes at its place
 * in SlaRole, here, in trigger.c's written_row() and in the SQL comment of
 * sla_deadlines().
 */
static const SlaRoleSpec roles[SLA_NUM_ROLES] = {
	{"id", "id", TYPE_ANY, true},
	{"contract", "contract_id", TYPE_ID, true},
	{"priority", "priority", TYPE_TEXT, true},
	{"opened", "opened_at", TYPE_TIMESTAMPTZ, true},
	{"status", "status", TYPE_TEXT, false},
	{"changed", "updated_at", TYPE_TIMESTAMPTZ, false},
	{"responded", "first_response_at", TYPE_TIMESTAMPTZ, false},
	{"resolved", "resolved_at", TYPE_TIMESTAMPTZ, false},
	{"progressed", "last_update_at", TYPE_TIMESTAMPTZ, false},
	{"tenant", "", TYPE_TEXT, false},	/* only when mapped: the trigger then reads that tenant's rows only */
	/* written by the trigger */
	{"response_due", "response_due", TYPE_TIMESTAMPTZ, false},
	{"resolve_due", "resolve_due", TYPE_TIMESTAMPTZ, false},
	{"update_due", "update_due", TYPE_TIMESTAMPTZ, false},
	{"response_breached", "response_breached", TYPE_BOOL, false},
	{"resolve_breached", "resolve_breached", TYPE_BOOL, false},
	{"next_alert", "sla_next_alert", TYPE_TIMESTAMPTZ, false},
	{"alerts", "sla_alerts", TYPE_INT4, true},	/* the trigger's state: which alerts fired, what is logged */
	{"provisional", "sla_provisional", TYPE_BOOL, false},	/* deadlines on a calendar's forecast */
};

#define SLA_ROLE_LIST "id, contract, priority, opened, status, paused, changed, responded, resolved, progressed, tenant, response_due, resolve_due, update_due, response_breached, resolve_breached, next_alert, alerts, provisional"
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

/* The hint for a missing column: the trigger's own state column is added, others are mapped. */
static void
missing_column(const Trigger *trig, const char *relname, SlaRole r, const char *column)
{
	if (r == SLA_ROLE_ALERTS)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" for role \"%s\" of trigger \"%s\" does not exist in table \"%s\"",
						column, roles[r].name, trig->tgname, relname),
				 errdetail("The trigger keeps its state there: which alerts fired and whether the ticket's start is logged."),
				 errhint("ALTER TABLE %s ADD sla_alerts integer NOT NULL DEFAULT 0, or map the role with 'alerts=<column>'.",
						 quote_identifier(relname))));
	ereport(ERROR,
			(errcode(ERRCODE_UNDEFINED_COLUMN),
			 errmsg("column \"%s\" for role \"%s\" of trigger \"%s\" does not exist in table \"%s\"",
					column, roles[r].name, trig->tgname, relname),
			 errhint("Map the role to a column with the trigger argument '%s=<column>'.", roles[r].name)));
}

/* The column of each role, checked for existence, type, generation and uniqueness. */
static void
resolve_columns(TupleDesc desc, const Trigger *trig, const char *relname, SlaMapping *m,
				const char **column, const bool *explicit_role)
{
	int			i,
				r,
				q;

	for (r = 0; r < SLA_NUM_ROLES; r++)
	{
		AttrNumber	att = InvalidAttrNumber;
		Form_pg_attribute a = NULL;

		if (column[r][0] != '\0')
		{
			for (i = 0; i < desc->natts; i++)
			{
				a = TupleDescAttr(desc, i);
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
				missing_column(trig, relname, r, column[r]);
			continue;
		}
		if (!type_ok(roles[r].type, a->atttypid))
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("column \"%s\" for role \"%s\" of trigger \"%s\" on table \"%s\" is of type %s, not %s",
							column[r], roles[r].name, trig->tgname, relname,
							format_type_be(a->atttypid), type_name(roles[r].type))));
		/* a BEFORE trigger sees a generated column before it is computed: NULL, never the value */
		if (a->attgenerated != '\0')
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("column \"%s\" for role \"%s\" of trigger \"%s\" on table \"%s\" is a generated column",
							column[r], roles[r].name, trig->tgname, relname),
					 errdetail("A BEFORE trigger runs before generated columns are computed, so it would read NULL."),
					 errhint("Map the role to a plain column the application writes.")));
		for (q = 0; q < r; q++)
			if (m->att[q] == att)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("column \"%s\" of table \"%s\" plays two roles of trigger \"%s\": %s and %s",
								column[r], relname, trig->tgname, roles[q].name, roles[r].name),
						 errhint("Each role needs a column of its own.")));
		m->att[r] = att;
		m->typid[r] = a->atttypid;
	}
}

/* Roles that only work together. */
static void
check_complete(const Trigger *trig, const char *relname, const SlaMapping *m)
{
	if (m->att[SLA_ROLE_RESPONSE_DUE] == InvalidAttrNumber && m->att[SLA_ROLE_RESOLVE_DUE] == InvalidAttrNumber &&
		m->att[SLA_ROLE_UPDATE_DUE] == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("trigger \"%s\" on table \"%s\" has no deadline column", trig->tgname, relname),
				 errhint("Add a response_due, resolve_due or update_due column of type timestamptz, or map one with 'response_due=<column>'.")));
	/* a periodic update is due a period after the last report: the report's column is needed */
	if (m->att[SLA_ROLE_UPDATE_DUE] != InvalidAttrNumber && m->att[SLA_ROLE_PROGRESSED] == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("trigger \"%s\" on table \"%s\" maps update_due but no column for the role progressed",
						trig->tgname, relname),
				 errhint("Add last_update_at timestamptz (set when a progress report goes out), or map it with 'progressed=<column>'.")));
}

Oid
sla_root_of(Oid relid)
{
	List	   *ancestors;
	Oid			root = relid;

	if (!get_rel_relispartition(relid))
		return relid;
	ancestors = get_partition_ancestors(relid);
	if (ancestors != NIL)
		root = llast_oid(ancestors);
	list_free(ancestors);
	return root;
}

char *
sla_table_name(Oid relid)
{
	char	   *rel = get_rel_name(relid);

	if (rel == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation with OID %u does not exist", relid)));
	return quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)), rel);
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
	m->root = rel->rd_rel->relispartition ? sla_root_of(m->relid) : m->relid;
	/* on Citus the trigger fires on a shard (of the root): the log names the distributed table */
	if (crm_citus_installed())
	{
		Oid			logical = crm_citus_logical_table(m->root);

		m->shard = logical != m->root;
		m->root = logical;
	}
	m->ticket_table = MemoryContextStrdup(mcxt, sla_table_name(m->root));
	parse_arguments(trig, relname, m, mcxt, column, explicit_role);
	resolve_columns(desc, trig, relname, m, column, explicit_role);
	if (m->shard && m->att[SLA_ROLE_TENANT] == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("the sla_deadlines() trigger of table %s, distributed by Citus, needs the role tenant",
						m->ticket_table),
				 errdetail("On a shard the trigger reads only the rows of the ticket's tenant, which are on its node."),
				 errhint("Distribute the table by its tenant column, colocated with crm_contract.contract, and map it: "
						 "sla_deadlines('tenant=<column>', ...).")));
	getTypeOutputInfo(m->typid[SLA_ROLE_ID], &out, &varlena);
	fmgr_info_cxt(out, &m->id_out, mcxt);
	m->id_varlena = TupleDescAttr(desc, m->att[SLA_ROLE_ID] - 1)->attlen < 0;
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

void
sla_check_table_privilege(Oid relid, AclMode mode)
{
	/* pg_class_aclcheck reports a dangling OID as 42P01 itself, without taking a lock */
	AclResult	acl = pg_class_aclcheck(relid, GetUserId(), mode);

	if (acl != ACLCHECK_OK &&
		pg_attribute_aclcheck_all(relid, GetUserId(), mode, ACLMASK_ANY) != ACLCHECK_OK)
		aclcheck_error(acl, get_relkind_objtype(get_rel_relkind(relid)), get_rel_name(relid));
}

SlaMapping *
sla_mapping_of(Oid relid, AclMode mode, MemoryContext mcxt)
{
	Relation	rel;
	SlaMapping *m;

	sla_check_table_privilege(relid, mode);
	rel = try_table_open(relid, AccessShareLock);
	if (rel == NULL)			/* dropped since the check */
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation with OID %u does not exist", relid)));
	m = sla_mapping_for(rel, mcxt);
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
	m = sla_mapping_of(relid, ACL_SELECT, CurrentMemoryContext);
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

/* sla_ticket_table(tickets regclass): see the SQL comment */
PG_FUNCTION_INFO_V1(crm_sla_ticket_table);
Datum
crm_sla_ticket_table(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);

	sla_check_table_privilege(relid, ACL_SELECT);
	PG_RETURN_TEXT_P(cstring_to_text(sla_table_name(sla_root_of(relid))));
}
