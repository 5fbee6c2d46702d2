/*
 * mapping.h - which column of a ticket table plays which SLA role.
 *
 * The trigger crm_contract.sla_deadlines() takes role=column arguments; the
 * sweep, recompute and report functions find that trigger on the table and
 * read the same mapping, so the two can never disagree.
 */
#ifndef CRM_SLA_MAPPING_H
#define CRM_SLA_MAPPING_H

#include "postgres.h"
#include "commands/trigger.h"
#include "utils/rel.h"

typedef enum SlaRole
{
	SLA_ROLE_ID,
	SLA_ROLE_CONTRACT,
	SLA_ROLE_PRIORITY,
	SLA_ROLE_OPENED,
	SLA_ROLE_STATUS,
	SLA_ROLE_CHANGED,
	SLA_ROLE_RESPONDED,
	SLA_ROLE_RESOLVED,
	SLA_ROLE_RESPONSE_DUE,
	SLA_ROLE_RESOLVE_DUE,
	SLA_ROLE_RESPONSE_BREACHED,
	SLA_ROLE_RESOLVE_BREACHED,
	SLA_ROLE_NEXT_ALERT,
	SLA_ROLE_ALERTS,
	SLA_NUM_ROLES
} SlaRole;

typedef struct SlaMapping
{
	Oid			relid;
	char	   *relname;		/* for messages */
	char	   *qualname;		/* schema-qualified, for NOTIFY payloads */
	AttrNumber	att[SLA_NUM_ROLES];	/* InvalidAttrNumber: role not used */
	FmgrInfo	id_out;			/* output function of the id column: the ticket's key */
	int			npaused;
	char	  **paused;			/* statuses that stop the clock */
} SlaMapping;

/* Role names, in SlaRole order; "paused" is an extra argument, not a column. */
extern const char *sla_role_name(SlaRole r);

/* Parse and check a trigger's arguments against its table (errors name both). */
extern SlaMapping *sla_mapping_build(Relation rel, const Trigger *trig, MemoryContext mcxt);

/* The mapping of the sla_deadlines() trigger on a table; error if it has none. */
extern SlaMapping *sla_mapping_for(Relation rel, MemoryContext mcxt);

/* The same for a table named by OID, opened and kept locked to the end of the transaction. */
extern SlaMapping *sla_mapping_of(Oid relid, MemoryContext mcxt);

/* Whether status is one of the pausing statuses. */
extern bool sla_status_pauses(const SlaMapping *m, const char *status);

#endif
