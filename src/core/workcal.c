/*
 * workcal.c - compile working calendars and count working days and time.
 *
 * rank(d) is the number of working days in [tbl_lo, d): over the span that
 * has exceptions, a bit per day and a count per 64-day block (a popcount away),
 * outside it the weekly pattern.  The n-th working day after d is
 * select(rank(d + 1) + n - 1): an index from rank to day inside the span, a
 * division by the weekly count outside it.  Both are O(1) whatever n is.
 */
#include "workcal.h"
#include "civil.h"

#include <string.h>

#define DAY CIVIL_USECS_PER_DAY

struct WorkCalendar
{
	size_t		size;			/* bytes of this block */
	int64_t		cov_lo;			/* covered days, inclusive, clamped to WC_DAY_* */
	int64_t		cov_hi;
	uint16_t	week_sched[7];	/* schedule of each ISO weekday, Monday first */
	int32_t		week_count;		/* working days per week */
	int32_t		week_prefix[15];	/* working days among the first i of Mon..Sun,Mon..Sun */
	int64_t		week_usecs;		/* working time per week, wall clock */
	bool		continuous;		/* every instant is working time (7x24, unbounded) */
	int64_t		tbl_lo;			/* first day of the exception span */
	int32_t		tbl_n;			/* days in the span */
	uint16_t   *day_sched;		/* [tbl_n] schedule of each day */
	uint64_t   *work_bits;		/* [nblocks] bit i of block b: day b*64+i works */
	int32_t    *block_rank;		/* [nblocks + 1] working days before block b */
	int32_t    *day_of_rank;	/* [total] offset of the k-th working day in the span */
	int32_t		total;			/* working days in the span */
	int32_t		nsched;
	uint32_t   *sched_start;	/* [nsched + 1] offsets into intervals */
	WcInterval *intervals;
	Zone		zone;
};

static inline int
weekday_index(int64_t day)
{
	return civil_iso_weekday(day) - 1;
}

static inline bool
covered(const WorkCalendar *cal, int64_t lo, int64_t hi, WcError *err)
{
	if (lo < cal->cov_lo)
	{
		err->day = lo;
		return false;
	}
	if (hi > cal->cov_hi)
	{
		err->day = lo > cal->cov_hi ? lo : cal->cov_hi + 1;
		return false;
	}
	return true;
}

/*
 * The same for a walk down from hi to lo (backward arithmetic): the first
 * uncovered day met is hi itself, or the day before the covered range.
 */
static inline bool
covered_back(const WorkCalendar *cal, int64_t lo, int64_t hi, WcError *err)
{
	if (hi > cal->cov_hi)
	{
		err->day = hi;
		return false;
	}
	if (lo < cal->cov_lo)
	{
		err->day = hi < cal->cov_lo ? hi : cal->cov_lo - 1;
		return false;
	}
	return true;
}

static inline uint16_t
sched_of(const WorkCalendar *cal, int64_t day)
{
	if (day >= cal->tbl_lo && day < cal->tbl_lo + cal->tbl_n)
		return cal->day_sched[day - cal->tbl_lo];
	return cal->week_sched[weekday_index(day)];
}

static inline bool
is_working(const WorkCalendar *cal, int64_t day)
{
	uint16_t	s = sched_of(cal, day);

	return cal->sched_start[s + 1] > cal->sched_start[s];
}

/* Working days in [a, b) by the weekly pattern alone, a <= b. */
static inline int64_t
count_weekly(const WorkCalendar *cal, int64_t a, int64_t b)
{
	int64_t		span = b - a;
	int			s = weekday_index(a);
	int			rem = (int) (span % 7);

	return (span / 7) * cal->week_count + cal->week_prefix[s + rem] - cal->week_prefix[s];
}

/* Set bits of a word; portable SWAR, no -mpopcnt needed. */
static inline int
popcount64(uint64_t x)
{
	x = x - ((x >> 1) & UINT64_C(0x5555555555555555));
	x = (x & UINT64_C(0x3333333333333333)) + ((x >> 2) & UINT64_C(0x3333333333333333));
	x = (x + (x >> 4)) & UINT64_C(0x0F0F0F0F0F0F0F0F);
	return (int) ((x * UINT64_C(0x0101010101010101)) >> 56);
}

