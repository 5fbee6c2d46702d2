/*
 * tenant.c - crm_contract.current_tenant(): the tenant of the current role.
 *
 * It is the DEFAULT of every tenant column and sits in every row-level
 * security policy, so it must be cheap per row: the answer is kept for the
 * rest of the statement (same transaction, statement, role and setting of
 * crm_contract.tenant) and read from crm_contract.tenant_member only once.
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"
#include "shared/citus.h"
#include "shared/spi.h"

typedef struct TenantCache
{
	bool		valid;
	TimestampTz statement;
	LocalTransactionId xact;
	Oid			role;
	char	   *setting;		/* crm_contract.tenant, or NULL */
	char	   *tenant;			/* the answer, or NULL */
} TenantCache;

static TenantCache cache = {false};

static bool
same_setting(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static char *
keep(const char *s)
{
	return s ? MemoryContextStrdup(TopMemoryContext, s) : NULL;
}

/* current_tenant(): see the SQL comment */
PG_FUNCTION_INFO_V1(crm_current_tenant);
Datum
crm_current_tenant(PG_FUNCTION_ARGS)
{
	TimestampTz statement = GetCurrentStatementStartTimestamp();
	Oid			role = GetUserId();
	const char *setting = GetConfigOption("crm_contract.tenant", true, false);
	Oid			argtypes[1] = {TEXTOID};
	Datum		args[1];
	char		nulls[1] = {' '};
	char	   *tenant = NULL;
	const char *members;

	if (setting != NULL && setting[0] == '\0')
		setting = NULL;
	if (cache.valid && cache.statement == statement && cache.xact == MyProc->lxid &&
		cache.role == role && same_setting(cache.setting, setting))
	{
		if (cache.tenant == NULL)
			PG_RETURN_NULL();
		PG_RETURN_TEXT_P(cstring_to_text(cache.tenant));
	}

	crm_spi_connect();
	args[0] = setting ? CStringGetTextDatum(setting) : (Datum) 0;
	nulls[0] = setting ? ' ' : 'n';
	members = crm_reference_table("tenant_member");
	crm_spi_check(SPI_execute_with_args(psprintf(
							  "SELECT coalesce("
							  " (SELECT m.tenant FROM %s m"
							  "   WHERE m.member OPERATOR(pg_catalog.=) CURRENT_USER"
							  "     AND m.tenant OPERATOR(pg_catalog.=) $1),"
							  " (SELECT pg_catalog.min(m.tenant) FROM %s m"
							  "   WHERE m.member OPERATOR(pg_catalog.=) CURRENT_USER"
							  "  HAVING pg_catalog.count(*) OPERATOR(pg_catalog.=) 1))", members, members),
							  1, argtypes, args, nulls, true, 1),
				  SPI_OK_SELECT, "read crm_contract.tenant_member");
	if (SPI_processed == 1)
		tenant = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);

	if (cache.setting)
		pfree(cache.setting);
	if (cache.tenant)
		pfree(cache.tenant);
	cache.setting = keep(setting);
	cache.tenant = keep(tenant);
	cache.statement = statement;
	cache.xact = MyProc->lxid;
	cache.role = role;
	cache.valid = true;
	SPI_finish();

	if (cache.tenant == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(cache.tenant));
}
