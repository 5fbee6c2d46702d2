/*
 * money.h - numeric <-> int64 minor units (fen), exactly.
 */
#ifndef CRM_MONEY_H
#define CRM_MONEY_H

#include "postgres.h"
#include "utils/numeric.h"

/* An amount with at most two decimals as minor units; 22023/22003 otherwise. */
extern int64 money_to_minor(Numeric n, const char *what);

/* A decimal as an integer scaled by 10^scale, exactly; 22023/22003 otherwise. */
extern int64 money_scaled(Numeric n, int scale, const char *what);

/* Minor units as numeric with two decimals. */
extern Numeric money_from_minor(int64 minor);

/* A rate (x 1e9) as an exact numeric fraction: 10000000 -> 0.01. */
extern Numeric money_rate_numeric(int64 rate);

#endif