/* Working days in [tbl_lo, tbl_lo + off), 0 <= off <= tbl_n. */
static inline int32_t
table_rank(const WorkCalendar *cal, int64_t off)
{
	int64_t		b = off >> 6;
	int			r = (int) (off & 63);

	if (r == 0)
		return cal->block_rank[b];
	return cal->block_rank[b] + popcount64(cal->work_bits[b] & ((UINT64_C(1) << r) - 1));
}

static inline int64_t
rank(const WorkCalendar *cal, int64_t d)
{
	int64_t		end = cal->tbl_lo + cal->tbl_n;

	if (d < cal->tbl_lo)
		return -count_weekly(cal, d, cal->tbl_lo);
	if (d <= end)
		return table_rank(cal, d - cal->tbl_lo);
	return cal->total + count_weekly(cal, end, d);
}

/* The day d with rank(d) <= k < rank(d + 1): the k-th working day (0-based). */
static WcStatus
select_day(const WorkCalendar *cal, int64_t k, int64_t *result)
{
	int32_t		total = cal->total;
	int64_t		d;

	if (k >= 0 && k < total)
	{
		*result = cal->tbl_lo + cal->day_of_rank[k];
		return WC_OK;
	}
	if (cal->week_count == 0)
		return WC_ERR_NO_WORKING_DAY;
	if (k >= total)
	{
		int64_t		m = k - total;
		int64_t		weeks = m / cal->week_count;
		int64_t		r = m % cal->week_count;

		if (weeks > (WC_DAY_MAX - WC_DAY_MIN) / 7)
			return WC_ERR_RANGE;
		d = cal->tbl_lo + cal->tbl_n + weeks * 7;
		for (;; d++)
		{
			if (cal->week_sched[weekday_index(d)] != 0 &&
				cal->sched_start[cal->week_sched[weekday_index(d)] + 1] >
				cal->sched_start[cal->week_sched[weekday_index(d)]])
			{
				if (r == 0)
					break;
				r--;
			}
		}
	}
	else
	{
		int64_t		m = -k - 1;
		int64_t		weeks = m / cal->week_count;
		int64_t		r = m % cal->week_count;

		if (weeks > (WC_DAY_MAX - WC_DAY_MIN) / 7)
			return WC_ERR_RANGE;
		d = cal->tbl_lo - weeks * 7;
		for (;;)
		{
			d--;
			if (cal->sched_start[cal->week_sched[weekday_index(d)] + 1] >
				cal->sched_start[cal->week_sched[weekday_index(d)]])
			{
				if (r == 0)
					break;
				r--;
			}
		}
	}
	if (d < WC_DAY_MIN || d > WC_DAY_MAX)
		return WC_ERR_RANGE;
	*result = d;
	return WC_OK;
}

/* ---------- validation and compilation ---------- */

static WcStatus
check_intervals(const WcInterval *iv, int32_t n, WcError *err)
{
	int32_t		i;

	for (i = 0; i < n; i++)
	{
		err->index = i;
		if (iv[i].open < 0 || iv[i].close > DAY || iv[i].open >= iv[i].close)
			return WC_ERR_BAD_INTERVAL;
		if (i > 0 && iv[i].open < iv[i - 1].close)
			return WC_ERR_OVERLAP;
	}
	return WC_OK;
}

