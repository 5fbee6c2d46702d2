/*
 * relwatch.c - one relcache callback for every backend cache, and the
 * statement trigger crm_contract.cache_invalidate(); see relwatch.h.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "fmgr.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

#include "shared/citus.h"
#include "shared/relwatch.h"

#define MAX_WATCHES 8

static RelWatch *watches[MAX_WATCHES];
static int	nwatches = 0;
static bool callback_registered = false;

static void
relwatch_callback(Datum arg, Oid relid)
{
	int			i,
				j;

	for (i = 0; i < nwatches; i++)
	{
		RelWatch   *w = watches[i];

		if (!OidIsValid(relid))
			w->stale = true;	/* the whole relcache was reset */
		for (j = 0; j < w->ntables; j++)
			if (w->oids[j] == relid)
				w->stale = true;
	}
}

void
relwatch_register(RelWatch *w)
{
	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(relwatch_callback, (Datum) 0);
		callback_registered = true;
	}
	if (nwatches == MAX_WATCHES)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("too many crm_contract cache watches")));
	w->stale = true;
	watches[nwatches++] = w;
}

void
relwatch_rebuilding(RelWatch *w)
{
	Oid			nsp = get_namespace_oid("crm_contract", true);
	int			i;

	w->stale = false;
	for (i = 0; i < w->ntables; i++)
		w->oids[i] = OidIsValid(nsp) ? get_relname_relid(w->tables[i], nsp) : InvalidOid;
}

/* Body of the statement trigger: a relcache invalidation of its table. */
static Datum
invalidate_trigger_table(FunctionCallInfo fcinfo)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("crm_contract.%s() must be called as a trigger", get_func_name(fcinfo->flinfo->fn_oid))));
	CacheInvalidateRelcache(trigdata->tg_relation);
	{
		/* on Citus the trigger fires on a shard: the caches watch the logical table */
		Oid			logical = crm_citus_logical_table(RelationGetRelid(trigdata->tg_relation));

		if (logical != RelationGetRelid(trigdata->tg_relation))
			CacheInvalidateRelcacheByRelid(logical);
	}
	return PointerGetDatum(NULL);
}

/* cache_invalidate(): statement trigger on every table a backend cache is built from */
PG_FUNCTION_INFO_V1(crm_cache_invalidate);
Datum
crm_cache_invalidate(PG_FUNCTION_ARGS)
{
	return invalidate_trigger_table(fcinfo);
}

/*
 * The same body under the names of crm_contract 0.1 and 0.2, whose install
 * scripts (kept for the upgrade tests) create calendar_changed() and
 * sla_targets_changed() with these symbols.
 */
PG_FUNCTION_INFO_V1(crm_calendar_changed);
Datum
crm_calendar_changed(PG_FUNCTION_ARGS)
{
	return invalidate_trigger_table(fcinfo);
}

PG_FUNCTION_INFO_V1(crm_sla_targets_changed);
Datum
crm_sla_targets_changed(PG_FUNCTION_ARGS)
{
	return invalidate_trigger_table(fcinfo);
}
