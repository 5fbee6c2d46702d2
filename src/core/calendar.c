/*
 * calendar.c - validate a calendar's spec and compile it into one block of
 * memory (see calendar_impl.h for the layout).
 */
#include "calendar_impl.h"

#include <string.h>

static CalStatus
check_intervals(const CalInterval *iv, int32_t n, CalError *err)
{
	int32_t		i;

	for (i = 0; i < n; i++)
	{
		err->index = i;
		if (iv[i].open < 0 || iv[i].close > DAY || iv[i].open >= iv[i].close)
			return CAL_ERR_BAD_INTERVAL;
		if (i > 0 && iv[i].open < iv[i - 1].close)
			return CAL_ERR_OVERLAP;
	}
	return CAL_OK;
}

CalStatus
calendar_validate(const CalSpec *spec, CalError *err)
{
	int			w;
	int32_t		i;
	bool		any_week = false;
	CalStatus	st;

	memset(err, 0, sizeof(*err));
	if ((spec->has_lo && (spec->cov_lo < CAL_DAY_MIN || spec->cov_lo > CAL_DAY_MAX)) ||
		(spec->has_hi && (spec->cov_hi < CAL_DAY_MIN || spec->cov_hi > CAL_DAY_MAX)) ||
		(spec->has_lo && spec->has_hi && spec->cov_lo > spec->cov_hi))
		return CAL_ERR_BAD_COVERAGE;
	/* a forecast continues a covered range: it starts inside it or right after it */
	if (spec->has_forecast &&
		(!spec->has_hi || spec->forecast_from > spec->cov_hi + 1 ||
		 (spec->has_lo && spec->forecast_from <= spec->cov_lo)))
		return CAL_ERR_BAD_COVERAGE;
	for (w = 0; w < 7; w++)
	{
		err->weekday = w + 1;
		if ((st = check_intervals(spec->week[w], spec->nweek[w], err)) != CAL_OK)
			return st;
		if (spec->nweek[w] > 0)
			any_week = true;
	}
	err->weekday = 0;
	for (i = 0; i < spec->nexceptions; i++)
	{
		const CalException *e = &spec->exceptions[i];

		err->day = e->day;
		if (e->day < CAL_DAY_MIN || e->day > CAL_DAY_MAX ||
			(i > 0 && e->day <= spec->exceptions[i - 1].day))
			return CAL_ERR_EXCEPTION_ORDER;
		if (!e->working && e->nintervals > 0)
			return CAL_ERR_HOLIDAY_HOURS;
		if (e->working && e->nintervals == 0 && !any_week)
			return CAL_ERR_NO_USUAL_HOURS;
		if ((st = check_intervals(e->intervals, e->nintervals, err)) != CAL_OK)
			return st;
	}
	memset(err, 0, sizeof(*err));
	return CAL_OK;
}

/* The span of days [*lo, *lo + *n) that needs per-day data. */
static void
table_span(const CalSpec *spec, int64_t *lo, int32_t *n)
{
	int64_t		a,
				b;

	*lo = 0;
	*n = 0;
	if (spec->nexceptions == 0)
		return;
	a = spec->exceptions[0].day;
	b = spec->exceptions[spec->nexceptions - 1].day;
	if (spec->has_lo && a < spec->cov_lo)
		a = spec->cov_lo;
	if (spec->has_hi && b > spec->cov_hi)
		b = spec->cov_hi;
	if (a > b)
		return;
	*lo = a;
	*n = (int32_t) (b - a + 1);
}

static size_t
align8(size_t n)
{
	return (n + 7) & ~(size_t) 7;
}

static size_t
count_intervals(const CalSpec *spec, int32_t *nsched)
{
	size_t		n = 0;
	int			w;
	int32_t		i;

	/* an upper bound: no deduplication */
	*nsched = 1 + 7;
	for (w = 0; w < 7; w++)
		n += spec->nweek[w];
	for (i = 0; i < spec->nexceptions; i++)
		if (spec->exceptions[i].nintervals > 0)
		{
			n += spec->exceptions[i].nintervals;
			(*nsched)++;
		}
	return n;
}

/* Working days in the span, from the spec alone (sizes select_block exactly). */
static size_t
span_working_days(const CalSpec *spec, int64_t lo, int32_t n)
{
	size_t		count = 0;
	int32_t		i;
	int64_t		d;

	/* whole weeks, then the remainder */
	for (d = 0; d < 7 && d < n; d++)
		if (spec->nweek[civil_iso_weekday(lo + d) - 1] > 0)
			count += (size_t) ((n - d + 6) / 7);
	for (i = 0; i < spec->nexceptions; i++)
	{
		const CalException *e = &spec->exceptions[i];
		bool		weekly = spec->nweek[civil_iso_weekday(e->day) - 1] > 0;

		if (e->day < lo || e->day >= lo + n)
			continue;
		if (e->working && !weekly)
			count++;
		else if (!e->working && weekly)
			count--;
	}
	return count;
}

