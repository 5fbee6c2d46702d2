/*
 * move.c - cross-partition moves of a ticket; see move.h.
 */
#include "postgres.h"

#include "access/xact.h"
#include "storage/proc.h"
#include "utils/timestamp.h"

#include "sla/move.h"

#define NWRITTEN (SLA_NUM_ROLES - SLA_ROLE_RESPONSE_DUE)

/* The one row an update on a partition may be about to move, per backend. */
static struct
{
	bool		valid;
	Oid			root;
	Oid			from;			/* the partition it was in */
	LocalTransactionId xact;
	TimestampTz statement;
	char		key[SLA_KEY_MAX + 1];
	bool		nulls[NWRITTEN];
	Datum		values[NWRITTEN];	/* timestamps, booleans, the mask: all by value */
} expected;

void
sla_move_expect(const SlaMapping *m, const char *key, const SlaRow *row)
{
	int			i;

	expected.valid = key != NULL && strlen(key) <= SLA_KEY_MAX;
	if (!expected.valid)
		return;
	expected.root = m->root;
	expected.from = m->relid;
	expected.xact = MyProc->lxid;
	expected.statement = GetCurrentStatementStartTimestamp();
	strcpy(expected.key, key);
	for (i = 0; i < NWRITTEN; i++)
		expected.values[i] = sla_row_get(row, m->att[SLA_ROLE_RESPONSE_DUE + i], &expected.nulls[i]);
}

bool
sla_move_arrived(const SlaMapping *m, const SlaRow *row)
{
	char	   *key;
	int			i;

	/* a move goes to another partition of the same root, in the same statement */
	if (!expected.valid || expected.root != m->root || expected.from == m->relid || expected.xact != MyProc->lxid ||
		expected.statement != GetCurrentStatementStartTimestamp())
		return false;
	/* the trigger's columns as the update wrote them, role by role (partitions may order columns differently) */
	for (i = 0; i < NWRITTEN; i++)
	{
		bool		isnull;
		Datum		d = sla_row_get(row, m->att[SLA_ROLE_RESPONSE_DUE + i], &isnull);

		if (isnull != expected.nulls[i] || (!isnull && d != expected.values[i]))
			return false;
	}
	key = sla_ticket_key(m, row);
	if (key == NULL || strcmp(key, expected.key) != 0)
		return false;
	expected.valid = false;
	return true;
}
