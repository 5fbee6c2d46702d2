/*
 * zone.h - a time zone as a table of UTC-offset changes, pure C.
 *
 * The glue reads the changes of an IANA zone over the years a calendar can
 * use (from PostgreSQL's tz library) into this table; the core then converts
 * between instants and local wall-clock time without calling back.
 */
#ifndef CRM_ZONE_H
#define CRM_ZONE_H

#include <stdint.h>

typedef struct ZoneShift
{
	int64_t		at;				/* instant of the change, usecs since 2000-01-01 UTC */
	int32_t		before;			/* UTC offset before, seconds east of Greenwich */
	int32_t		after;			/* UTC offset after */
} ZoneShift;

typedef struct Zone
{
	int32_t		base;			/* offset before the first shift (or always) */
	int32_t		nshifts;
	const ZoneShift *shifts;	/* ascending by at */
} Zone;

/* Local wall-clock time (usecs since local 2000-01-01 00:00) of an instant. */
extern int64_t zone_to_local(const Zone *z, int64_t instant);

/*
 * The instant of a local wall-clock time.  A time skipped by a spring-forward
 * change maps to the instant of the change; a time that occurs twice (fall
 * back) maps to its first occurrence.
 */
extern int64_t zone_to_instant(const Zone *z, int64_t local);

/* Index of the first shift at or after instant (nshifts if none). */
extern int32_t zone_next_shift(const Zone *z, int64_t instant);

#endif
