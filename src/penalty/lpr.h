/*
 * lpr.h - the published 1-year LPR series, cached per backend.
 */
#ifndef CRM_LPR_CACHE_H
#define CRM_LPR_CACHE_H

#include "postgres.h"

#include "core/accrual.h"

/* Register the invalidation callback (from _PG_init). */
extern void lpr_cache_init(void);

/* The series, ascending by day, rates x 1e9; *n gets its length. */
extern const PrLpr *lpr_series(int32 *n);

#endif
