/*
 * notice.c - parse_holiday_notice(notice text, year integer DEFAULT NULL):
 * the days a State Council holiday notice arranges, one row per day, named
 * as the shipped CN calendar names them.  The reading is the core's
 * (src/core/notice.h), the same that generates sql/data/25_calendar_cn.sql
 * from the notice texts; this file turns its results into rows and its
 * refusals into errors that quote the notice.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "core/notice.h"
#include "shared/text.h"

/* Longest fragment quoted in a message, in characters. */
#define QUOTE_CHARS 40

static const char *const weekday_names[] = {
	"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
};

static void *
palloc_for_core(void *ctx, size_t size)
{
	return palloc_extended(size, MCXT_ALLOC_NO_OOM);
}

/*
 * text[offset, offset+length) for a message: line breaks as spaces, cut at a
 * character boundary after QUOTE_CHARS characters ("…" marks the cut), in
 * the server encoding.
 */
static char *
quote_fragment(const char *text, size_t len, size_t offset, size_t length)
{
	StringInfoData buf;
	size_t		i,
				chars = 0;

	initStringInfo(&buf);
	if (offset > len)
		offset = len;
	if (length > len - offset)
		length = len - offset;
	for (i = 0; i < length && chars < QUOTE_CHARS; chars++)
	{
		int			n = pg_utf_mblen((const unsigned char *) text + offset + i);
		char		c = text[offset + i];

		if (n < 1 || (size_t) n > length - i || !pg_utf8_islegal((const unsigned char *) text + offset + i, n))
			n = 1;
		if (c == '\n' || c == '\r' || c == '\t')
			appendStringInfoChar(&buf, ' ');
		else if (n == 1 && (unsigned char) c >= 0x80)
			appendStringInfoString(&buf, "\xEF\xBF\xBD");	/* U+FFFD for a bad byte */
		else
			appendBinaryStringInfo(&buf, text + offset + i, n);
		i += n;
	}
	if (i < length)
		appendStringInfoString(&buf, "…");
	return pg_any_to_server(buf.data, buf.len, PG_UTF8);
}

/* Raise the error for a refusal: SQLSTATE class 22, the fragment quoted. */
static void
report_notice_error(const NoticeError *e, const char *text, size_t len, int hint)
{
	char	   *frag = quote_fragment(text, len, e->offset, e->length);
	const char *reason = e->reason ? e->reason : "";

	switch (e->status)
	{
		case NOTICE_OK:
			return;
		case NOTICE_ERR_EMPTY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("holiday notice is empty"),
					 errhint("Pass the notice as published, from its title (国务院办公厅关于2026年部分节假日安排的通知) through its items.")));
			break;
		case NOTICE_ERR_TOO_LONG:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("holiday notice is too long: %zu bytes", len),
					 errdetail("A notice is read up to %d bytes.", NOTICE_TEXT_MAX)));
			break;
		case NOTICE_ERR_NO_YEAR:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("holiday notice names no year"),
					 errdetail("%s", reason),
					 errhint("Pass the year: parse_holiday_notice(notice, 2026).")));
			break;
		case NOTICE_ERR_YEAR_CONFLICT:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("conflicting year in holiday notice: \"%s\"", frag),
					 e->expected ? errdetail("%s It says %lld, but %lld was expected.", reason,
											 (long long) e->found, (long long) e->expected)
					 : errdetail("%s", reason),
					 hint ? errhint("Leave the year out (NULL) to take it from the title.") : 0));
			break;
		case NOTICE_ERR_NO_SCHEDULE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("holiday notice arranges no days: \"%s\"", frag),
					 errdetail("%s", reason)));
			break;
		case NOTICE_ERR_UNREADABLE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("cannot read holiday notice at \"%s\"", frag),
					 errdetail("%s", reason),
					 errhint("Every sentence of an item is read; correct or remove the text quoted.")));
			break;
		case NOTICE_ERR_WEEKDAY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("wrong weekday in holiday notice: \"%s\"", frag),
					 errdetail("The date is a %s, not a %s.", weekday_names[e->actual_weekday],
							   weekday_names[e->written_weekday]),
					 errhint("Check the date against the notice as published.")));
			break;
		case NOTICE_ERR_DATE:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
					 errmsg("impossible date in holiday notice: \"%s\"", frag),
					 errdetail("%s", reason)));
			break;
		case NOTICE_ERR_RANGE_ORDER:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
					 errmsg("range ends before it starts in holiday notice: \"%s\"", frag),
					 e->found ? errdetail("%s The holiday already runs to %s.", reason, crm_date_text(e->expected))
					 : errdetail("%s It starts on %s.", reason, crm_date_text(e->expected))));
			break;
		case NOTICE_ERR_COUNT:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("day count does not match the days in holiday notice: \"%s\"", frag),
					 e->aux_length ? errdetail("\"%s\" is %lld days, not %lld.",
											   quote_fragment(text, len, e->aux_offset, e->aux_length),
											   (long long) e->expected, (long long) e->found)
					 : errdetail("%s %lld dates are listed, not %lld.", reason,
								 (long long) e->expected, (long long) e->found)));
			break;
		case NOTICE_ERR_WINDOW:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
					 errmsg("date outside the year of the holiday notice: \"%s\"", frag),
					 errdetail("%s The date read is %s.", reason, crm_date_text(e->expected))));
			break;
		case NOTICE_ERR_CONFLICT:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("holiday notice contradicts itself: \"%s\"", frag),
					 e->aux_length ? errdetail("%s %s is arranged by \"%s\" too.", reason, crm_date_text(e->expected),
											   quote_fragment(text, len, e->aux_offset, e->aux_length))
					 : errdetail("%s", reason)));
			break;
		case NOTICE_ERR_NEEDS_BASE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("holiday notice extends a holiday it does not give: \"%s\"", frag),
					 errdetail("%s", reason),
					 errhint("Pass the yearly notice and then this one, in one text, as they were issued.")));
			break;
		case NOTICE_ERR_NO_MEMORY:
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory"),
					 errdetail("Failed while reading a holiday notice of %zu bytes.", len)));
			break;
	}
	/* every status is reported above; one added to the core and not here still gets a clear error */
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("holiday notice could not be read (status %d)", (int) e->status)));
}

