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

/* A row deformed once: the trigger reads many columns and writes several. */
typedef struct SlaRow
{
	HeapTuple	tup;
	Datum	   *values;
	bool	   *nulls;
} SlaRow;

extern void sla_row_deform(SlaRow *r, HeapTuple tup, TupleDesc desc);

/* The value of a column (NULL for an unmapped role, att InvalidAttrNumber). */
extern Datum sla_row_get(const SlaRow *r, AttrNumber att, bool *isnull);

/* Whether a column holds the same value in both rows. */
extern bool sla_row_same(const SlaRow *a, const SlaRow *b, TupleDesc desc, AttrNumber att);

/* The row with n columns replaced, keeping the original's identity (as heap_modify_tuple does). */
extern HeapTuple sla_row_modified(SlaRow *r, TupleDesc desc, int n, const int *cols,
								  const Datum *values, const bool *nulls);

/* One ticket row, in the terms of the clock. */
typedef struct Ticket
{
	bool		has_key;		/* contract, priority and opening all set */
	int64		contract;
	char	   *priority;
	TimestampTz opened;
	char	   *status;
	char		priority_buf[32];	/* where short priority and status texts are copied */
	char		status_buf[32];
	bool		done[SLA_METRICS];	/* responded, resolved */
	TimestampTz done_at[SLA_METRICS];
	bool		has_due[SLA_METRICS];
	TimestampTz due[SLA_METRICS];
	int32		alerts;
} Ticket;

extern void sla_ticket_read(const SlaMapping *m, const SlaRow *row, TupleDesc desc, Ticket *tk);

/* The ticket's id in its text form, the key of its events; NULL if the id is NULL. */
extern char *sla_ticket_key(const SlaMapping *m, const SlaRow *r);

#endif