WcStatus
wc_validate(const WcSpec *spec, WcError *err)
{
	int			w;
	int32_t		i;
	bool		any_week = false;
	WcStatus	st;

	memset(err, 0, sizeof(*err));
	if ((spec->has_lo && (spec->cov_lo < WC_DAY_MIN || spec->cov_lo > WC_DAY_MAX)) ||
		(spec->has_hi && (spec->cov_hi < WC_DAY_MIN || spec->cov_hi > WC_DAY_MAX)) ||
		(spec->has_lo && spec->has_hi && spec->cov_lo > spec->cov_hi))
		return WC_ERR_BAD_COVERAGE;
	for (w = 0; w < 7; w++)
	{
		err->weekday = w + 1;
		if ((st = check_intervals(spec->week[w], spec->nweek[w], err)) != WC_OK)
			return st;
		if (spec->nweek[w] > 0)
			any_week = true;
	}
	err->weekday = 0;
	for (i = 0; i < spec->nexceptions; i++)
	{
		const WcException *e = &spec->exceptions[i];

		err->day = e->day;
		if (e->day < WC_DAY_MIN || e->day > WC_DAY_MAX ||
			(i > 0 && e->day <= spec->exceptions[i - 1].day))
			return WC_ERR_EXCEPTION_ORDER;
		if (!e->working && e->nintervals > 0)
			return WC_ERR_HOLIDAY_HOURS;
		if (e->working && e->nintervals == 0 && !any_week)
			return WC_ERR_NO_USUAL_HOURS;
		if ((st = check_intervals(e->intervals, e->nintervals, err)) != WC_OK)
			return st;
	}
	memset(err, 0, sizeof(*err));
	return WC_OK;
}

/* The span of days [*lo, *lo + *n) that needs per-day data. */
static void
table_span(const WcSpec *spec, int64_t *lo, int32_t *n)
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
count_intervals(const WcSpec *spec, int32_t *nsched)
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

/* Working days in the span, from the spec alone (sizes day_of_rank exactly). */
static size_t
span_working_days(const WcSpec *spec, int64_t lo, int32_t n)
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
		const WcException *e = &spec->exceptions[i];
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

size_t
wc_compiled_size(const WcSpec *spec)
{
	int64_t		lo;
	int32_t		n;
	int32_t		nsched;
	size_t		nint = count_intervals(spec, &nsched);

	table_span(spec, &lo, &n);
	return align8(sizeof(WorkCalendar)) +
		align8(sizeof(uint16_t) * (size_t) n) +
		align8(sizeof(uint64_t) * (((size_t) n + 63) / 64)) +
		align8(sizeof(int32_t) * (((size_t) n + 63) / 64 + 1)) +
		align8(sizeof(int32_t) * span_working_days(spec, lo, n)) +
		align8(sizeof(uint32_t) * ((size_t) nsched + 1)) +
		align8(sizeof(WcInterval) * nint) +
		align8(sizeof(ZoneShift) * (size_t) spec->zone.nshifts);
}

/* Add a schedule unless an equal one exists; returns its id. */
static uint16_t
intern_schedule(WorkCalendar *cal, const WcInterval *iv, int32_t n)
{
	int32_t		s;
	uint32_t	at;

	if (n == 0)
		return 0;
	for (s = 1; s < cal->nsched; s++)
	{
		uint32_t	len = cal->sched_start[s + 1] - cal->sched_start[s];

		if (len == (uint32_t) n &&
			memcmp(cal->intervals + cal->sched_start[s], iv, sizeof(WcInterval) * n) == 0)
			return (uint16_t) s;
	}
	at = cal->sched_start[cal->nsched];
	memcpy(cal->intervals + at, iv, sizeof(WcInterval) * n);
	cal->sched_start[cal->nsched + 1] = at + (uint32_t) n;
	return (uint16_t) cal->nsched++;
}

