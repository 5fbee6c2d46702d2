/*
 * penalty.h - penalty rules (违约金, 滞纳金) and their exact accrual, pure C.
 *
 * Money is int64 minor units (fen); rates are fractions scaled by 1e9
 * (1% = 10,000,000, 0.0001% = 1,000); products are taken in __int128 and
 * rounded once, to the fen, half up.  No floating point anywhere.
 */
#ifndef CRM_PENALTY_H
#define CRM_PENALTY_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "wire.h"

#define PR_RATE_SCALE INT64_C(1000000000)	/* a rate of 1 (100%) */
#define PR_MULT_SCALE 1000					/* LPR multiplier 1.5 = 1500 */
#define PR_RATE_MAX (PR_RATE_SCALE * 100)	/* 10000%: anything above is a typo */

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
	PR_ERR_OVERFLOW				/* a result beyond int64 minor units */
} PrStatus;

/* Parse English or Chinese text; *where gets the offset of the problem. */
extern PrStatus penalty_rule_parse(const char *s, size_t len, PenaltyRule *out, size_t *where);

/* Canonical English text; returns bytes written (buffer of PR_TEXT_MAX is enough). */
#define PR_TEXT_MAX 160
extern size_t penalty_rule_format(const PenaltyRule *r, char *buf, size_t bufsize);

/* Validate a rule from the binary form. */
extern PrStatus penalty_rule_check(const PenaltyRule *r);

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

/* One LPR value: in force from day (days since 2000-01-01), rate x 1e9. */
typedef struct PrLpr
{
	int64_t		day;
	int64_t		rate;
} PrLpr;

/* Inputs of an accrual that the rule does not hold. */
typedef struct PrContext
{
	const PrLpr *lpr;			/* ascending by day; needed by LPR rules */
	int32_t		nlpr;
	/* working days in (a, b]; needed by per-working-day rules */
	int64_t		(*working_days) (void *arg, int64_t a, int64_t b, bool *ok);
	/* the n-th working day after day; needed by grace in working days */
	int64_t		(*add_working_days) (void *arg, int64_t day, int64_t n, bool *ok);
	void	   *arg;
	/* days that accrue nothing (force majeure): inclusive [from, to], ascending, disjoint */
	const struct PrRange *excluded;
	int32_t		nexcluded;
} PrContext;

typedef struct PrRange
{
	int64_t		from;
	int64_t		to;
} PrRange;

/* One accrual period of a breakdown. */
typedef struct PrSegment
{
	int64_t		from;			/* first day counted - 1 (exclusive) */
	int64_t		to;				/* last day counted (inclusive) */
	int64_t		days;			/* days (or working days) counted */
	int64_t		balance;		/* minor units the period accrued on */
	int64_t		rate;			/* rate x 1e9 per rule period */
	int64_t		amount;			/* minor units accrued, rounded */
} PrSegment;

/* A payment that reduces the balance from the day after it is made. */
typedef struct PrPayment
{
	int64_t		day;
	int64_t		amount;			/* minor units */
} PrPayment;

typedef enum PrAccrueStatus
{
	PRA_OK = 0,
	PRA_ERR_OVERFLOW,			/* beyond int64 minor units */
	PRA_ERR_NO_LPR,				/* no LPR in force at a day needed */
	PRA_ERR_CALENDAR,			/* the working-day callback failed */
	PRA_ERR_TOO_MANY			/* more segments than the caller's buffer */
} PrAccrueStatus;

/*
 * The penalty on base (minor units) due on day due, counted to until: days d
 * with due < d <= until, less grace; payments (ascending, may be NULL) reduce
 * the balance of an overdue or undelivered basis, never of the total.  Writes up to maxseg segments (seg may
 * be NULL) and their count to *nseg.  *result is rounded to the fen half up,
 * after minimum and cap.  *bad_day gets the day an LPR was missing for.
 */
extern PrAccrueStatus penalty_accrue(const PenaltyRule *r, int64_t base, int64_t due,
									 int64_t until, const PrPayment *payments, int32_t npayments,
									 const PrContext *ctx, int64_t *result,
									 PrSegment *seg, int32_t maxseg, int32_t *nseg,
									 int64_t *bad_day);

/* Annualised rate x 1e9 of a fixed-rate rule (1% per day -> 365%), for review flags. */
extern bool penalty_rule_annual_rate(const PenaltyRule *r, int64_t lpr_rate, int64_t *annual);

#endif
