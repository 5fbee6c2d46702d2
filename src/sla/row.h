/*
 * row.h - a ticket row as the trigger sees it: deformed once, read into the
 * state the SLA clock cares about, and formed again with the trigger's
 * columns replaced.
 */
#ifndef CRM_SLA_ROW_H
#define CRM_SLA_ROW_H

#include "postgres.h"
#include "access/htup_details.h"
#include "datatype/timestamp.h"

#include "sla/mapping.h"
#include "sla/targets.h"

/* Response and resolution are done once per cycle; progress updates recur. */
#define SLA_DONE_METRICS 2

/* A row deformed once: the trigger reads many columns and writes several. */
typedef struct SlaRow
{
	HeapTuple	tup;
	Datum	   *values;
	bool	   *nulls;
} SlaRow;

extern void sla_row_deform(SlaRow *r, HeapTuple tup, TupleDesc desc);

/* The value of a column (NULL for an unmapped role, att InvalidAttrNumber). */
static inline Datum
sla_row_get(const SlaRow *r, AttrNumber att, bool *isnull)
{
	if (att == InvalidAttrNumber)
	{
		*isnull = true;
		return (Datum) 0;
	}
	*isnull = r->nulls[att - 1];
	return r->values[att - 1];
}

/* Whether a column holds the same value in both rows. */
extern bool sla_row_same(const SlaRow *a, const SlaRow *b, TupleDesc desc, AttrNumber att);

/* The row with n columns replaced, keeping the original's identity (as heap_modify_tuple does). */
extern HeapTuple sla_row_modified(SlaRow *r, TupleDesc desc, int n, const int *cols,
								  const Datum *values, const bool *nulls);

/* One ticket row, in the terms of the clock. */
typedef struct Ticket
{
	bool		has_key;		/* contract, priority and opening all set */
	bool		has_contract;
	int64		contract;
	char	   *priority;		/* NULL: none */
	bool		has_opened;
	TimestampTz opened;
	char	   *status;
	char	   *tenant;			/* the role tenant's value; NULL: not mapped (or NULL) */
	char		tenant_buf[64];
	char		priority_buf[32];	/* where short priority and status texts are copied */
	char		status_buf[32];
	bool		done[SLA_DONE_METRICS]; /* responded, resolved */
	TimestampTz done_at[SLA_DONE_METRICS];
	bool		reported;		/* a progress report went out */
	TimestampTz report_at;
	bool		has_changed;
	TimestampTz changed;
	/* the trigger's own columns: only what it wrote itself (the old row) counts */
	bool		has_due[SLA_METRICS];
	TimestampTz due[SLA_METRICS];
	int32		alerts;
} Ticket;

/*
 * Read a row; with_state also reads the trigger's own columns (the old row
 * of an update: a new row's are ignored, whatever the client put there).
 */
extern void sla_ticket_read(const SlaMapping *m, const SlaRow *row, Ticket *tk, bool with_state);

/* The ticket's id in its text form, the key of its events; NULL if the id is NULL. */
extern char *sla_ticket_key(const SlaMapping *m, const SlaRow *r);

/*
 * Refuse a key longer than SLA_KEY_MAX (22001), naming the table; cheap for
 * short values, which is every key of fixed-size types.
 */
extern void sla_ticket_key_text_check(const SlaMapping *m, const SlaRow *r);

static inline void
sla_ticket_key_check(const SlaMapping *m, const SlaRow *r)
{
	/* keys of fixed-size types (bigint, uuid) are short: no call on the insert path */
	if (m->id_varlena)
		sla_ticket_key_text_check(m, r);
}

#endif
