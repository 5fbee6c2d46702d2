/*
 * notify.h - SLA alerts to listeners of the channel crm_contract_sla.
 */
#ifndef CRM_SLA_NOTIFY_H
#define CRM_SLA_NOTIFY_H

#include "postgres.h"

#include "sla/log.h"

/* NOTIFY crm_contract_sla with one alert (a warned or breached event) as JSON. */
extern void sla_notify_alert(const SlaMapping *m, const char *ticket, const Ticket *tk,
							 const SlaEvent *ev, TimestampTz due);

#endif