WorkCalendar *
wc_compile(const WcSpec *spec, void *mem)
{
	WorkCalendar *cal = (WorkCalendar *) mem;
	char	   *p = (char *) mem;
	int32_t		nsched_max;
	size_t		nint = count_intervals(spec, &nsched_max);
	int			w;
	int32_t		i;
	int32_t		usual_week = -1;
	uint16_t	usual = 0;
	int64_t		day;

	memset(cal, 0, sizeof(WorkCalendar));
	cal->size = wc_compiled_size(spec);
	cal->cov_lo = spec->has_lo ? spec->cov_lo : WC_DAY_MIN;
	cal->cov_hi = spec->has_hi ? spec->cov_hi : WC_DAY_MAX;
	table_span(spec, &cal->tbl_lo, &cal->tbl_n);

	p += align8(sizeof(WorkCalendar));
	cal->day_sched = (uint16_t *) p;
	p += align8(sizeof(uint16_t) * (size_t) cal->tbl_n);
	cal->work_bits = (uint64_t *) p;
	p += align8(sizeof(uint64_t) * (((size_t) cal->tbl_n + 63) / 64));
	cal->block_rank = (int32_t *) p;
	p += align8(sizeof(int32_t) * (((size_t) cal->tbl_n + 63) / 64 + 1));
	cal->day_of_rank = (int32_t *) p;
	p += align8(sizeof(int32_t) * span_working_days(spec, cal->tbl_lo, cal->tbl_n));
	cal->sched_start = (uint32_t *) p;
	p += align8(sizeof(uint32_t) * ((size_t) nsched_max + 1));
	cal->intervals = (WcInterval *) p;
	p += align8(sizeof(WcInterval) * nint);
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

	/* per-day schedules over the span: the weekday's, then the exceptions */
	for (i = 0; i < cal->tbl_n; i++)
		cal->day_sched[i] = cal->week_sched[weekday_index(cal->tbl_lo + i)];
	for (i = 0; i < spec->nexceptions; i++)
	{
		const WcException *e = &spec->exceptions[i];
		uint16_t	s;

		day = e->day;
		if (day < cal->tbl_lo || day >= cal->tbl_lo + cal->tbl_n)
			continue;			/* outside the covered range: not used */
		if (!e->working)
			s = 0;
		else if (e->nintervals > 0)
			s = intern_schedule(cal, e->intervals, e->nintervals);
		else if (cal->week_sched[weekday_index(day)] != 0)
			s = cal->week_sched[weekday_index(day)];
		else
			s = usual;
		cal->day_sched[day - cal->tbl_lo] = s;
	}
	/* working-day bits, counts per block, and the index from rank to day */
	cal->total = 0;
	memset(cal->work_bits, 0, sizeof(uint64_t) * (((size_t) cal->tbl_n + 63) / 64));
	for (i = 0; i < cal->tbl_n; i++)
	{
		uint16_t	s = cal->day_sched[i];

		if ((i & 63) == 0)
			cal->block_rank[i >> 6] = cal->total;
		if (cal->sched_start[s + 1] > cal->sched_start[s])
		{
			cal->work_bits[i >> 6] |= UINT64_C(1) << (i & 63);
			cal->day_of_rank[cal->total++] = i;
		}
	}
	cal->block_rank[(cal->tbl_n + 63) / 64] = cal->total;
	return cal;
}

size_t
wc_size(const WorkCalendar *cal)
{
	return cal->size;
}

const Zone *
wc_zone(const WorkCalendar *cal)
{
	return &cal->zone;
}

void
wc_coverage(const WorkCalendar *cal, int64_t *lo, int64_t *hi)
{
	*lo = cal->cov_lo;
	*hi = cal->cov_hi;
}

int32_t
wc_table_days(const WorkCalendar *cal)
{
	return cal->tbl_n;
}

/* ---------- working days ---------- */

WcStatus
wc_is_working_day(const WorkCalendar *cal, int64_t day, bool *result, WcError *err)
{
	if (!covered(cal, day, day, err))
		return WC_ERR_UNCOVERED;
	*result = is_working(cal, day);
	return WC_OK;
}

