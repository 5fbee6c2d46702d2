/*
 * spi_util.h - the extension's SPI calls fail only when something is broken
 * (a table altered behind the extension's back, a bug): one way to say so.
 * Errors the queries themselves raise (privileges, row-level security,
 * constraints) come through SPI with their own SQLSTATEs.
 */
#ifndef CRM_SPI_UTIL_H
#define CRM_SPI_UTIL_H

#include "postgres.h"
#include "executor/spi.h"

static inline void
crm_spi_connect(void)
{
	if (SPI_connect() != SPI_OK_CONNECT)
		ereport(ERROR, (errcode(ERRCODE_INTERNAL_ERROR), errmsg("SPI_connect failed")));
}

/* rc is what SPI returned, expected the SPI_OK_* code; what says what was attempted. */
static inline void
crm_spi_check(int rc, int expected, const char *what)
{
	if (rc != expected)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not %s: %s", what, SPI_result_code_string(rc))));
}

#endif
