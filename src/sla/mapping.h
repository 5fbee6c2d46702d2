/*
 * mapping.h - which column of a ticket table plays which SLA role.
 *
 * The trigger crm_contract.sla_deadlines() takes role=column arguments; the
 * sweep, recompute and report functions find that trigger on the table and
 * read the same mapping, so the two can never disagree.
 *
 * Roles are of two kinds: the client's (what happened: opened, responded,
 * resolved, paused, progress reported), which the trigger reads, and the
 * trigger's own (deadlines, flags, the alert state), which it writes from
 * its own state whatever the client put there.
 */
#ifndef CRM_SLA_MAPPING_H
#define CRM_SLA_MAPPING_H

#include "postgres.h"
#include "commands/trigger.h"
#include "utils/acl.h"
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
	SLA_ROLE_PROGRESSED,
	SLA_ROLE_TENANT,			/* the ticket's tenant: on Citus, the table's distribution column */
	/* written by the trigger from here on (sla_role_written) */
	SLA_ROLE_RESPONSE_DUE,
	SLA_ROLE_RESOLVE_DUE,
	SLA_ROLE_UPDATE_DUE,
	SLA_ROLE_RESPONSE_BREACHED,
	SLA_ROLE_RESOLVE_BREACHED,
	SLA_ROLE_NEXT_ALERT,
	SLA_ROLE_ALERTS,
	SLA_ROLE_PROVISIONAL,		/* the deadlines rest on a calendar's forecast */
	SLA_NUM_ROLES
} SlaRole;

/* Longest ticket key (its text form, in bytes): the event log indexes it, NOTIFY never carries it. */
#define SLA_KEY_MAX 256

typedef struct SlaMapping
{
	Oid			relid;
	char	   *relname;		/* for messages */
	Oid			root;			/* the partitioned table it belongs to, else relid; on Citus the shard's table */
	bool		shard;			/* relid is a shard of a Citus table */
	char	   *ticket_table;	/* the root's schema-qualified, quoted name: the log's key */
	AttrNumber	att[SLA_NUM_ROLES];	/* InvalidAttrNumber: role not used */
	Oid			typid[SLA_NUM_ROLES];	/* the column's type */
	FmgrInfo	id_out;			/* output function of the id column: the ticket's key */
	bool		id_varlena;		/* its text form can grow with the value */
	int			npaused;
	char	  **paused;			/* statuses that stop the clock */
} SlaMapping;

/* Role names, in SlaRole order; "paused" is an extra argument, not a column. */
extern const char *sla_role_name(SlaRole r);

/* Whether the trigger writes the role's column (it never trusts what a client put there). */
static inline bool
sla_role_written(SlaRole r)
{
	return r >= SLA_ROLE_RESPONSE_DUE;
}

/* Parse and check a trigger's arguments against its table (errors name both). */
extern SlaMapping *sla_mapping_build(Relation rel, const Trigger *trig, MemoryContext mcxt);

/* The mapping of the sla_deadlines() trigger on a table; error if it has none. */
extern SlaMapping *sla_mapping_for(Relation rel, MemoryContext mcxt);

/*
 * The same for a table named by OID: the caller's privilege (mode) is
 * checked before anything is locked, a missing relation is 42P01; the table
 * stays locked to the end of the transaction.
 */
extern SlaMapping *sla_mapping_of(Oid relid, AclMode mode, MemoryContext mcxt);

/* Check the caller's privilege on a table named by OID, before any lock (42P01, 42501). */
extern void sla_check_table_privilege(Oid relid, AclMode mode);

/* The partitioned table a relation belongs to (the top one), or the relation itself. */
extern Oid	sla_root_of(Oid relid);

/* The schema-qualified, quoted name of a relation (the event log's key for a root). */
extern char *sla_table_name(Oid relid);

/* Whether status is one of the pausing statuses. */
extern bool sla_status_pauses(const SlaMapping *m, const char *status);

#endif