WcStatus
wc_add_working_days(const WorkCalendar *cal, int64_t day, int64_t n,
					int64_t *result, WcError *err)
{
	int64_t		res;
	WcStatus	st;

	if (day < WC_DAY_MIN || day > WC_DAY_MAX)
		return WC_ERR_RANGE;
	/* more working days than days in the range cannot fit: clamp (no overflow) */
	if (n > WC_DAY_MAX - WC_DAY_MIN + 1)
		n = WC_DAY_MAX - WC_DAY_MIN + 1;
	else if (n < -(WC_DAY_MAX - WC_DAY_MIN + 1))
		n = -(WC_DAY_MAX - WC_DAY_MIN + 1);
	if (n > 0)
	{
		if (!covered(cal, day + 1, day + 1, err))
			return WC_ERR_UNCOVERED;
		st = select_day(cal, rank(cal, day + 1) + n - 1, &res);
		/* the walk leaves the covered range before anything else goes wrong */
		if (st != WC_OK && !covered(cal, day + 1, WC_DAY_MAX, err))
			return WC_ERR_UNCOVERED;
		if (st != WC_OK)
			return st;
		if (!covered(cal, day + 1, res, err))
			return WC_ERR_UNCOVERED;
	}
	else if (n < 0)
	{
		if (!covered_back(cal, day - 1, day - 1, err))
			return WC_ERR_UNCOVERED;
		st = select_day(cal, rank(cal, day) + n, &res);
		if (st != WC_OK && !covered_back(cal, WC_DAY_MIN, day - 1, err))
			return WC_ERR_UNCOVERED;
		if (st != WC_OK)
			return st;
		if (!covered_back(cal, res, day - 1, err))
			return WC_ERR_UNCOVERED;
	}
	else
	{
		if (!covered(cal, day, day, err))
			return WC_ERR_UNCOVERED;
		if (is_working(cal, day))
			res = day;
		else
		{
			st = select_day(cal, rank(cal, day), &res);
			if (st != WC_OK && !covered(cal, day, WC_DAY_MAX, err))
				return WC_ERR_UNCOVERED;
			if (st != WC_OK)
				return st;
			if (!covered(cal, day, res, err))
				return WC_ERR_UNCOVERED;
		}
	}
	*result = res;
	return WC_OK;
}

WcStatus
wc_working_days_between(const WorkCalendar *cal, int64_t from, int64_t to,
						int64_t *result, WcError *err)
{
	int64_t		lo = from < to ? from : to;
	int64_t		hi = from < to ? to : from;

	if (lo < WC_DAY_MIN || hi > WC_DAY_MAX)
		return WC_ERR_RANGE;
	if (lo == hi)
	{
		*result = 0;
		return WC_OK;
	}
	/* the days counted are (lo, hi] */
	if (!covered(cal, lo + 1, hi, err))
		return WC_ERR_UNCOVERED;
	*result = rank(cal, hi + 1) - rank(cal, lo + 1);
	if (to < from)
		*result = -*result;
	return WC_OK;
}

/* ---------- working time ---------- */

static inline const WcInterval *
day_intervals(const WorkCalendar *cal, int64_t day, int32_t *n)
{
	uint16_t	s = sched_of(cal, day);

	*n = (int32_t) (cal->sched_start[s + 1] - cal->sched_start[s]);
	return cal->intervals + cal->sched_start[s];
}

int
wc_day_intervals(const WorkCalendar *cal, int64_t day, int64_t *opens,
				 int64_t *closes, int max)
{
	int32_t		n;
	const WcInterval *iv = day_intervals(cal, day, &n);
	int			i;

	for (i = 0; i < n && i < max; i++)
	{
		opens[i] = zone_to_instant(&cal->zone, day * DAY + iv[i].open);
		closes[i] = zone_to_instant(&cal->zone, day * DAY + iv[i].close);
	}
	return i;
}

/* The day (in the calendar's zone) an instant falls on. */
static inline int64_t
local_day(const WorkCalendar *cal, int64_t instant)
{
	return civil_floor_div(zone_to_local(&cal->zone, instant), DAY);
}

/* Whether the zone has no offset change at or after (after=true) / before an instant. */
static inline bool
no_shift_after(const WorkCalendar *cal, int64_t instant)
{
	return zone_next_shift(&cal->zone, instant) == cal->zone.nshifts;
}

/*
 * Whether the days before local (a wall-clock midnight) are untouched by any
 * offset change: the first change's skipped or repeated stretch of wall-clock
 * time, [at + min(before, after), at + max(before, after)), starts at or
 * after local.  Compared on the wall clock: a midnight inside a
 * spring-forward gap maps to the instant of the change itself, which an
 * instant comparison would wrongly count as "no change before".
 */
