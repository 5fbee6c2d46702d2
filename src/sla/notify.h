/*
 * notify.h - SLA alerts to listeners of the channel crm_contract_sla.
 *
 * LISTEN needs no privilege, so every role of every tenant can listen: a
 * payload carries only the id of the sla_event row, and a listener reads
 * the details back with its own rights (row-level security shows it its
 * own tenant's events only).  A payload is a few dozen bytes, whatever the
 * ticket.
 */
#ifndef CRM_SLA_NOTIFY_H
#define CRM_SLA_NOTIFY_H

#include "postgres.h"

#include "sla/log.h"

#define SLA_NOTIFY_CHANNEL "crm_contract_sla"

/* NOTIFY crm_contract_sla with one written alert (a warned or breached event): {"event": <id>}. */
extern void sla_notify_alert(const SlaEvent *ev);

#endif
