/*
 * spi.c - SPI helpers shared by every cache and trigger; see spi.h.
 */
#include "postgres.h"

#include "shared/spi.h"

void
crm_spi_connect(void)
{
	if (SPI_connect() != SPI_OK_CONNECT)
		ereport(ERROR, (errcode(ERRCODE_INTERNAL_ERROR), errmsg("SPI_connect failed")));
}

void
crm_spi_check(int rc, int expected, const char *what)
{
	if (rc != expected)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not %s: %s", what, SPI_result_code_string(rc))));
}

SPIPlanPtr
crm_spi_plan(SPIPlanPtr *slot, const char *sql, int nargs, Oid *types)
{
	SPIPlanPtr	p;

	if (*slot != NULL)
		return *slot;
	p = SPI_prepare(sql, nargs, types);
	if (p == NULL)
		crm_spi_check(SPI_result, SPI_OK_SELECT, "prepare a query of crm_contract");
	SPI_keepplan(p);
	*slot = p;
	return p;
}
