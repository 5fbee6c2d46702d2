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
 * Which compiled form of a calendar: strict, where the days past covered_to
 * are unknown (22008), or with its forecast past them (results provisional).
 */
typedef enum CalendarMode
{
	CALENDAR_STRICT = 0,
	CALENDAR_FORECAST = 1
} CalendarMode;

/* The mode crm_contract.beyond_coverage asks for: what the SQL functions compute in. */
extern CalendarMode calendar_mode_setting(void);

/*
 * The compiled calendar named by a text argument of the current call, in the
 * mode of crm_contract.beyond_coverage.  Warm
 * calls cost no catalog or table access: the last result is kept in fn_extra
 * and checked against the cache generation.  Unknown names raise 42704.
 */
extern const Calendar *calendar_for_call(FunctionCallInfo fcinfo, int argno);

/* The same in a given mode (deadlines crm_contract stores use the forecast). */
extern const Calendar *calendar_for_call_mode(FunctionCallInfo fcinfo, int argno, CalendarMode mode);

/* A calendar by name (compiled on first use), or NULL if there is none. */
extern const Calendar *calendar_lookup_mode(const char *name, CalendarMode mode);

/* The same, strict. */
extern const Calendar *calendar_lookup(const char *name);

/*
 * The current generation of the cache; calendar pointers obtained under an
 * older generation may have been freed and must be looked up again.
 */
extern uint64 calendar_cache_current(void);

/* Register the invalidation callback and crm_contract.beyond_coverage (from _PG_init). */
extern void calendar_cache_init(void);

#endif
