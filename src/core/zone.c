/*
 * zone.c - instant <-> local time over a table of offset changes.
 */
#include "zone.h"

#define USECS_PER_SEC INT64_C(1000000)

int32_t
zone_next_shift(const Zone *z, int64_t instant)
{
	int32_t		lo = 0;
	int32_t		hi = z->nshifts;

	while (lo < hi)
	{
		int32_t		mid = lo + (hi - lo) / 2;

		if (z->shifts[mid].at < instant)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int64_t
zone_to_local(const Zone *z, int64_t instant)
{
	int32_t		i;

	if (z->nshifts == 0)
		return instant + z->base * USECS_PER_SEC;
	/* last shift with at <= instant */
	i = zone_next_shift(z, instant);
	if (i < z->nshifts && z->shifts[i].at == instant)
		return instant + z->shifts[i].after * USECS_PER_SEC;
	if (i == 0)
		return instant + z->base * USECS_PER_SEC;
	return instant + z->shifts[i - 1].after * USECS_PER_SEC;
}

int64_t
zone_to_instant(const Zone *z, int64_t local)
{
	int32_t		lo = 0;
	int32_t		hi = z->nshifts;
	const ZoneShift *s;

	if (z->nshifts == 0)
		return local - z->base * USECS_PER_SEC;

	/*
	 * Find the last shift whose wall-clock moment, as seen before it
	 * (at + before), is at or before local.  These moments ascend because
	 * shifts are months apart.
	 */
	while (lo < hi)
	{
		int32_t		mid = lo + (hi - lo) / 2;

		if (z->shifts[mid].at + z->shifts[mid].before * USECS_PER_SEC <= local)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return local - z->base * USECS_PER_SEC;
	s = &z->shifts[lo - 1];
	/* skipped by a spring-forward change: the instant of the change */
	if (s->after > s->before && local < s->at + s->after * USECS_PER_SEC)
		return s->at;
	return local - s->after * USECS_PER_SEC;
}
