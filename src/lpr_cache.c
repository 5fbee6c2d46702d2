/*
 * lpr_cache.c - crm_contract.lpr compiled into a per-session array.
 *
 * Like the calendars: a statement trigger on the table sends a relcache
 * invalidation, the callback marks the array stale, the next use reloads it
 * with the latest snapshot.
 */
#include "postgres.h"

#include "access/parallel.h"
#include "catalog/namespace.h"
#include "executor/spi.h"
#include "utils/date.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/snapmgr.h"

#include "lpr_cache.h"
#include "money.h"
#include "spi_util.h"

static PrLpr *series = NULL;
static int32 nseries = 0;
static bool loaded = false;
static Oid	lpr_table = InvalidOid;

static void
lpr_relcache_callback(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == lpr_table)
		loaded = false;
}

void
lpr_cache_init(void)
{
	CacheRegisterRelcacheCallback(lpr_relcache_callback, (Datum) 0);
}

const PrLpr *
lpr_series(int32 *n)
{
	uint64		i;
	Oid			nsp;

	if (loaded)
	{
		*n = nseries;
		return series;
	}
	nsp = get_namespace_oid("crm_contract", true);
	lpr_table = OidIsValid(nsp) ? get_relname_relid("lpr", nsp) : InvalidOid;
	if (series)
		pfree(series);
	series = NULL;
	nseries = 0;

	crm_spi_connect();
	PushActiveSnapshot(IsInParallelMode() ? GetActiveSnapshot() : GetLatestSnapshot());
	crm_spi_check(SPI_execute("SELECT published_on, rate FROM crm_contract.lpr ORDER BY published_on",
					true, 0),
				  SPI_OK_SELECT, "read crm_contract.lpr");
	series = MemoryContextAlloc(TopMemoryContext, sizeof(PrLpr) * (SPI_processed + 1));
	for (i = 0; i < SPI_processed; i++)
	{
		bool		isnull;
		HeapTuple	tup = SPI_tuptable->vals[i];

		series[i].day = DatumGetDateADT(SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &isnull));
		/* percent with up to 7 decimals -> fraction x 1e9 */
		series[i].rate = money_scaled(DatumGetNumeric(SPI_getbinval(tup, SPI_tuptable->tupdesc, 2, &isnull)),
									  7, "LPR");
	}
	nseries = (int32) SPI_processed;
	PopActiveSnapshot();
	SPI_finish();
	/* a parallel worker's result may be older than the latest data: use it once */
	loaded = !IsInParallelMode();
	*n = nseries;
	return series;
}
