/*
 * fixed.h - exact fixed-point decimals: numeric <-> int64 scaled by 10^scale.
 * Amounts of money are int64 minor units (fen, scale 2); rates are fractions
 * scaled by 1e9 (the LPR, penalty rates).  Nothing is ever rounded or wrapped
 * here: a value that does not fit is refused.
 */
#ifndef CRM_SHARED_FIXED_H
#define CRM_SHARED_FIXED_H

#include "postgres.h"
#include "utils/numeric.h"

/* A decimal as an integer scaled by 10^scale, exactly; 22023/22003 otherwise. */
extern int64 fixed_from_numeric(Numeric n, int scale, const char *what);

/* v / 10^scale as numeric with exactly scale decimals. */
extern Numeric fixed_to_numeric(int64 v, int scale);

/* v / 10^scale as numeric without trailing zeros: 10000000 at scale 9 -> 0.01. */
extern Numeric fixed_to_numeric_trimmed(int64 v, int scale);

/* An amount with at most two decimals as minor units. */
static inline int64
money_to_minor(Numeric n, const char *what)
{
	return fixed_from_numeric(n, 2, what);
}

/* Minor units as numeric with two decimals. */
static inline Numeric
money_from_minor(int64 minor)
{
	return fixed_to_numeric(minor, 2);
}

#endif