/*
 * parse_holiday_notice(notice, year): (day, kind, name) for every day the
 * notice (or notices, one after the other) arranges.  A NULL notice gives no
 * rows; a NULL year is taken from the title.
 */
PG_FUNCTION_INFO_V1(crm_parse_holiday_notice);
Datum
crm_parse_holiday_notice(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	NoticeAllocator mem = {palloc_for_core, NULL, NULL};
	NoticeResult result;
	NoticeError err;
	text	   *arg;
	char	   *utf8;
	size_t		len;
	int			hint = 0;
	Oid			kind_type;
	Datum		kinds[3];
	size_t		i;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	if (PG_NARGS() > 1 && !PG_ARGISNULL(1))
	{
		int32		y = PG_GETARG_INT32(1);

		if (y < 1900 || y > 2999)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("holiday notice year %d is out of range", y),
					 errdetail("A notice year is between 1900 and 2999, or NULL to take it from the title.")));
		hint = y;
	}
	arg = PG_GETARG_TEXT_PP(0);
	utf8 = pg_server_to_any(VARDATA_ANY(arg), VARSIZE_ANY_EXHDR(arg), PG_UTF8);
	len = utf8 == VARDATA_ANY(arg) ? VARSIZE_ANY_EXHDR(arg) : strlen(utf8);
	if (notice_parse(utf8, len, hint, NULL, &mem, &result, &err) != NOTICE_OK)
		report_notice_error(&err, utf8, len, hint);

	kind_type = TupleDescAttr(rsinfo->setDesc, 1)->atttypid;
	kinds[NOTICE_HOLIDAY] = DirectFunctionCall2(enum_in, CStringGetDatum("holiday"), ObjectIdGetDatum(kind_type));
	kinds[NOTICE_WORKING] = DirectFunctionCall2(enum_in, CStringGetDatum("working"), ObjectIdGetDatum(kind_type));
	for (i = 0; i < result.ndays; i++)
	{
		const NoticeDay *d = &result.days[i];
		const char *name = notice_day_name(d->festival, d->kind);
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = DateADTGetDatum((DateADT) d->day);
		values[1] = kinds[d->kind];
		values[2] = CStringGetTextDatum(pg_any_to_server(name, strlen(name), PG_UTF8));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
