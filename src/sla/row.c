/*
 * row.c - ticket rows for the trigger; see row.h.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
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

/* Text of a bpchar column without its padding: char(n) pads, and 'P1' must still match 'P1'. */
static size_t
unpadded_length(const char *p, size_t len, Oid typid)
{
	if (typid == BPCHAROID)
		while (len > 0 && p[len - 1] == ' ')
			len--;
	return len;
}

char *
sla_ticket_key(const SlaMapping *m, const SlaRow *r)
{
	bool		isnull;
	Datum		d = sla_row_get(r, m->att[SLA_ROLE_ID], &isnull);
	char	   *key;

	if (isnull)
		return NULL;
	key = OutputFunctionCall((FmgrInfo *) &m->id_out, d);
	key[unpadded_length(key, strlen(key), m->typid[SLA_ROLE_ID])] = '\0';
	return key;
}

void
sla_ticket_key_text_check(const SlaMapping *m, const SlaRow *r)
{
	bool		isnull;
	Datum		d = sla_row_get(r, m->att[SLA_ROLE_ID], &isnull);
	char	   *key;
	size_t		len;

	/* a text form longer than 4 bytes per stored byte is unheard of: short values need no output call */
	if (isnull || toast_raw_datum_size(d) - VARHDRSZ <= SLA_KEY_MAX / 4)
		return;
	key = sla_ticket_key(m, r);
	len = strlen(key);
	if (len > SLA_KEY_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
				 errmsg("ticket key \"%.*s...\" of table %s is %zu bytes long, more than %d",
						pg_mbcliplen(key, (int) len, 40), key, m->ticket_table, len, SLA_KEY_MAX),
				 errdetail("The SLA event log keeps and indexes each ticket's key."),
				 errhint("Use a shorter id column, or map the role id to one with 'id=<column>'.")));
}

/* A text datum as a C string, in buf when it fits (no allocation on the insert path). */
static char *
text_in_buffer(Datum d, Oid typid, char *buf, size_t size)
{
	text	   *t = DatumGetTextPP(d);
	size_t		len = unpadded_length(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), typid);
	char	   *out = len < size ? buf : palloc(len + 1);

	memcpy(out, VARDATA_ANY(t), len);
	out[len] = '\0';
	return out;
}

/* A timestamptz column: whether set, and its value. */
static bool
instant(const SlaMapping *m, const SlaRow *row, SlaRole role, TimestampTz *at)
{
	bool		isnull;
	Datum		d = sla_row_get(row, m->att[role], &isnull);

	*at = isnull ? 0 : DatumGetTimestampTz(d);
	return !isnull;
}

void
sla_ticket_read(const SlaMapping *m, const SlaRow *row, Ticket *tk, bool with_state)
{
	static const SlaRole done_role[SLA_DONE_METRICS] = {SLA_ROLE_RESPONDED, SLA_ROLE_RESOLVED};
	static const SlaRole due_role[SLA_METRICS] = {SLA_ROLE_RESPONSE_DUE, SLA_ROLE_RESOLVE_DUE, SLA_ROLE_UPDATE_DUE};
	bool		isnull;
	Datum		d;
	int			k;

	memset(tk, 0, sizeof(*tk));
	d = sla_row_get(row, m->att[SLA_ROLE_CONTRACT], &isnull);
	tk->has_contract = !isnull;
	if (!isnull)
		tk->contract = m->typid[SLA_ROLE_CONTRACT] == INT8OID ? DatumGetInt64(d) : DatumGetInt32(d);
	d = sla_row_get(row, m->att[SLA_ROLE_PRIORITY], &isnull);
	if (!isnull)
		tk->priority = text_in_buffer(d, m->typid[SLA_ROLE_PRIORITY], tk->priority_buf, sizeof(tk->priority_buf));
	tk->has_opened = instant(m, row, SLA_ROLE_OPENED, &tk->opened);
	tk->has_key = tk->has_contract && tk->priority != NULL && tk->has_opened;
	d = sla_row_get(row, m->att[SLA_ROLE_STATUS], &isnull);
	tk->status = isnull ? NULL : text_in_buffer(d, m->typid[SLA_ROLE_STATUS], tk->status_buf, sizeof(tk->status_buf));
	d = sla_row_get(row, m->att[SLA_ROLE_TENANT], &isnull);
	tk->tenant = isnull ? NULL : text_in_buffer(d, m->typid[SLA_ROLE_TENANT], tk->tenant_buf, sizeof(tk->tenant_buf));
	for (k = 0; k < SLA_DONE_METRICS; k++)
		tk->done[k] = instant(m, row, done_role[k], &tk->done_at[k]);
	tk->reported = instant(m, row, SLA_ROLE_PROGRESSED, &tk->report_at);
	tk->has_changed = instant(m, row, SLA_ROLE_CHANGED, &tk->changed);
	if (!with_state)
		return;
	for (k = 0; k < SLA_METRICS; k++)
		tk->has_due[k] = instant(m, row, due_role[k], &tk->due[k]);
	d = sla_row_get(row, m->att[SLA_ROLE_ALERTS], &isnull);
	tk->alerts = isnull ? 0 : DatumGetInt32(d);
}
