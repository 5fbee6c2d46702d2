/*
 * cache.h - the per-backend cache of compiled working calendars.
 */
#ifndef CRM_CALENDAR_CACHE_H
#define CRM_CALENDAR_CACHE_H

#include "postgres.h"
#include "fmgr.h"

#include "core/calendar.h"
#include "calendar/report.h"

/*
 * The compiled calendar named by a text argument of the current call.  Warm
 * calls cost no catalog or table access: the last result is kept in fn_extra
 * and checked against the cache generation.  Unknown names raise 42704.
 */
extern const Calendar *calendar_for_call(FunctionCallInfo fcinfo, int argno);

/* A calendar by name (compiled on first use), or NULL if there is none. */
extern const Calendar *calendar_lookup(const char *name);

/*
 * The current generation of the cache; calendar pointers obtained under an
 * older generation may have been freed and must be looked up again.
 */
extern uint64 calendar_cache_current(void);

/* Register the invalidation callback (from _PG_init). */
extern void calendar_cache_init(void);

#endif
