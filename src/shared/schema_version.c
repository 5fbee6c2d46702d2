/*
 * schema_version.c - the installed version of the extension's SQL objects,
 * read from pg_extension once per transaction (an ALTER EXTENSION UPDATE is
 * seen by the next one).
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/indexing.h"
#include "catalog/pg_extension.h"
#include "commands/extension.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/rel.h"

#include "shared/schema_version.h"

/* the SQL version this library is built for, from crm_contract.control (Makefile) */
#define LIBRARY_MINOR CRM_EXTVERSION_MINOR

static LocalTransactionId cached_lxid = InvalidLocalTransactionId;
static int	cached_version = LIBRARY_MINOR;

static int
read_version(void)
{
	Oid			ext = get_extension_oid("crm_contract", true);
	Relation	rel;
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tup;
	int			v = LIBRARY_MINOR;

	if (!OidIsValid(ext))
		return v;
	rel = table_open(ExtensionRelationId, AccessShareLock);
	ScanKeyInit(&key, Anum_pg_extension_oid, BTEqualStrategyNumber, F_OIDEQ, ObjectIdGetDatum(ext));
	scan = systable_beginscan(rel, ExtensionOidIndexId, true, NULL, 1, &key);
	tup = systable_getnext(scan);
	if (HeapTupleIsValid(tup))
	{
		bool		isnull;
		Datum		d = heap_getattr(tup, Anum_pg_extension_extversion, RelationGetDescr(rel), &isnull);

		if (!isnull)
		{
			char	   *s = TextDatumGetCString(d);
			int			major,
						minor;

			if (sscanf(s, "%d.%d", &major, &minor) == 2 && major == 0)
				v = minor;
		}
	}
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return v;
}

int
crm_schema_version(void)
{
	if (MyProc == NULL || MyProc->lxid != cached_lxid)
	{
		cached_version = read_version();
		if (MyProc != NULL)
			cached_lxid = MyProc->lxid;
	}
	return cached_version;
}