static inline bool
no_shift_before(const WorkCalendar *cal, int64_t local)
{
	const ZoneShift *s = &cal->zone.shifts[0];

	return cal->zone.nshifts == 0 ||
		s->at + (s->before < s->after ? s->before : s->after) * INT64_C(1000000) >= local;
}

/* Next working day after day, within coverage. */
static WcStatus
next_working(const WorkCalendar *cal, int64_t day, int64_t *next, WcError *err)
{
	WcStatus	st = select_day(cal, rank(cal, day + 1), next);

	if (st != WC_OK && !covered(cal, day + 1, WC_DAY_MAX, err))
		return WC_ERR_UNCOVERED;
	if (st != WC_OK)
		return st;
	if (!covered(cal, day + 1, *next, err))
		return WC_ERR_UNCOVERED;
	return WC_OK;
}

static WcStatus
prev_working(const WorkCalendar *cal, int64_t day, int64_t *prev, WcError *err)
{
	WcStatus	st = select_day(cal, rank(cal, day) - 1, prev);

	if (st != WC_OK && !covered_back(cal, WC_DAY_MIN, day - 1, err))
		return WC_ERR_UNCOVERED;
	if (st != WC_OK)
		return st;
	if (!covered_back(cal, *prev, day - 1, err))
		return WC_ERR_UNCOVERED;
	return WC_OK;
}

static WcStatus
add_forward(const WorkCalendar *cal, int64_t start, int64_t remaining,
			int64_t *result, WcError *err)
{
	int64_t		cur = start;
	int64_t		day = local_day(cal, start);
	WcStatus	st;

	if (day < WC_DAY_MIN || day > WC_DAY_MAX)
		return WC_ERR_RANGE;
	if (!covered(cal, day, day, err))
		return WC_ERR_UNCOVERED;
	for (;;)
	{
		int32_t		n,
					i;
		const WcInterval *iv = day_intervals(cal, day, &n);
		int64_t		next;

		for (i = 0; i < n; i++)
		{
			int64_t		us = zone_to_instant(&cal->zone, day * DAY + iv[i].open);
			int64_t		ue = zone_to_instant(&cal->zone, day * DAY + iv[i].close);
			int64_t		eff;

			if (ue <= cur)
				continue;
			eff = us > cur ? us : cur;
			if (remaining <= ue - eff)
			{
				*result = eff + remaining;
				return WC_OK;
			}
			remaining -= ue - eff;
			cur = ue;
		}
		if ((st = next_working(cal, day, &next, err)) != WC_OK)
			return st;

		/*
		 * Past the exception span and the zone's last offset change every
		 * week holds the same working time: skip whole weeks at once.
		 */
		if (next >= cal->tbl_lo + cal->tbl_n && cal->week_usecs > 0 &&
			remaining > cal->week_usecs && next <= WC_DAY_MAX - 7 &&
			no_shift_after(cal, zone_to_instant(&cal->zone, next * DAY)))
		{
			int64_t		weeks = (remaining - 1) / cal->week_usecs;

			if (weeks > (WC_DAY_MAX - next) / 7)
				return covered(cal, next, WC_DAY_MAX, err) ? WC_ERR_RANGE : WC_ERR_UNCOVERED;
			if (!covered(cal, next, next + weeks * 7, err))
				return WC_ERR_UNCOVERED;
			next += weeks * 7;
			remaining -= weeks * cal->week_usecs;
		}
		day = next;
	}
}