/*
 * Days of the span whose working days are indexed by rank: the announced
 * ones (the forecast's are selected from the bit blocks), within reach of a
 * 16-bit offset.
 */
static int32_t
indexed_span(const CalSpec *spec, int64_t lo, int32_t n)
{
	int64_t		m = n;

	if (spec->has_forecast && spec->forecast_from - lo < m)
		m = spec->forecast_from - lo;
	if (m > 65536)
		m = 65536;
	return m < 0 ? 0 : (int32_t) m;
}

size_t
calendar_compiled_size(const CalSpec *spec)
{
	int64_t		lo;
	int32_t		n;
	int32_t		nsched;
	size_t		nint = count_intervals(spec, &nsched);

	size_t		nblocks;

	table_span(spec, &lo, &n);
	nblocks = ((size_t) n + 63) / 64;
	return align8(sizeof(Calendar)) +
		2 * align8(sizeof(uint64_t) * nblocks) +	/* work_bits, own_bits */
		2 * align8(sizeof(int32_t) * (nblocks + 1)) +	/* block_rank, own_rank */
		align8(sizeof(int32_t) * (span_working_days(spec, lo, n) / 64 + 1)) +
		align8(sizeof(uint16_t) * span_working_days(spec, lo, indexed_span(spec, lo, n))) +	/* day_of_rank */
		align8(sizeof(uint16_t) * (size_t) spec->nexceptions) +	/* own_sched: at most one per exception */
		align8(sizeof(uint32_t) * ((size_t) nsched + 1)) +
		align8(sizeof(CalInterval) * nint) +
		align8(sizeof(ZoneShift) * (size_t) spec->zone.nshifts);
}

/* Add a schedule unless an equal one exists; returns its id. */
static uint16_t
intern_schedule(Calendar *cal, const CalInterval *iv, int32_t n)
{
	int32_t		s;
	uint32_t	at;

	if (n == 0)
		return 0;
	for (s = 1; s < cal->nsched; s++)
	{
		uint32_t	len = cal->sched_start[s + 1] - cal->sched_start[s];

		if (len == (uint32_t) n &&
			memcmp(cal->intervals + cal->sched_start[s], iv, sizeof(CalInterval) * n) == 0)
			return (uint16_t) s;
	}
	at = cal->sched_start[cal->nsched];
	memcpy(cal->intervals + at, iv, sizeof(CalInterval) * n);
	cal->sched_start[cal->nsched + 1] = at + (uint32_t) n;
	return (uint16_t) cal->nsched++;
}

