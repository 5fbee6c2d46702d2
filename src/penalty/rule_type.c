/*
 * rule_type.c - I/O, equality and hashing of crm_contract.penalty_rule, and
 * rule_basis().
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "penalty/rule_type.h"
#include "shared/wire_error.h"

#define RULE_EXAMPLE "A rule is a rate, a basis and a period, such as \"1%% of total per day\", \"0.05%% of overdue per day, grace 3 days, cap 30%%\", \"LPR×1.5 of overdue per year\" or \"合同总金额的1%%/日\"."

char *
penalty_rule_to_cstring(const PenaltyRule *r)
{
	char	   *buf = palloc(PR_TEXT_MAX);

	penalty_rule_format(r, buf, PR_TEXT_MAX);
	return buf;
}

/*
 * One place for every parse error: str[where, end) is the text at fault
 * (penalty_rule_parse_span), at what follows from where.
 */
static void
report_rule_error(PrStatus st, const char *str, size_t where, size_t end)
{
	const char *at = str + where;
	int			n = (int) (end - where);

	switch (st)
	{
		case PR_OK:
			return;
		case PR_ERR_EMPTY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type penalty_rule: \"%s\"", str),
					 errdetail(RULE_EXAMPLE)));
			break;
		case PR_ERR_NO_RATE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type penalty_rule: \"%s\"", str),
					 errdetail("No rate found in \"%s\".", str),
					 errhint("Give a rate as 1%%, 0.05%%, 0.5‰, 万分之五 or LPR×1.5.")));
			break;
		case PR_ERR_BAD_NUMBER:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type penalty_rule: \"%s\"", str),
					 errdetail("Malformed number at \"%s\".", at)));
			break;
		case PR_ERR_RATE_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("rate out of range in penalty_rule: \"%s\"", str),
					 errdetail("A rate is above 0%% and at most 10000%%; an LPR multiple above 0 and at most 100.")));
			break;
		case PR_ERR_PRECISION:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("too many decimals in penalty_rule: \"%s\"", str),
					 errdetail("Rates keep 7 decimals of a percent (0.0000001%%), amounts 2, LPR multiples 3.")));
			break;
		case PR_ERR_UNKNOWN_WORD:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type penalty_rule: \"%s\"", str),
					 errdetail("Unexpected text at \"%s\".", at),
					 errhint("Parts are a rate, a basis (total, overdue, undelivered), a period (once, per day, per working day, per week, per month, per year) and options (grace N days, cap N%% or cap N, min N, compound, floating); contract wording such as \"每延迟一日，应向甲方支付合同总金额1%%的违约金\" reads too.")));
			break;
		case PR_ERR_DUPLICATE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type penalty_rule: \"%s\"", str),
					 errdetail("The part \"%.*s\" is given twice.", n, at),
					 errhint("A rule has one rate, one basis, one period and each option once; a cap in percent is a share of the rule's own basis.")));
			break;
		case PR_ERR_BAD_OPTION:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type penalty_rule: \"%s\"", str),
					 errdetail("Invalid option value at \"%s\".", at),
					 errhint("Options read: grace 3 days, grace 2 working days, cap 30%%, cap 100000, min 500.")));
			break;
		case PR_ERR_CONFLICT:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("contradictory penalty_rule: \"%s\"", str),
					 errdetail("compound needs a period of days, weeks, months or years; floating needs an LPR rate.")));
			break;
		case PR_ERR_OVERFLOW:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range in penalty_rule: \"%s\"", str)));
			break;
		case PR_ERR_BLANK:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type penalty_rule: \"%s\"", str),
					 errdetail("\"%.*s\" is a blank to fill in.", n, at),
					 errhint("The text is an unfilled template: write the agreed figure, such as 5%% or 万分之五.")));
			break;
		case PR_ERR_EMPTY_PART:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type penalty_rule: \"%s\"", str),
					 errdetail("Empty part at \"%s\": a comma, semicolon or full stop stands between two parts.", at)));
			break;
		case PR_ERR_DANGLING:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type penalty_rule: \"%s\"", str),
					 errdetail("\"%.*s\" is not followed by a part.", n, at),
					 errhint("Write \"1%% of total\", or leave \"%.*s\" out.", n, at)));
			break;
	}
}

PenaltyRule *
penalty_rule_from_cstring(const char *str)
{
	PenaltyRule *r = palloc(sizeof(PenaltyRule));
	size_t		where = 0,
				end = 0;
	PrStatus	st = penalty_rule_parse_span(str, strlen(str), r, &where, &end);

	if (st != PR_OK)
		report_rule_error(st, str, where, end);
	return r;
}

