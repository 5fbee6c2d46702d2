/*
 * notify.c - NOTIFY crm_contract_sla: one JSON payload per warning or breach
 * a sweep (or a late response or resolution) records.
 */
#include "postgres.h"

#include "commands/async.h"
#include "lib/stringinfo.h"
#include "utils/json.h"

#include "shared/text.h"
#include "sla/notify.h"

void
sla_notify_alert(const SlaMapping *m, const char *ticket, const Ticket *tk, const SlaEvent *ev,
				 TimestampTz due)
{
	StringInfoData s;

	initStringInfo(&s);
	appendStringInfoString(&s, "{\"table\": ");
	escape_json(&s, m->qualname);
	appendStringInfoString(&s, ", \"ticket\": ");
	escape_json(&s, ticket);
	appendStringInfo(&s, ", \"contract\": %lld, \"priority\": ", (long long) tk->contract);
	escape_json(&s, tk->priority);
	appendStringInfo(&s, ", \"event\": \"%s\", \"metric\": \"%s\"", ev->kind, sla_metric_name[ev->metric]);
	if (ev->detail)
	{
		appendStringInfoString(&s, ", \"detail\": ");
		escape_json(&s, ev->detail);
	}
	appendStringInfo(&s, ", \"at\": \"%s\", \"due\": \"%s\"}", crm_timestamptz_text(ev->at), crm_timestamptz_text(due));
	Async_Notify("crm_contract_sla", s.data);
}

