/*
 * crm_contract.c - module entry: magic block and per-backend set-up.
 */
#include "postgres.h"

#include "fmgr.h"

#include "calendar/cache.h"
#include "penalty/lpr.h"
#include "sla/targets.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	calendar_cache_init();
	lpr_cache_init();
	sla_targets_init();
}
