/*
 * row.c - ticket rows for the trigger; see row.h.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"

#include "sla/row.h"

void
sla_row_deform(SlaRow *r, HeapTuple tup, TupleDesc desc)
{
	r->tup = tup;
	r->values = palloc(sizeof(Datum) * desc->natts);
	r->nulls = palloc(sizeof(bool) * desc->natts);
	heap_deform_tuple(tup, desc, r->values, r->nulls);
}

Datum
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

bool
sla_row_same(const SlaRow *a, const SlaRow *b, TupleDesc desc, AttrNumber att)
{
	bool		na,
				nb;
	Datum		va = sla_row_get(a, att, &na);
	Datum		vb = sla_row_get(b, att, &nb);
	Form_pg_attribute attr;

	if (na || nb)
		return na == nb;
	attr = TupleDescAttr(desc, att - 1);
	return datumIsEqual(va, vb, attr->attbyval, attr->attlen);
}

HeapTuple
sla_row_modified(SlaRow *r, TupleDesc desc, int n, const int *cols, const Datum *values, const bool *nulls)
{
	HeapTuple	tup;
	int			i;

	if (n == 0)
		return r->tup;
	for (i = 0; i < n; i++)
	{
		r->values[cols[i] - 1] = values[i];
		r->nulls[cols[i] - 1] = nulls[i];
	}
	tup = heap_form_tuple(desc, r->values, r->nulls);
	tup->t_data->t_ctid = r->tup->t_data->t_ctid;
	tup->t_self = r->tup->t_self;
	tup->t_tableOid = r->tup->t_tableOid;
	return tup;
}

char *
sla_ticket_key(const SlaMapping *m, const SlaRow *r)
{
	bool		isnull;
	Datum		d = sla_row_get(r, m->att[SLA_ROLE_ID], &isnull);

	return isnull ? NULL : OutputFunctionCall((FmgrInfo *) &m->id_out, d);
}

/* A text datum as a C string, in buf when it fits (no allocation on the insert path). */
static char *
text_in_buffer(Datum d, char *buf, size_t size)
{
	text	   *t = DatumGetTextPP(d);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	char	   *out = len < size ? buf : palloc(len + 1);

	memcpy(out, VARDATA_ANY(t), len);
	out[len] = '\0';
	return out;
}

void
sla_ticket_read(const SlaMapping *m, const SlaRow *row, TupleDesc desc, Ticket *tk)
{
	static const SlaRole done_role[SLA_METRICS] = {SLA_ROLE_RESPONDED, SLA_ROLE_RESOLVED};
	static const SlaRole due_role[SLA_METRICS] = {SLA_ROLE_RESPONSE_DUE, SLA_ROLE_RESOLVE_DUE};
	bool		isnull;
	Datum		d;
	int			k;

	memset(tk, 0, sizeof(*tk));
	tk->has_key = true;
	d = sla_row_get(row, m->att[SLA_ROLE_CONTRACT], &isnull);
	if (isnull)
		tk->has_key = false;
	else
		tk->contract = TupleDescAttr(desc, m->att[SLA_ROLE_CONTRACT] - 1)->atttypid == INT8OID ?
			DatumGetInt64(d) : DatumGetInt32(d);
	d = sla_row_get(row, m->att[SLA_ROLE_PRIORITY], &isnull);
	if (isnull)
		tk->has_key = false;
	else
		tk->priority = text_in_buffer(d, tk->priority_buf, sizeof(tk->priority_buf));
	d = sla_row_get(row, m->att[SLA_ROLE_OPENED], &isnull);
	if (isnull)
		tk->has_key = false;
	else
		tk->opened = DatumGetTimestampTz(d);
	d = sla_row_get(row, m->att[SLA_ROLE_STATUS], &isnull);
	tk->status = isnull ? NULL : text_in_buffer(d, tk->status_buf, sizeof(tk->status_buf));
	for (k = 0; k < SLA_METRICS; k++)
	{
		d = sla_row_get(row, m->att[done_role[k]], &isnull);
		tk->done[k] = !isnull;
		tk->done_at[k] = isnull ? 0 : DatumGetTimestampTz(d);
		d = sla_row_get(row, m->att[due_role[k]], &isnull);
		tk->has_due[k] = !isnull;
		tk->due[k] = isnull ? 0 : DatumGetTimestampTz(d);
	}
	d = sla_row_get(row, m->att[SLA_ROLE_ALERTS], &isnull);
	tk->alerts = isnull ? 0 : DatumGetInt32(d);
}

