/*
 * tz.c - a time zone's UTC-offset changes read from PostgreSQL's tz library
 * into the core's table of changes (core/zone.h).
 */
#include "postgres.h"

#include "pgtime.h"
#include "datatype/timestamp.h"

#include "calendar/load.h"

#define UNIX_EPOCH_SECS_BEFORE_PG INT64CONST(946684800)

/*
 * The offset changes of a zone between two days, via PostgreSQL's tz library.
 */
void
calendar_read_zone(pg_tz *tz, int64 lo_day, int64 hi_day, Zone *zone)
{
	pg_time_t	t = (pg_time_t) (lo_day * SECS_PER_DAY + UNIX_EPOCH_SECS_BEFORE_PG);
	pg_time_t	end = (pg_time_t) (hi_day * SECS_PER_DAY + UNIX_EPOCH_SECS_BEFORE_PG);
	long int	before_off,
				after_off;
	int			before_dst,
				after_dst;
	pg_time_t	boundary;
	int			r;
	int			n = 0,
				cap = 16;
	ZoneShift  *shifts = palloc(sizeof(ZoneShift) * cap);

	r = pg_next_dst_boundary(&t, &before_off, &before_dst, &boundary,
							 &after_off, &after_dst, tz);
	zone->base = (int32) before_off;
	while (r == 1 && boundary <= end)
	{
		if (after_off != before_off)
		{
			if (n == cap)
			{
				cap *= 2;
				shifts = repalloc(shifts, sizeof(ZoneShift) * cap);
			}
			shifts[n].at = ((int64) boundary - UNIX_EPOCH_SECS_BEFORE_PG) * USECS_PER_SEC;
			shifts[n].before = (int32) before_off;
			shifts[n].after = (int32) after_off;
			n++;
		}
		/* next change strictly after this one */
		t = boundary > t ? boundary : t + 1;
		r = pg_next_dst_boundary(&t, &before_off, &before_dst, &boundary,
								 &after_off, &after_dst, tz);
	}
	zone->nshifts = n;
	zone->shifts = shifts;
}

