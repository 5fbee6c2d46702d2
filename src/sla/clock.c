/*
 * clock.c - a ticket's SLA clocks for the trigger; see clock.h.
 *
 * Deadlines and warning instants come from core/sla_clock.c through
 * targets.c, always from scratch (start, target, closed pauses), never
 * patched.  What has fired is the alert mask's business: each bit is set
 * under the ticket's row lock, so every alert is logged once.
 */
#include "postgres.h"

#include "utils/timestamp.h"

#include "shared/text.h"
#include "sla/clock.h"

TimestampTz
sla_clock_start(const SlaClock *c, int k)
{
	TimestampTz start = c->tk->opened;

	if (k != SLA_RESPONSE && c->log->has_cycle && c->log->cycle_start > start)
		start = c->log->cycle_start;
	if (k == SLA_UPDATE)
	{
		/* the next report is due a period after the last one, or after the period missed */
		if (c->tk->reported && c->tk->report_at > start)
			start = c->tk->report_at;
		if (c->log->has_update_breach && c->log->update_breach > start)
			start = c->log->update_breach;
	}
	return start;
}

TimestampTz
sla_clock_due(const SlaClock *c, int k)
{
	return sla_target_deadline(c->t, k, sla_clock_start(c, k), c->log->pauses, c->log->npauses);
}

char *
sla_share_text(int32 share)
{
	/* millionths of the target are ten-thousandths of a percent: exact, with no trailing zeros */
	int32		whole = share / 10000;
	int32		frac = share % 10000;
	char		digits[8];
	int			n;

	if (frac == 0)
		return psprintf("%d%%", whole);
	n = snprintf(digits, sizeof(digits), "%04d", frac);
	while (n > 0 && digits[n - 1] == '0')
		digits[--n] = '\0';
	return psprintf("%d.%s%%", whole, digits);
}

/* An alert of the clock's own state: the event carries its deadlines. */
static SlaEvent *
alert(SlaClock *c, const char *kind, int k, TimestampTz at, char *detail)
{
	return sla_event_add(c->evs, kind, k, at, detail, c->tk, c->tenant);
}

/* The warnings of metric k's current clock up to as_of. */
static void
settle_warnings(SlaClock *c, int k, TimestampTz start, TimestampTz as_of, bool strict)
{
	int			j;

	for (j = 0; j < c->t->nwarn[k]; j++)
	{
		TimestampTz at;

		if (*c->alerts & WARN_BIT(k, j))
			continue;
		at = sla_target_warning(c->t, k, j, start, c->log->pauses, c->log->npauses);
		if (at > as_of || (strict && at == as_of))
			break;
		alert(c, "warned", k, at, sla_share_text(c->t->warn[k][j]));
		*c->alerts |= WARN_BIT(k, j);
	}
}

/* Each update period missed by as_of: breached once, and the next period runs from its deadline. */
static void
settle_periods(SlaClock *c, TimestampTz as_of, bool strict)
{
	int			n;

	for (n = 0;; n++)
	{
		TimestampTz due = c->tk->due[SLA_UPDATE];

		settle_warnings(c, SLA_UPDATE, sla_clock_start(c, SLA_UPDATE), as_of, strict);
		if (!c->tk->has_due[SLA_UPDATE] || due > as_of || (strict && due == as_of))
			return;
		if (n == SLA_MAX_PERIODS)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("ticket %s of table %s missed more than %d update periods in one change",
							c->key, c->m->ticket_table, SLA_MAX_PERIODS),
					 errhint("Check the update target of contract %lld, priority \"%s\".",
							 (long long) c->t->contract, c->t->priority)));
		alert(c, "breached", SLA_UPDATE, due, NULL);
		c->log->has_update_breach = true;
		c->log->update_breach = due;
		*c->alerts &= ~METRIC_BITS(SLA_UPDATE);
		c->tk->due[SLA_UPDATE] = sla_clock_due(c, SLA_UPDATE);
	}
}

void
sla_clock_settle(SlaClock *c, int k, TimestampTz as_of, bool strict)
{
	if (!sla_clock_running(c, k) || c->paused || !c->tk->has_due[k])
		return;
	if (k == SLA_UPDATE)
	{
		settle_periods(c, as_of, strict);
		return;
	}
	settle_warnings(c, k, sla_clock_start(c, k), as_of, strict);
	if (!(*c->alerts & BREACH_BIT(k)) && (c->tk->due[k] < as_of || (!strict && c->tk->due[k] == as_of)))
	{
		alert(c, "breached", k, c->tk->due[k], NULL);
		*c->alerts |= BREACH_BIT(k);
	}
}

void
sla_clock_judge(SlaClock *c, int k)
{
	SlaEvent   *e;

	if (!(*c->alerts & PENDING_BIT(k)) || !c->tk->done[k] || !sla_clock_applies(c, k) || !c->tk->has_due[k])
		return;
	*c->alerts &= ~PENDING_BIT(k);
	if (*c->alerts & BREACH_BIT(k))
		return;					/* a sweep marked the breach: it is not logged twice */
	if (c->tk->done_at[k] > c->tk->due[k])
	{
		e = alert(c, "breached", k, c->tk->due[k], NULL);
		*c->alerts |= BREACH_BIT(k);
	}
	else
		e = alert(c, "met", k, c->tk->done_at[k], NULL);
	e->has_done = true;
	e->done_at = c->tk->done_at[k];
}

/* Record an alert instant in next if it comes first. */
static void
next_candidate(NextAlert *next, TimestampTz at, int64 amount, TimestampTz start, const Calendar *cal, bool working)
{
	if (next->has && at >= next->at)
		return;
	next->has = true;
	next->at = at;
	next->amount = amount;
	next->start = start;
	next->cal = cal;
	next->working = working;
}

void
sla_clock_next_alert(const SlaClock *c, int k, NextAlert *next)
{
	const SlaTargets *t = c->t;
	TimestampTz start;
	bool		working;
	int			j;

	/* a response or resolution to judge: when its outcome became known */
	if (k != SLA_UPDATE && (*c->alerts & PENDING_BIT(k)) && c->tk->done[k] && sla_clock_applies(c, k) &&
		c->tk->has_due[k])
	{
		next_candidate(next, Min(c->tk->done_at[k], c->tk->due[k]), -1, 0, NULL, false);
		return;
	}
	if (!sla_clock_running(c, k) || c->paused || !c->tk->has_due[k])
		return;
	start = sla_clock_start(c, k);
	working = term_unit_is_working(t->term[k].unit);
	for (j = 0; j < t->nwarn[k]; j++)
		if (!(*c->alerts & WARN_BIT(k, j)))
		{
			int64		amount = sla_clock_share_amount(&t->term[k], t->warn[k][j]);

			/*
			 * Same calendar, same kind of clock, no earlier start and no
			 * smaller amount than the alert already found: it cannot come
			 * first (the clock is monotone), so skip the walk.
			 */
			if (next->has && amount >= 0 && next->amount >= 0 && amount >= next->amount &&
				start >= next->start && t->cal[k] == next->cal && working == next->working)
				return;
			next_candidate(next, sla_target_warning(t, k, j, start, c->log->pauses, c->log->npauses),
						   amount, start, t->cal[k], working);
			return;
		}
	if (k == SLA_UPDATE || !(*c->alerts & BREACH_BIT(k)))
		next_candidate(next, c->tk->due[k], sla_clock_share_amount(&t->term[k], SLA_SHARE_SCALE),
					   start, t->cal[k], working);
}
