/*
 * lpr.c - crm_contract.lpr compiled into a per-backend array.
 *
 * Like the calendars (shared/relwatch.h): a change of the table drops the
 * array in every backend, the next use reloads it with the latest snapshot.
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

#include "penalty/lpr.h"
#include "shared/relwatch.h"
#include "shared/fixed.h"
#include "shared/citus.h"
#include "shared/spi.h"

static PrLpr *series = NULL;
static int32 nseries = 0;
static bool parallel_copy = false;	/* read by a parallel worker: for one use only */

static RelWatch watch = {.name = "the LPR series", .ntables = 1, .tables = {"lpr"}};

void
lpr_cache_init(void)
{
	relwatch_register(&watch);
}

const PrLpr *
lpr_series(int32 *n)
{
	uint64		i;

	if (!relwatch_stale(&watch) && !parallel_copy)
	{
		*n = nseries;
		return series;
	}
	relwatch_rebuilding(&watch);
	if (series)
		pfree(series);
	series = NULL;
	nseries = 0;

	crm_spi_connect();
	PushActiveSnapshot(IsInParallelMode() ? GetActiveSnapshot() : GetLatestSnapshot());
	crm_spi_check(SPI_execute(psprintf("SELECT published_on, rate FROM %s ORDER BY published_on",
									   crm_reference_table("lpr")),
					true, 0),
				  SPI_OK_SELECT, "read crm_contract.lpr");
	series = MemoryContextAlloc(TopMemoryContext, sizeof(PrLpr) * (SPI_processed + 1));
	for (i = 0; i < SPI_processed; i++)
	{
		bool		isnull;
		HeapTuple	tup = SPI_tuptable->vals[i];

		series[i].day = DatumGetDateADT(SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &isnull));
		/* percent with up to 7 decimals -> fraction x 1e9 */
		series[i].rate = fixed_from_numeric(DatumGetNumeric(SPI_getbinval(tup, SPI_tuptable->tupdesc, 2, &isnull)),
									  7, "LPR");
	}
	nseries = (int32) SPI_processed;
	PopActiveSnapshot();
	SPI_finish();
	/* a parallel worker's result may be older than the latest data: use it once */
	parallel_copy = IsInParallelMode();
	*n = nseries;
	return series;
}
