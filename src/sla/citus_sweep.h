/*
 * citus_sweep.h - sweeps and recomputations of a ticket table Citus
 * distributes (by its tenant column, mapped to the trigger role tenant).
 */
#ifndef CRM_SLA_CITUS_SWEEP_H
#define CRM_SLA_CITUS_SWEEP_H

#include "postgres.h"
#include "datatype/timestamp.h"

#include "sla/mapping.h"
#include "sla/sweep.h"

/* Whether relid is a Citus distributed (or reference) table, on this node's metadata. */
extern bool sla_citus_distributed(Oid relid);

/*
 * The sweep (or recomputation) tenant by tenant, the trigger told the mode by
 * crm_contract.sla_mode; returns what it counts on one node: the events it
 * recorded (the tickets it changed), and notifies the warnings and breaches
 * on this node.  0A000 without the role tenant.
 */
extern int64 sla_citus_run(SlaMode mode, const SlaMapping *m, TimestampTz as_of);

#endif