Calendar *
calendar_compile(const CalSpec *spec, void *mem)
{
	Calendar *cal = (Calendar *) mem;
	char	   *p = (char *) mem;
	int32_t		nsched_max;
	size_t		nint = count_intervals(spec, &nsched_max);
	int			w;
	int32_t		i;
	int32_t		usual_week = -1;
	uint16_t	usual = 0;
	int64_t		day;
	int32_t		x;
	int32_t		indexed;
	size_t		nblocks;

	memset(cal, 0, sizeof(Calendar));
	cal->size = calendar_compiled_size(spec);
	cal->cov_lo = spec->has_lo ? spec->cov_lo : CAL_DAY_MIN;
	cal->cov_hi = spec->has_hi ? spec->cov_hi : CAL_DAY_MAX;
	cal->forecast_from = spec->has_forecast ? spec->forecast_from : CAL_DAY_MAX + 1;
	table_span(spec, &cal->tbl_lo, &cal->tbl_n);

	nblocks = ((size_t) cal->tbl_n + 63) / 64;
	p += align8(sizeof(Calendar));
	cal->work_bits = (uint64_t *) p;
	p += align8(sizeof(uint64_t) * nblocks);
	cal->own_bits = (uint64_t *) p;
	p += align8(sizeof(uint64_t) * nblocks);
	cal->block_rank = (int32_t *) p;
	p += align8(sizeof(int32_t) * (nblocks + 1));
	cal->own_rank = (int32_t *) p;
	p += align8(sizeof(int32_t) * (nblocks + 1));
	cal->select_block = (int32_t *) p;
	p += align8(sizeof(int32_t) * (span_working_days(spec, cal->tbl_lo, cal->tbl_n) / 64 + 1));
	cal->day_of_rank = (uint16_t *) p;
	indexed = indexed_span(spec, cal->tbl_lo, cal->tbl_n);
	p += align8(sizeof(uint16_t) * span_working_days(spec, cal->tbl_lo, indexed));
	cal->own_sched = (uint16_t *) p;
	p += align8(sizeof(uint16_t) * (size_t) spec->nexceptions);
	cal->sched_start = (uint32_t *) p;
	p += align8(sizeof(uint32_t) * ((size_t) nsched_max + 1));
	cal->intervals = (CalInterval *) p;
	p += align8(sizeof(CalInterval) * nint);
	cal->zone.base = spec->zone.base;
	cal->zone.nshifts = spec->zone.nshifts;
	cal->zone.shifts = (const ZoneShift *) p;
	if (spec->zone.nshifts > 0)
		memcpy(p, spec->zone.shifts, sizeof(ZoneShift) * spec->zone.nshifts);

	/* schedule 0 is the empty day */
	cal->nsched = 1;
	cal->sched_start[0] = 0;
	cal->sched_start[1] = 0;

	cal->continuous = !spec->has_lo && !spec->has_hi && spec->nexceptions == 0;
	for (w = 0; w < 7; w++)
	{
		int32_t		k;

		cal->week_sched[w] = intern_schedule(cal, spec->week[w], spec->nweek[w]);
		if (spec->nweek[w] > 0)
		{
			cal->week_count++;
			if (usual_week < 0)
			{
				usual_week = w;
				usual = cal->week_sched[w];
			}
		}
		for (k = 0; k < spec->nweek[w]; k++)
			cal->week_usecs += spec->week[w][k].close - spec->week[w][k].open;
		if (!(spec->nweek[w] == 1 && spec->week[w][0].open == 0 && spec->week[w][0].close == DAY))
			cal->continuous = false;
	}
	cal->week_prefix[0] = 0;
	for (i = 0; i < 14; i++)
		cal->week_prefix[i + 1] = cal->week_prefix[i] + (spec->nweek[i % 7] > 0 ? 1 : 0);

	/*
	 * Day by day over the span, the exceptions (ascending) met on the way: a
	 * day's own schedule if it differs from its weekday's, the working-day bits,
	 * the counts per block, the block of every 64th working day, and the
 * announced working days by rank.
	 */
	memset(cal->work_bits, 0, sizeof(uint64_t) * nblocks);
	memset(cal->own_bits, 0, sizeof(uint64_t) * nblocks);
	cal->total = 0;
	cal->nown = 0;
	for (i = 0, x = 0; i < cal->tbl_n; i++)
	{
		uint16_t	weekly = cal->week_sched[weekday_index(cal->tbl_lo + i)];
		uint16_t	s = weekly;

		day = cal->tbl_lo + i;
		while (x < spec->nexceptions && spec->exceptions[x].day < day)
			x++;
		if (x < spec->nexceptions && spec->exceptions[x].day == day)
		{
			const CalException *e = &spec->exceptions[x];

			if (!e->working)
				s = 0;
			else if (e->nintervals > 0)
				s = intern_schedule(cal, e->intervals, e->nintervals);
			else if (weekly == 0)
				s = usual;
		}
		if ((i & 63) == 0)
		{
			cal->block_rank[i >> 6] = cal->total;
			cal->own_rank[i >> 6] = cal->nown;
		}
		if (s != weekly)
		{
			cal->own_bits[i >> 6] |= UINT64_C(1) << (i & 63);
			cal->own_sched[cal->nown++] = s;
		}
		if (cal->sched_start[s + 1] > cal->sched_start[s])
		{
			cal->work_bits[i >> 6] |= UINT64_C(1) << (i & 63);
			if ((cal->total & 63) == 0)
				cal->select_block[cal->total >> 6] = i >> 6;
			if (i < indexed)
				cal->day_of_rank[cal->nindexed++] = (uint16_t) i;
			cal->total++;
		}
	}
	cal->own_rank[nblocks] = cal->nown;
	cal->block_rank[nblocks] = cal->total;
	return cal;
}

size_t
calendar_size(const Calendar *cal)
{
	return cal->size;
}

const Zone *
calendar_zone(const Calendar *cal)
{
	return &cal->zone;
}

void
calendar_coverage(const Calendar *cal, int64_t *lo, int64_t *hi)
{
	*lo = cal->cov_lo;
	*hi = cal->cov_hi;
}

bool
calendar_forecast_from(const Calendar *cal, int64_t *day)
{
	*day = cal->forecast_from;
	return cal->forecast_from <= CAL_DAY_MAX;
}

int32_t
calendar_table_days(const Calendar *cal)
{
	return cal->tbl_n;
}
