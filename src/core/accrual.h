/*
 * accrual.h - the exact accrual of a penalty rule, pure C.
 *
 * Money is int64 minor units (fen); rates are fractions scaled by 1e9
 * (1% = 10,000,000, 0.0001% = 1,000); products are taken in __int128 and
 * rounded once, to the fen, half up.  No floating point anywhere.
 */
#ifndef CRM_ACCRUAL_H
#define CRM_ACCRUAL_H

#include "penalty_rule.h"

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