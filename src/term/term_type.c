/*
 * term_type.c - I/O, equality and hashing of crm_contract.term.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "term/term_type.h"
#include "shared/wire_error.h"

#define TERM_EXAMPLE "A term is a positive number and a unit, such as \"10 working days\" or \"10个工作日\"."
#define TERM_UNITS_HINT "Units are minutes, hours, days, weeks, months, years, working minutes, working hours and working days, or in Chinese 分钟, 小时, 天/日, 周, 个月, 年, 工作分钟, 工作小时, 工作日."

char *
term_to_cstring(Term t)
{
	char	   *buf = palloc(TERM_TEXT_MAX);

	term_format(&t, buf, TERM_TEXT_MAX);
	return buf;
}

/* One place for every term parse error, shared by input and term(). */
static void
report_term_error(TermStatus st, const char *str, size_t where)
{
	const char *rest = str + where;

	switch (st)
	{
		case TERM_OK:
			return;
		case TERM_ERR_EMPTY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type term: \"%s\"", str),
					 errdetail(TERM_EXAMPLE)));
			break;
		case TERM_ERR_NO_NUMBER:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type term: \"%s\"", str),
					 errdetail("A term starts with a number (digits or Chinese numerals)."),
					 errhint(TERM_EXAMPLE)));
			break;
		case TERM_ERR_NO_UNIT:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type term: \"%s\"", str),
					 errdetail("The unit is missing."),
					 errhint(TERM_UNITS_HINT)));
			break;
		case TERM_ERR_UNKNOWN_UNIT:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type term: \"%s\"", str),
					 errdetail("Unknown unit \"%s\".", rest),
					 errhint(TERM_UNITS_HINT)));
			break;
		case TERM_ERR_TRAILING:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type term: \"%s\"", str),
					 errdetail("Unexpected text after the unit: \"%s\".", rest)));
			break;
		case TERM_ERR_NEGATIVE:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value \"%s\" is out of range for type term", str),
					 errdetail("A term cannot be negative.")));
			break;
		case TERM_ERR_ZERO:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value \"%s\" is out of range for type term", str),
					 errdetail("A term must be at least 1 unit.")));
			break;
		case TERM_ERR_OVERFLOW:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value \"%s\" is out of range for type term", str),
					 errdetail("The quantity must be at most %d.", TERM_QUANTITY_MAX)));
			break;
		case TERM_ERR_FRACTION:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type term: \"%s\"", str),
					 errdetail("A term's quantity is a whole number."),
					 errhint("Use a smaller unit: \"36 hours\" rather than \"1.5 days\".")));
			break;
		case TERM_ERR_BAD_UNIT_CODE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type term: \"%s\"", str)));
			break;
	}
}

static Term
term_from_cstring(const char *str)
{
	Term		t;
	size_t		where = 0;
	TermStatus	st = term_parse(str, strlen(str), &t, &where);

	if (st != TERM_OK)
		report_term_error(st, str, where);
	return t;
}

/* Text input: '10 working days', '10个工作日', '3個月'. */
PG_FUNCTION_INFO_V1(crm_term_in);
Datum
crm_term_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_TERM(term_from_cstring(PG_GETARG_CSTRING(0)));
}

/* Canonical English output: '10 working days'. */
PG_FUNCTION_INFO_V1(crm_term_out);
Datum
crm_term_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(term_to_cstring(PG_GETARG_TERM(0)));
}

/*
 * Binary input: version byte, unit byte, int32 quantity (term_decode).  Only
 * the value's bytes are decoded: bytes after them are left for the caller,
 * which refuses them with its own message (COPY, Bind, array and record
 * input all check that the field was consumed).
 */
PG_FUNCTION_INFO_V1(crm_term_recv);
Datum
crm_term_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	size_t		n = Min((size_t) (buf->len - buf->cursor), TERM_WIRE_LEN);
	Term		t;
	WireDetail	detail;
	WireStatus	st;

	st = term_decode((const uint8_t *) buf->data + buf->cursor, n, &t, &detail);
	if (st != WIRE_OK)
	{
		report_wire_failure(st, &detail, "term", TERM_WIRE_VERSION);
		/* invalid, or trailing (not with n bytes; refused all the same) */
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary value for type term: quantity %d, unit %d", t.quantity, t.unit),
				 errdetail("The quantity must be 1 to %d and the unit 1 to %d.",
						   TERM_QUANTITY_MAX, TERM_UNIT_MAX)));
	}
	buf->cursor += (int) n;
	PG_RETURN_TERM(t);
}

/* Binary output (term_encode). */
PG_FUNCTION_INFO_V1(crm_term_send);
Datum
crm_term_send(PG_FUNCTION_ARGS)
{
	Term		t = PG_GETARG_TERM(0);
	uint8_t		wire[TERM_WIRE_LEN];
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) wire, (int) term_encode(&t, wire));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Same quantity and unit. */
PG_FUNCTION_INFO_V1(crm_term_eq);
Datum
crm_term_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) == PG_GETARG_INT64(1));
}

/* Different quantity or unit. */
PG_FUNCTION_INFO_V1(crm_term_ne);
Datum
crm_term_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) != PG_GETARG_INT64(1));
}

/* Hash of the packed value, consistent with term_eq. */
PG_FUNCTION_INFO_V1(crm_term_hash);
Datum
crm_term_hash(PG_FUNCTION_ARGS)
{
	int64		v = PG_GETARG_INT64(0);

	return hash_any((unsigned char *) &v, sizeof(v));
}

/* Seeded hash. */
PG_FUNCTION_INFO_V1(crm_term_hash_extended);
Datum
crm_term_hash_extended(PG_FUNCTION_ARGS)
{
	int64		v = PG_GETARG_INT64(0);

	return hash_any_extended((unsigned char *) &v, sizeof(v), PG_GETARG_INT64(1));
}

/* term(10, 'working days'): quantity and unit given apart. */
PG_FUNCTION_INFO_V1(crm_term_make);
Datum
crm_term_make(PG_FUNCTION_ARGS)
{
	int32		quantity = PG_GETARG_INT32(0);
	char	   *unit = text_to_cstring(PG_GETARG_TEXT_PP(1));

	PG_RETURN_TERM(term_from_cstring(psprintf("%d %s", quantity, unit)));
}

/* Number of units. */
PG_FUNCTION_INFO_V1(crm_term_quantity);
Datum
crm_term_quantity(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_TERM(0).quantity);
}

/* Unit in canonical plural English. */
PG_FUNCTION_INFO_V1(crm_term_unit);
Datum
crm_term_unit(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(term_unit_plural(PG_GETARG_TERM(0).unit)));
}
