/*
 * penalty_fixture.h - what the penalty unit tests share: day numbers, status
 * names, and parse-and-check helpers of penalty rules (test_penalty.c,
 * test_accrual.c).  Static inline, so a test that uses only some of them
 * compiles without warnings.
 */
#ifndef PENALTY_FIXTURE_H
#define PENALTY_FIXTURE_H

#include "tap.h"
#include "civil.h"
#include "accrual.h"

#include <stdlib.h>

#define PCT INT64_C(10000000)	/* 1% as a rate x 1e9 */
#define YUAN INT64_C(100)		/* fen per yuan */

static inline int64_t
D(int y, int m, int d)
{
	return civil_days_from_ymd(y, m, d);
}


static inline const char *
status_name(PrStatus st)
{
	switch (st)
	{
		case PR_OK: return "OK";
		case PR_ERR_EMPTY: return "EMPTY";
		case PR_ERR_NO_RATE: return "NO_RATE";
		case PR_ERR_BAD_NUMBER: return "BAD_NUMBER";
		case PR_ERR_RATE_RANGE: return "RATE_RANGE";
		case PR_ERR_PRECISION: return "PRECISION";
		case PR_ERR_UNKNOWN_WORD: return "UNKNOWN_WORD";
		case PR_ERR_DUPLICATE: return "DUPLICATE";
		case PR_ERR_BAD_OPTION: return "BAD_OPTION";
		case PR_ERR_CONFLICT: return "CONFLICT";
		case PR_ERR_OVERFLOW: return "OVERFLOW";
		case PR_ERR_BLANK: return "BLANK";
		case PR_ERR_EMPTY_PART: return "EMPTY_PART";
		case PR_ERR_DANGLING: return "DANGLING";
	}
	return "?";
}

static inline const char *
accrue_name(PrAccrueStatus st)
{
	switch (st)
	{
		case PRA_OK: return "OK";
		case PRA_ERR_OVERFLOW: return "OVERFLOW";
		case PRA_ERR_NO_LPR: return "NO_LPR";
		case PRA_ERR_CALENDAR: return "CALENDAR";
		case PRA_ERR_TOO_MANY: return "TOO_MANY";
	}
	return "?";
}

/* Parse exactly len bytes from a heap copy without a terminator (ASan sees over-reads). */
static inline PrStatus
parse_exact(const char *s, size_t len, PenaltyRule *r, size_t *where)
{
	char	   *copy = malloc(len ? len : 1);
	PrStatus	st;

	memcpy(copy, s, len);
	st = penalty_rule_parse(copy, len, r, where);
	free(copy);
	return st;
}

/* Parse s and expect every field, then the canonical text, then a round trip. */
static inline void
rule_ok(const char *s, int64_t rate, int32_t mult, int basis, int period, int flags,
		int cap_kind, int64_t cap, int32_t grace, int64_t minimum, const char *canonical)
{
	PenaltyRule r,
				r2;
	char		buf[PR_TEXT_MAX];
	size_t		where = 999;
	size_t		n;
	PrStatus	st = parse_exact(s, strlen(s), &r, &where);

	if (!is_str(status_name(st), "OK", "parse \"%s\" succeeds", esc(s)))
	{
		diag("where %zu", where);
		return;
	}
	ok(r.rate == rate && r.lpr_mult == mult && r.basis == basis && r.period == period &&
	   r.flags == flags && r.cap_kind == cap_kind && r.cap == cap && r.grace == grace &&
	   r.minimum == minimum && r.reserved == 0,
	   "parse \"%s\": fields", esc(s));
	if (r.rate != rate || r.lpr_mult != mult)
		diag("rate %lld mult %d", (long long) r.rate, r.lpr_mult);
	is_int(penalty_rule_check(&r), PR_OK, "parse \"%s\": check OK", esc(s));
	n = penalty_rule_format(&r, buf, sizeof(buf));
	is_str(buf, canonical, "format \"%s\"", esc(s));
	is_int((int64_t) n, (int64_t) strlen(canonical), "format \"%s\": length", esc(s));
	st = parse_exact(buf, n, &r2, NULL);
	ok(st == PR_OK && memcmp(&r, &r2, sizeof(r)) == 0, "\"%s\" re-parses to the same rule", buf);
}

/* Parse s and expect status st, and where (unless where_expected < 0). */
static inline void
rule_err(const char *s, PrStatus expected, long where_expected)
{
	PenaltyRule r;
	size_t		where = 999;
	PrStatus	st;

	memset(&r, 0xA5, sizeof(r));
	st = parse_exact(s, strlen(s), &r, &where);
	is_str(status_name(st), status_name(expected), "parse \"%s\" fails with %s",
		   esc(s), status_name(expected));
	if (where_expected >= 0)
		is_int((int64_t) where, where_expected, "parse \"%s\": where", esc(s));
	else if (st != PR_OK && where > strlen(s))
		ok(false, "parse \"%s\": where %zu beyond the text", esc(s), where);
}

static inline PenaltyRule
R(const char *s)
{
	PenaltyRule r;
	PrStatus	st = penalty_rule_parse(s, strlen(s), &r, NULL);

	if (st != PR_OK)
	{
		diag("rule \"%s\" does not parse (%s)", s, status_name(st));
		memset(&r, 0, sizeof(r));
	}
	return r;
}

#endif
