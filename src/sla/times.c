/*
 * times.c - the bounds of client times; see times.h.
 */
#include "postgres.h"

#include "access/xact.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

#include "shared/text.h"
#include "sla/sweep.h"
#include "sla/times.h"

static const SlaRole client_roles[4] = {SLA_ROLE_CHANGED, SLA_ROLE_RESPONDED, SLA_ROLE_RESOLVED, SLA_ROLE_PROGRESSED};

static const char *
column_name(TupleDesc desc, const SlaMapping *m, SlaRole r)
{
	return NameStr(TupleDescAttr(desc, m->att[r] - 1)->attname);
}

static const char *
key_text(const SlaMapping *m, const SlaRow *row)
{
	char	   *key = sla_ticket_key(m, row);

	return key ? quote_literal_cstr(key) : "with no id";
}

/* One time: finite, not before the opening or lo, not ahead of the clock (but for the opening). */
static void
check_time(const SlaMapping *m, TupleDesc desc, const SlaRow *row, SlaRole r, TimestampTz at,
		   const Ticket *tk, bool has_lo, TimestampTz lo)
{
	TimestampTz now = GetCurrentStatementStartTimestamp();

	if (TIMESTAMP_NOT_FINITE(at))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("ticket %s of table %s: %s must be a finite time, not %s",
						key_text(m, row), m->ticket_table, column_name(desc, m, r), crm_timestamptz_text(at))));
	if (r != SLA_ROLE_OPENED && tk != NULL && tk->has_opened && at < tk->opened)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("ticket %s of table %s: %s %s is before its opening %s",
						key_text(m, row), m->ticket_table, column_name(desc, m, r), crm_timestamptz_text(at),
						crm_timestamptz_text(tk->opened))));
	if (has_lo && at < lo)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("ticket %s of table %s: %s %s is before the last change on its record, %s",
						key_text(m, row), m->ticket_table, column_name(desc, m, r), crm_timestamptz_text(at),
						crm_timestamptz_text(lo)),
				 errhint("Times on a ticket's SLA record only move forward.")));
	/*
	 * What is recorded has happened; an opening may lie ahead (a ticket
	 * scheduled for a maintenance window, or raised for the last evening of
	 * the year): its clock starts then, and its record with it (see
	 * sla_ticket_not_open).
	 */
	if (r != SLA_ROLE_OPENED && at > now + SLA_CLIENT_SKEW_USECS)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("ticket %s of table %s: %s %s is in the future",
						key_text(m, row), m->ticket_table, column_name(desc, m, r), crm_timestamptz_text(at)),
				 errdetail("The statement runs at %s; client clocks may be ahead by 5 minutes at most.",
						   crm_timestamptz_text(now))));
}

bool
sla_ticket_not_open(const Ticket *tk)
{
	return tk->has_opened && tk->opened > GetCurrentStatementStartTimestamp() + SLA_CLIENT_SKEW_USECS;
}

static bool
client_time(const SlaMapping *m, const SlaRow *row, SlaRole r, TimestampTz *at)
{
	bool		isnull;
	Datum		d = sla_row_get(row, m->att[r], &isnull);

	*at = isnull ? 0 : DatumGetTimestampTz(d);
	return !isnull;
}

void
sla_times_check_insert(const SlaMapping *m, TupleDesc desc, const SlaRow *row, const Ticket *nw)
{
	int			i;
	TimestampTz at;

	if (nw->has_opened)
		check_time(m, desc, row, SLA_ROLE_OPENED, nw->opened, nw, false, 0);
	for (i = 0; i < 4; i++)
		if (client_time(m, row, client_roles[i], &at))
			check_time(m, desc, row, client_roles[i], at, nw, false, 0);
}

