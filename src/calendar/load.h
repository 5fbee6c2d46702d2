/*
 * load.h - a calendar read from its tables and compiled (calendar/load.c),
 * with its zone's offset changes (calendar/tz.c).  Used by the cache only.
 */
#ifndef CRM_CALENDAR_LOAD_H
#define CRM_CALENDAR_LOAD_H

#include "postgres.h"
#include "pgtime.h"

#include "calendar/cache.h"
#include "core/calendar.h"

/* Compile the calendar name from its rows into mcxt, in mode; NULL if there is no such calendar. */
extern Calendar *calendar_load(const char *name, CalendarMode mode, MemoryContext mcxt);

/* The offset changes of tz between two days (day numbers), palloc'd. */
extern void calendar_read_zone(pg_tz *tz, int64 lo_day, int64 hi_day, Zone *zone);

#endif
