/*
 * calendar_cache.h - per-session cache of compiled working calendars.
 */
#ifndef CRM_CALENDAR_CACHE_H
#define CRM_CALENDAR_CACHE_H

#include "postgres.h"
#include "fmgr.h"

#include "core/workcal.h"

/*
 * The compiled calendar named by a text argument of the current call.  Warm
 * calls cost no catalog or table access: the last result is kept in fn_extra
 * and checked against the cache generation.  Unknown names raise 42704.
 */
extern const WorkCalendar *calendar_for_call(FunctionCallInfo fcinfo, int argno);

/* A calendar by name (compiled on first use), or NULL if there is none. */
extern const WorkCalendar *calendar_lookup(const char *name);

/*
 * The current generation of the cache; calendar pointers obtained under an
 * older generation may have been freed and must be looked up again.
 */
extern uint64 calendar_cache_current(void);

/* Body of the statement triggers that invalidate backend caches built from a table. */
extern Datum relation_changed_trigger(FunctionCallInfo fcinfo);

/* Register the invalidation callback (from _PG_init). */
extern void calendar_cache_init(void);

/* Iterate over compiled calendars, for crm_contract.calendar_cache(). */
typedef void (*calendar_visit_fn) (const char *name, const WorkCalendar *cal, void *arg);
extern void calendar_cache_visit(calendar_visit_fn fn, void *arg);

/* Report a failed calendar computation with the right SQLSTATE. */
extern void calendar_report(WcStatus st, const WcError *err, const char *name,
							const WorkCalendar *cal) pg_attribute_noreturn();

#endif