/* A recorded first response, resolution or report is not rewritten. */
static void
check_facts(const SlaMapping *m, TupleDesc desc, const SlaRow *oldrow, const SlaRow *newrow, const Ticket *od,
			const Ticket *nw)
{
	if (od->done[0] && !sla_row_same(oldrow, newrow, desc, m->att[SLA_ROLE_RESPONDED]))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ticket %s of table %s: %s is recorded (%s) and cannot change",
						key_text(m, oldrow), m->ticket_table, column_name(desc, m, SLA_ROLE_RESPONDED),
						crm_timestamptz_text(od->done_at[0])),
				 errdetail("A first response happens once; the SLA record judged it.")));
	if (od->done[1] && nw->done[1] && od->done_at[1] != nw->done_at[1])
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ticket %s of table %s: %s is recorded (%s) and cannot change",
						key_text(m, oldrow), m->ticket_table, column_name(desc, m, SLA_ROLE_RESOLVED),
						crm_timestamptz_text(od->done_at[1])),
				 errhint("Reopen the ticket (set %s to NULL) before resolving it again.",
						 column_name(desc, m, SLA_ROLE_RESOLVED))));
	if (od->reported && !nw->reported)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ticket %s of table %s: %s cannot be cleared",
						key_text(m, oldrow), m->ticket_table, column_name(desc, m, SLA_ROLE_PROGRESSED)),
				 errdetail("It is the time of the last progress report, from which the next one is due.")));
}

void
sla_times_check_update(const SlaMapping *m, TupleDesc desc, const SlaRow *oldrow, const SlaRow *newrow,
					   const Ticket *od, const Ticket *nw, ClientTimes *ct, bool *has_prev, TimestampTz *prev)
{
	bool		opening_moved = !sla_row_same(oldrow, newrow, desc, m->att[SLA_ROLE_OPENED]);
	int			i;
	TimestampTz at;

	check_facts(m, desc, oldrow, newrow, od, nw);
	/* the latest finite time already on the row */
	*has_prev = false;
	for (i = 0; i < 4; i++)
		if (client_time(m, oldrow, client_roles[i], &at) && !TIMESTAMP_NOT_FINITE(at) && (!*has_prev || at > *prev))
		{
			*has_prev = true;
			*prev = at;
		}
	if (opening_moved && nw->has_opened)
	{
		check_time(m, desc, newrow, SLA_ROLE_OPENED, nw->opened, nw, false, 0);
		/* ahead of the clock only before it opens: an open ticket's record has begun */
		if (!sla_ticket_not_open(od) && nw->opened > GetCurrentStatementStartTimestamp() + SLA_CLIENT_SKEW_USECS)
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("ticket %s of table %s: %s %s is in the future",
							key_text(m, newrow), m->ticket_table, column_name(desc, m, SLA_ROLE_OPENED),
							crm_timestamptz_text(nw->opened)),
					 errdetail("The ticket opened at %s; only a ticket not yet open may move its opening ahead of the clock.",
							   crm_timestamptz_text(od->opened))));
	}
	ct->n = 0;
	ct->has_latest = false;
	for (i = 0; i < 4; i++)
	{
		SlaRole		r = client_roles[i];

		if (!client_time(m, newrow, r, &at))
			continue;
		if (sla_row_same(oldrow, newrow, desc, m->att[r]))
		{
			/* kept as it was; an opening moved past it is refused all the same */
			if (opening_moved)
				check_time(m, desc, newrow, r, at, nw, false, 0);
			continue;
		}
		check_time(m, desc, newrow, r, at, nw, *has_prev, *prev);
		ct->role[ct->n] = r;
		ct->at[ct->n++] = at;
		if (!ct->has_latest || at > ct->latest)
		{
			ct->has_latest = true;
			ct->latest = at;
		}
	}
}

void
sla_times_check_log(const SlaMapping *m, TupleDesc desc, const SlaRow *row, const ClientTimes *ct, TimestampTz last)
{
	int			i;

	for (i = 0; i < ct->n; i++)
		if (ct->at[i] < last)
			check_time(m, desc, row, ct->role[i], ct->at[i], NULL, true, last);
}