static WcStatus
add_backward(const WorkCalendar *cal, int64_t start, int64_t remaining,
			 int64_t *result, WcError *err)
{
	int64_t		cur = start;
	int64_t		day = local_day(cal, start);
	WcStatus	st;

	if (day < WC_DAY_MIN || day > WC_DAY_MAX)
		return WC_ERR_RANGE;
	if (!covered(cal, day, day, err))
		return WC_ERR_UNCOVERED;
	for (;;)
	{
		int32_t		n,
					i;
		const WcInterval *iv = day_intervals(cal, day, &n);
		int64_t		prev;

		for (i = n - 1; i >= 0; i--)
		{
			int64_t		us = zone_to_instant(&cal->zone, day * DAY + iv[i].open);
			int64_t		ue = zone_to_instant(&cal->zone, day * DAY + iv[i].close);
			int64_t		eff;

			if (us >= cur)
				continue;
			eff = ue < cur ? ue : cur;
			if (remaining <= eff - us)
			{
				*result = eff - remaining;
				return WC_OK;
			}
			remaining -= eff - us;
			cur = us;
		}
		if ((st = prev_working(cal, day, &prev, err)) != WC_OK)
			return st;
		if (prev < cal->tbl_lo && cal->week_usecs > 0 &&
			remaining > cal->week_usecs && prev >= WC_DAY_MIN + 7 &&
			no_shift_before(cal, (prev + 1) * DAY))
		{
			int64_t		weeks = (remaining - 1) / cal->week_usecs;

			if (weeks > (prev - WC_DAY_MIN) / 7)
				return covered_back(cal, WC_DAY_MIN, prev, err) ? WC_ERR_RANGE : WC_ERR_UNCOVERED;
			if (!covered_back(cal, prev - weeks * 7, prev, err))
				return WC_ERR_UNCOVERED;
			prev -= weeks * 7;
			remaining -= weeks * cal->week_usecs;
		}
		day = prev;
	}
}

WcStatus
wc_add_working_time(const WorkCalendar *cal, int64_t start, int64_t amount,
					int64_t *result, WcError *err)
{
	if (cal->continuous)
	{
		/* 7x24 with no holidays: working time is elapsed time */
		if ((amount > 0 && start > INT64_MAX - amount) ||
			(amount < 0 && start < INT64_MIN - amount))
			return WC_ERR_RANGE;
		*result = start + amount;
		return WC_OK;
	}
	if (amount >= 0)
		return add_forward(cal, start, amount, result, err);
	if (amount == INT64_MIN)
		return WC_ERR_RANGE;
	return add_backward(cal, start, -amount, result, err);
}

WcStatus
wc_working_time_between(const WorkCalendar *cal, int64_t from, int64_t to,
						int64_t *result, WcError *err)
{
	int64_t		a = from < to ? from : to;
	int64_t		b = from < to ? to : from;
	int64_t		first,
				last,
				day,
				total = 0;
	WcStatus	st;

	if (a == b)
	{
		*result = 0;
		return WC_OK;
	}
	if (cal->continuous)
	{
		if (a < 0 && b > INT64_MAX + a)
			return WC_ERR_RANGE;
		*result = from < to ? b - a : a - b;
		return WC_OK;
	}
	first = local_day(cal, a);
	last = local_day(cal, b - 1);
	if (first < WC_DAY_MIN || last > WC_DAY_MAX)
		return WC_ERR_RANGE;
	if (!covered(cal, first, last, err))
		return WC_ERR_UNCOVERED;
	day = first;
	while (day <= last)
	{
		int32_t		n,
					i;
		const WcInterval *iv = day_intervals(cal, day, &n);
		int64_t		next;

		for (i = 0; i < n; i++)
		{
			int64_t		us = zone_to_instant(&cal->zone, day * DAY + iv[i].open);
			int64_t		ue = zone_to_instant(&cal->zone, day * DAY + iv[i].close);
			int64_t		lo = us > a ? us : a;
			int64_t		hi = ue < b ? ue : b;

			if (hi > lo)
				total += hi - lo;
		}
		if (day == last)
			break;
		st = select_day(cal, rank(cal, day + 1), &next);
		/* no working day later (NO_WORKING_DAY) or none up to WC_DAY_MAX (RANGE) */
		if (st != WC_OK)
			break;
		if (next > last)
			break;
		/* whole weeks past the exception span with no offset change */
		if (next >= cal->tbl_lo + cal->tbl_n && last - next > 14 &&
			no_shift_after(cal, zone_to_instant(&cal->zone, next * DAY)))
		{
			int64_t		weeks = (last - next) / 7 - 1;

			total += weeks * cal->week_usecs;
			next += weeks * 7;
		}
		day = next;
	}
	*result = from < to ? total : -total;
	return WC_OK;
}

/* ---------- terms ---------- */

