/*
 * spi.h - the extension's SPI calls.  They fail only when something is broken
 * (a table altered behind the extension's back, a bug): one way to say so,
 * with SQLSTATE XX000 and what was attempted.  Errors the queries themselves
 * raise (privileges, row-level security, constraints) come through SPI with
 * their own SQLSTATEs.
 */
#ifndef CRM_SHARED_SPI_H
#define CRM_SHARED_SPI_H

#include "postgres.h"
#include "executor/spi.h"

extern void crm_spi_connect(void);

/* rc is what SPI returned, expected the SPI_OK_* code; what says what was attempted. */
extern void crm_spi_check(int rc, int expected, const char *what);

/*
 * A query prepared once per backend: *slot keeps the plan (SPI_keepplan), so
 * a trigger that runs it for every row parses and plans it once.
 */
extern SPIPlanPtr crm_spi_plan(SPIPlanPtr *slot, const char *sql, int nargs, Oid *types);

#endif
