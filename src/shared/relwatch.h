/*
 * relwatch.h - backend caches built from the extension's tables, dropped
 * when any of those tables changes.
 *
 * Calendars, the LPR series and SLA targets are compiled into per-backend
 * memory.  A statement trigger on every table they are read from,
 * crm_contract.cache_invalidate(), sends a relcache invalidation for that
 * table; it reaches every backend at commit (and the writing one at its next
 * command, and again on rollback).  One relcache callback then marks stale
 * every watch naming the table.  Callbacks must not do catalog access, so
 * they only set the flag; the cache rebuilds on its next use.
 */
#ifndef CRM_SHARED_RELWATCH_H
#define CRM_SHARED_RELWATCH_H

#include "postgres.h"

#define RELWATCH_MAX_TABLES 6

typedef struct RelWatch
{
	const char *name;			/* what is cached, for messages */
	int			ntables;
	const char *tables[RELWATCH_MAX_TABLES];	/* in schema crm_contract */
	Oid			oids[RELWATCH_MAX_TABLES];	/* learnt at each rebuild */
	bool		stale;			/* set by the callback; true until first built */
} RelWatch;

/* Register a watch (from _PG_init; the watch lives as long as the backend). */
extern void relwatch_register(RelWatch *w);

/*
 * Called when the cache is rebuilt, before reading the tables: clears the
 * flag and looks the tables' OIDs up again (the extension may have been
 * dropped and created since).
 */
extern void relwatch_rebuilding(RelWatch *w);

static inline bool
relwatch_stale(const RelWatch *w)
{
	return w->stale;
}

#endif
