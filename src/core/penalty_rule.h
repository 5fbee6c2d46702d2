/*
 * penalty_rule.h - penalty rules (违约金, 滞纳金): parse, format, check, wire form.
 * Pure C; the accrual of a rule is in accrual.h.
 *
 * Money is int64 minor units (fen); rates are fractions scaled by 1e9
 * (1% = 10,000,000, 0.0001% = 1,000); products are taken in __int128 and
 * rounded once, to the fen, half up.  No floating point anywhere.
 */
#ifndef CRM_PENALTY_RULE_H
#define CRM_PENALTY_RULE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "wire.h"

#define PR_RATE_SCALE INT64_C(1000000000)	/* a rate of 1 (100%) */
#define PR_MULT_SCALE 1000					/* LPR multiplier 1.5 = 1500 */
#define PR_RATE_MAX (PR_RATE_SCALE * 100)	/* 10000%: anything above is a typo */
#define PR_AMOUNT_MAX INT64_C(100000000000000000)	/* 10^15 yuan in fen: caps and minimums */

typedef enum PrBasis
{
	PR_BASIS_TOTAL = 1,			/* the contract amount (001 §9.3) */
	PR_BASIS_OVERDUE = 2,		/* the amount due and unpaid (001 §9.4) */
	PR_BASIS_UNDELIVERED = 3	/* the value of what is late */
} PrBasis;

typedef enum PrPeriod
{
	PR_ONCE = 1,				/* a one-off share (004 §9.1, 003 §4.5) */
	PR_PER_DAY = 2,
	PR_PER_WORKING_DAY = 3,
	PR_PER_WEEK = 4,			/* pro rata: 7 days */
	PR_PER_MONTH = 5,			/* pro rata: 30 days */
	PR_PER_YEAR = 6				/* pro rata: 365 days */
} PrPeriod;

#define PR_FLAG_COMPOUND		0x01	/* interest on interest at each full period */
#define PR_FLAG_GRACE_WORKING	0x02	/* grace counted in working days */
#define PR_FLAG_FLOATING		0x04	/* LPR rule: follow each LPR change */

#define PR_CAP_NONE 0
#define PR_CAP_SHARE 1			/* cap as a share of the basis */
#define PR_CAP_AMOUNT 2			/* cap as an amount */

typedef struct PenaltyRule
{
	int64_t		rate;			/* fixed rate x 1e9; 0 for an LPR rule */
	int32_t		lpr_mult;		/* LPR multiplier x 1000; 0 for a fixed rate */
	uint8_t		basis;			/* PrBasis */
	uint8_t		period;			/* PrPeriod */
	uint8_t		flags;			/* PR_FLAG_* */
	uint8_t		cap_kind;		/* PR_CAP_* */
	int32_t		grace;			/* days (or working days) without accrual */
	int32_t		reserved;		/* zero */
	int64_t		cap;			/* share x 1e9, or amount in minor units */
	int64_t		minimum;		/* minor units; 0 = none */
} PenaltyRule;

typedef enum PrStatus
{
	PR_OK = 0,
	PR_ERR_EMPTY,
	PR_ERR_NO_RATE,				/* no rate found */
	PR_ERR_BAD_NUMBER,			/* malformed number */
	PR_ERR_RATE_RANGE,			/* rate 0, negative or above 10000% */
	PR_ERR_PRECISION,			/* more decimals than the scale holds */
	PR_ERR_UNKNOWN_WORD,		/* a word we do not know */
	PR_ERR_DUPLICATE,			/* two rates, bases, periods, caps ... */
	PR_ERR_BAD_OPTION,			/* grace/cap/min without a valid value */
	PR_ERR_CONFLICT,			/* compound on a one-off rule, floating on a fixed rate */
	PR_ERR_OVERFLOW,			/* a result beyond int64 minor units */
	PR_ERR_BLANK,				/* a template blank (___%, X%, [ ]) where a figure belongs */
	PR_ERR_EMPTY_PART,			/* a separator with no part after it (",," or a trailing ",") */
	PR_ERR_DANGLING				/* "of" or 的 with no part after it */
} PrStatus;

#define PR_STATUS_LAST PR_ERR_DANGLING

/*
 * Parse English or Chinese text, the canonical form or contract wording
 * (每延迟一日，应向甲方支付合同总金额1%的违约金); traditional characters and
 * converter glosses read as the simplified text.  *where gets the offset of
 * the problem; penalty_rule_parse_span also gives *end, the end of the text
 * at fault (where <= end <= len): the part given twice, the blank, the empty
 * part, the dangling connector; for the other statuses, len.  On failure
 * *out is left alone.  where and end may be NULL.
 */
extern PrStatus penalty_rule_parse(const char *s, size_t len, PenaltyRule *out, size_t *where);
extern PrStatus penalty_rule_parse_span(const char *s, size_t len, PenaltyRule *out,
										size_t *where, size_t *end);

/* Canonical English text; returns bytes written (buffer of PR_TEXT_MAX is enough). */
#define PR_TEXT_MAX 160
extern size_t penalty_rule_format(const PenaltyRule *r, char *buf, size_t bufsize);

/* Validate a rule from the binary form. */
extern PrStatus penalty_rule_check(const PenaltyRule *r);

/* -1, 0 or 1: a total order consistent with equality of every field. */
extern int penalty_rule_compare(const PenaltyRule *a, const PenaltyRule *b);

/*
 * Binary wire form (penalty_rule_send, penalty_rule_recv): the version byte,
 * then rate (int64), lpr_mult (int32), basis, period, flags, cap_kind (one
 * byte each), grace (int32), cap (int64), minimum (int64), all big-endian.
 * reserved is not sent: it is always zero.
 */
#define PR_WIRE_VERSION 1
#define PR_WIRE_LEN 37

/* Writes PR_WIRE_LEN bytes; returns PR_WIRE_LEN. */
extern size_t penalty_rule_encode(const PenaltyRule *r, uint8_t *buf);

/*
 * Decode exactly len bytes.  Checks in reading order: short (detail->missing
 * is the size of the field that did not fit), version, short, then
 * penalty_rule_check (WIRE_INVALID, detail->check gets its status), then
 * trailing bytes after a valid rule.  *out is zeroed first; once every
 * field is read (OK, INVALID, TRAILING) it holds them as read.  Use it only
 * on WIRE_OK.  detail may be NULL.
 */
extern WireStatus penalty_rule_decode(const uint8_t *buf, size_t len, PenaltyRule *out,
									  WireDetail *detail);

#endif
