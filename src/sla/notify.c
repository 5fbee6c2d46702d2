/*
 * notify.c - NOTIFY crm_contract_sla: one payload per warning or breach
 * written to the log, naming only the event; see notify.h.
 */
#include "postgres.h"

#include "commands/async.h"

#include "sla/notify.h"

void
sla_notify_alert(const SlaEvent *ev)
{
	char		payload[64];

	snprintf(payload, sizeof(payload), "{\"event\": " INT64_FORMAT "}", ev->id);
	Async_Notify(SLA_NOTIFY_CHANNEL, payload);
}
