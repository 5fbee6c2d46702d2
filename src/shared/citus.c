/*
 * citus.c - crm_contract on a Citus cluster without linking to Citus; see citus.h.
 */
#include "postgres.h"

#include <ctype.h>

#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "shared/citus.h"
#include "shared/spi.h"

#define MAX_REFERENCE_TABLES 16

typedef struct RefName
{
	char		relname[NAMEDATALEN];
	LocalTransactionId xact;	/* resolved in this transaction */
	char	   *name;			/* in TopMemoryContext */
} RefName;

static RefName names[MAX_REFERENCE_TABLES];
static int	nnames = 0;

bool
crm_citus_installed(void)
{
	return OidIsValid(get_extension_oid("citus", true));
}

/* the local placement of a one-shard Citus table, or NULL */
static char *
local_placement(const char *relname, Oid nsp, Oid relid)
{
	Oid			argtypes[1] = {OIDOID};
	Datum		args[1] = {ObjectIdGetDatum(relid)};
	char	   *shard = NULL;
	int64		shardid;
	char		candidate[NAMEDATALEN * 2];

	/* pg_dist_shard is Citus's catalog table: read without planning the logical table */
	crm_spi_connect();
	crm_spi_check(SPI_execute_with_args("SELECT s.shardid FROM pg_catalog.pg_dist_shard s"
										" WHERE s.logicalrelid OPERATOR(pg_catalog.=) $1::pg_catalog.regclass",
										1, argtypes, args, NULL, true, 2),
				  SPI_OK_SELECT, "read pg_catalog.pg_dist_shard");
	if (SPI_processed == 1)
	{
		bool		isnull;

		shardid = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
		snprintf(candidate, sizeof(candidate), "%s_" INT64_FORMAT, relname, shardid);
		if (!isnull && strlen(candidate) < NAMEDATALEN && OidIsValid(get_relname_relid(candidate, nsp)))
			shard = candidate;
	}
	SPI_finish();
	return shard ? MemoryContextStrdup(TopMemoryContext, quote_qualified_identifier("crm_contract", shard)) : NULL;
}

const char *
crm_reference_table(const char *relname)
{
	Oid			nsp = get_namespace_oid("crm_contract", true);
	Oid			relid;
	RefName    *r = NULL;
	char	   *shard = NULL;
	int			i;

	for (i = 0; i < nnames; i++)
		if (strcmp(names[i].relname, relname) == 0)
			r = &names[i];
	if (r != NULL && r->xact == MyProc->lxid)
		return r->name;
	if (r == NULL)
	{
		if (nnames == MAX_REFERENCE_TABLES)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many crm_contract reference tables: \"%s\"", relname)));
		r = &names[nnames++];
		strlcpy(r->relname, relname, NAMEDATALEN);
		r->name = NULL;
	}
	relid = OidIsValid(nsp) ? get_relname_relid(relname, nsp) : InvalidOid;
	if (OidIsValid(relid) && crm_citus_installed())
		shard = local_placement(relname, nsp, relid);
	if (r->name)
		pfree(r->name);
	r->name = shard ? shard : MemoryContextStrdup(TopMemoryContext, quote_qualified_identifier("crm_contract", relname));
	r->xact = MyProc->lxid;
	return r->name;
}

#define MAX_SHARDS_KNOWN 16

typedef struct ShardOf
{
	Oid			shard;
	Oid			logical;
} ShardOf;

static ShardOf shards_known[MAX_SHARDS_KNOWN];
static int	nshards_known = 0;

Oid
crm_citus_logical_table(Oid relid)
{
	char	   *relname = get_rel_name(relid);
	size_t		len;
	size_t		end;
	int64		shardid;
	Oid			logical = relid;
	Oid			argtypes[1] = {INT8OID};
	Datum		args[1];
	int			i;

	if (relname == NULL)
		return relid;
	len = strlen(relname);
	end = len;
	while (end > 0 && isdigit((unsigned char) relname[end - 1]))
		end--;
	/* a shard is named <table>_<shard id> */
	if (end == len || end < 2 || relname[end - 1] != '_' || len - end > 18)
		return relid;
	for (i = 0; i < nshards_known; i++)
		if (shards_known[i].shard == relid)
			return shards_known[i].logical;
	if (!crm_citus_installed())
		return relid;
	shardid = strtoll(relname + end, NULL, 10);
	args[0] = Int64GetDatum(shardid);
	crm_spi_connect();
	crm_spi_check(SPI_execute_with_args("SELECT s.logicalrelid::pg_catalog.oid FROM pg_catalog.pg_dist_shard s"
										" WHERE s.shardid OPERATOR(pg_catalog.=) $1",
										1, argtypes, args, NULL, true, 1),
				  SPI_OK_SELECT, "read pg_catalog.pg_dist_shard");
	if (SPI_processed == 1)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);

		if (!isnull)
			logical = DatumGetObjectId(d);
	}
	SPI_finish();
	/* only a shard named after its table (a relation named like one is not) */
	if (logical != relid && get_rel_name(logical) != NULL &&
		strncmp(get_rel_name(logical), relname, end - 1) == 0 && get_rel_name(logical)[end - 1] == '\0')
	{
		if (nshards_known == MAX_SHARDS_KNOWN)
			nshards_known = 0;
		shards_known[nshards_known].shard = relid;
		shards_known[nshards_known].logical = logical;
		nshards_known++;
		return logical;
	}
	return relid;
}