/* Same local wall-clock time, days later (or months later), in the calendar's zone. */
static WcStatus
shift_local(const WorkCalendar *cal, int64_t start, int64_t days, int64_t months,
			int64_t *result)
{
	int64_t		local = zone_to_local(&cal->zone, start);
	int64_t		day = civil_floor_div(local, DAY);
	int64_t		tod = local - day * DAY;
	int64_t		nd = day;

	if (months != 0 && !civil_add_months(day, months, &nd))
		return WC_ERR_RANGE;
	if (days > WC_DAY_MAX - WC_DAY_MIN)
		return WC_ERR_RANGE;
	nd += days;
	if (nd < WC_DAY_MIN || nd > WC_DAY_MAX)
		return WC_ERR_RANGE;
	*result = zone_to_instant(&cal->zone, nd * DAY + tod);
	return WC_OK;
}

WcStatus
wc_due_instant(const WorkCalendar *cal, int64_t start, const Term *t,
			   int64_t *result, WcError *err)
{
	int64_t		q = t->quantity;
	int64_t		day;
	int64_t		nd;
	WcStatus	st;

	switch (t->unit)
	{
		case TERM_MINUTES:
		case TERM_HOURS:
			{
				int64_t		amount = q * (t->unit == TERM_MINUTES ? CIVIL_USECS_PER_MINUTE : CIVIL_USECS_PER_HOUR);

				if (start > INT64_MAX - amount)
					return WC_ERR_RANGE;
				*result = start + amount;
				return WC_OK;
			}
		case TERM_DAYS:
			return shift_local(cal, start, q, 0, result);
		case TERM_WEEKS:
			return shift_local(cal, start, q * 7, 0, result);
		case TERM_MONTHS:
			return shift_local(cal, start, 0, q, result);
		case TERM_YEARS:
			return shift_local(cal, start, 0, q * 12, result);
		case TERM_WORKING_MINUTES:
			return wc_add_working_time(cal, start, q * CIVIL_USECS_PER_MINUTE, result, err);
		case TERM_WORKING_HOURS:
			return wc_add_working_time(cal, start, q * CIVIL_USECS_PER_HOUR, result, err);
		case TERM_WORKING_DAYS:
			{
				int64_t		local = zone_to_local(&cal->zone, start);

				day = civil_floor_div(local, DAY);
				if ((st = wc_add_working_days(cal, day, q, &nd, err)) != WC_OK)
					return st;
				*result = zone_to_instant(&cal->zone, nd * DAY + (local - day * DAY));
				return WC_OK;
			}
	}
	return WC_ERR_RANGE;
}

/* A term of days or longer applied forwards (sign 1) or backwards (sign -1) to a date. */
static WcStatus
due_date_signed(const WorkCalendar *cal, int64_t day, const Term *t, int sign,
				int64_t *result, WcError *err)
{
	int64_t		q = sign * (int64_t) t->quantity;
	int64_t		nd = day;

	switch (t->unit)
	{
		case TERM_DAYS:
			nd = day + q;
			break;
		case TERM_WEEKS:
			nd = day + q * 7;
			break;
		case TERM_MONTHS:
			if (!civil_add_months(day, q, &nd))
				return WC_ERR_RANGE;
			break;
		case TERM_YEARS:
			if (!civil_add_months(day, q * 12, &nd))
				return WC_ERR_RANGE;
			break;
		case TERM_WORKING_DAYS:
			return wc_add_working_days(cal, day, q, result, err);
		default:
			return WC_ERR_NEEDS_TIME;
	}
	if (nd < WC_DAY_MIN || nd > WC_DAY_MAX)
		return WC_ERR_RANGE;
	*result = nd;
	return WC_OK;
}

WcStatus
wc_due_date(const WorkCalendar *cal, int64_t day, const Term *t,
			int64_t *result, WcError *err)
{
	return due_date_signed(cal, day, t, 1, result, err);
}

WcStatus
wc_due_date_before(const WorkCalendar *cal, int64_t day, const Term *t,
				   int64_t *result, WcError *err)
{
	return due_date_signed(cal, day, t, -1, result, err);
}
