/*
 * crm_contract.c - module entry: magic block and per-backend set-up.
 */
#include "postgres.h"

#include "fmgr.h"

#include "calendar_cache.h"
#include "lpr_cache.h"
#include "sla_trigger.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	calendar_cache_init();
	lpr_cache_init();
	sla_trigger_init();
}