/* Text input: '1% of total per day', '合同总金额的1%/日', '每延迟一日，应向甲方支付合同总金额1%的违约金'. */
PG_FUNCTION_INFO_V1(crm_penalty_rule_in);
Datum
crm_penalty_rule_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(penalty_rule_from_cstring(PG_GETARG_CSTRING(0)));
}

/* Canonical English output. */
PG_FUNCTION_INFO_V1(crm_penalty_rule_out);
Datum
crm_penalty_rule_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(penalty_rule_to_cstring(PG_GETARG_PENALTY_RULE_P(0)));
}

/*
 * Binary input: version byte, then the fields in network order
 * (penalty_rule_decode).  Bytes after the value are the caller's to refuse,
 * as in crm_term_recv.
 */
PG_FUNCTION_INFO_V1(crm_penalty_rule_recv);
Datum
crm_penalty_rule_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	size_t		n = Min((size_t) (buf->len - buf->cursor), PR_WIRE_LEN);
	PenaltyRule *r = palloc(sizeof(PenaltyRule));
	WireDetail	detail;
	WireStatus	st;

	st = penalty_rule_decode((const uint8_t *) buf->data + buf->cursor, n, r, &detail);
	if (st != WIRE_OK)
	{
		report_wire_failure(st, &detail, "penalty_rule", PR_WIRE_VERSION);
		/* invalid, or trailing (not with n bytes; refused all the same) */
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary value for type penalty_rule")));
	}
	buf->cursor += (int) n;
	PG_RETURN_POINTER(r);
}

/* Binary output (penalty_rule_encode). */
PG_FUNCTION_INFO_V1(crm_penalty_rule_send);
Datum
crm_penalty_rule_send(PG_FUNCTION_ARGS)
{
	const PenaltyRule *r = PG_GETARG_PENALTY_RULE_P(0);
	uint8_t		wire[PR_WIRE_LEN];
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) wire, (int) penalty_rule_encode(r, wire));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Same rule in every part. */
PG_FUNCTION_INFO_V1(crm_penalty_rule_eq);
Datum
crm_penalty_rule_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_PENALTY_RULE_P(0), PG_GETARG_PENALTY_RULE_P(1), sizeof(PenaltyRule)) == 0);
}

/* Different in some part. */
PG_FUNCTION_INFO_V1(crm_penalty_rule_ne);
Datum
crm_penalty_rule_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_PENALTY_RULE_P(0), PG_GETARG_PENALTY_RULE_P(1), sizeof(PenaltyRule)) != 0);
}

/* The btree order of penalty_rule (penalty_rule_compare). */
PG_FUNCTION_INFO_V1(crm_penalty_rule_cmp);
Datum
crm_penalty_rule_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(penalty_rule_compare(PG_GETARG_PENALTY_RULE_P(0), PG_GETARG_PENALTY_RULE_P(1)));
}

#define PR_CMP_OPERATOR(name, test) \
PG_FUNCTION_INFO_V1(crm_penalty_rule_##name); \
Datum \
crm_penalty_rule_##name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(penalty_rule_compare(PG_GETARG_PENALTY_RULE_P(0), PG_GETARG_PENALTY_RULE_P(1)) test); \
}

PR_CMP_OPERATOR(lt, < 0)
PR_CMP_OPERATOR(le, <= 0)
PR_CMP_OPERATOR(gt, > 0)
PR_CMP_OPERATOR(ge, >= 0)

/* Hash consistent with equality (every field is set, the padding is zero). */
PG_FUNCTION_INFO_V1(crm_penalty_rule_hash);
Datum
crm_penalty_rule_hash(PG_FUNCTION_ARGS)
{
	return hash_any((const unsigned char *) PG_GETARG_PENALTY_RULE_P(0), sizeof(PenaltyRule));
}

/* rule_basis(rule): total, overdue or undelivered */
PG_FUNCTION_INFO_V1(crm_rule_basis);
Datum
crm_rule_basis(PG_FUNCTION_ARGS)
{
	static const char *const names[] = {"", "total", "overdue", "undelivered"};
	const PenaltyRule *r = PG_GETARG_PENALTY_RULE_P(0);

	PG_RETURN_TEXT_P(cstring_to_text(names[r->basis <= 3 ? r->basis : 0]));
}
