/*
 * calendar_impl.h - the compiled calendar's layout and the helpers that the
 * compiler (calendar.c), day arithmetic (working_days.c) and time arithmetic
 * (working_time.c) share.  Private to the core: callers see only calendar.h.
 *
 * rank(d) is the number of working days in [tbl_lo, d): over the span that
 * has exceptions, a bit per day and a count per 64-day block (a popcount away),
 * outside it the weekly pattern.  The n-th working day after d is
 * select(rank(d + 1) + n - 1): inside the span the block of every 64th working
 * day is sampled and a select within the block's word finds the day; outside,
 * a division by the weekly count.  Both are O(1) whatever n is.
 *
 * A day's schedule is its weekday's unless the day has its own (a holiday, a
 * make-up day, own hours): those days have a bit of their own, counted per
 * block like the working days, and their schedules in day order.  About a
 * third of a byte per day, so a century of forecast compiles to some 20 KiB.
 */
#ifndef CRM_CALENDAR_IMPL_H
#define CRM_CALENDAR_IMPL_H

#include "calendar.h"
#include "civil.h"

#define DAY CIVIL_USECS_PER_DAY

struct Calendar
{
	size_t		size;			/* bytes of this block */
	int64_t		cov_lo;			/* covered days, inclusive, clamped to CAL_DAY_* */
	int64_t		cov_hi;
	int64_t		forecast_from;	/* days from here on are the forecast's; CAL_DAY_MAX + 1: none */
	uint16_t	week_sched[7];	/* schedule of each ISO weekday, Monday first */
	int32_t		week_count;		/* working days per week */
	int32_t		week_prefix[15];	/* working days among the first i of Mon..Sun,Mon..Sun */
	int64_t		week_usecs;		/* working time per week, wall clock */
	bool		continuous;		/* every instant is working time (7x24, unbounded) */
	int64_t		tbl_lo;			/* first day of the exception span */
	int32_t		tbl_n;			/* days in the span */
	uint64_t   *work_bits;		/* [nblocks] bit i of block b: day b*64+i works */
	int32_t    *block_rank;		/* [nblocks + 1] working days before block b */
	int32_t    *select_block;	/* [total / 64 + 1] the block of working day 64 * j */
	uint16_t   *day_of_rank;	/* [nindexed] the announced working days' offsets: O(1) select where it counts */
	int32_t		nindexed;		/* working days before the forecast (and within 65,536 days of tbl_lo) */
	int32_t		total;			/* working days in the span */
	uint64_t   *own_bits;		/* [nblocks] bit i of block b: day b*64+i has its own schedule */
	int32_t    *own_rank;		/* [nblocks + 1] such days before block b */
	uint16_t   *own_sched;		/* [nown] their schedules, in day order */
	int32_t		nown;
	int32_t		nsched;
	uint32_t   *sched_start;	/* [nsched + 1] offsets into intervals */
	CalInterval *intervals;
	Zone		zone;
};

static inline int
weekday_index(int64_t day)
{
	return civil_iso_weekday(day) - 1;
}

static inline bool
covered(const Calendar *cal, int64_t lo, int64_t hi, CalError *err)
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
	if (hi >= cal->forecast_from)
		err->provisional = true;
	return true;
}

/*
 * The same for a walk down from hi to lo (backward arithmetic): the first
 * uncovered day met is hi itself, or the day before the covered range.
 */
static inline bool
covered_back(const Calendar *cal, int64_t lo, int64_t hi, CalError *err)
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
	if (hi >= cal->forecast_from)
		err->provisional = true;
	return true;
}


/* Working days in [a, b) by the weekly pattern alone, a <= b. */
static inline int64_t
count_weekly(const Calendar *cal, int64_t a, int64_t b)
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

static inline uint16_t
sched_of(const Calendar *cal, int64_t day)
{
	int64_t		off = day - cal->tbl_lo;

	if (off >= 0 && off < cal->tbl_n)
	{
		uint64_t	word = cal->own_bits[off >> 6];
		uint64_t	bit = UINT64_C(1) << (off & 63);

		if (word & bit)
			return cal->own_sched[cal->own_rank[off >> 6] + popcount64(word & (bit - 1))];
	}
	return cal->week_sched[weekday_index(day)];
}

static inline bool
is_working(const Calendar *cal, int64_t day)
{
	int64_t		off = day - cal->tbl_lo;
	uint16_t	s;

	if (off >= 0 && off < cal->tbl_n)
		return (cal->work_bits[off >> 6] >> (off & 63)) & 1;
	s = cal->week_sched[weekday_index(day)];
	return cal->sched_start[s + 1] > cal->sched_start[s];
}

/* Working days in [tbl_lo, tbl_lo + off), 0 <= off <= tbl_n. */
static inline int32_t
table_rank(const Calendar *cal, int64_t off)
{
	int64_t		b = off >> 6;
	int			r = (int) (off & 63);

	if (r == 0)
		return cal->block_rank[b];
	return cal->block_rank[b] + popcount64(cal->work_bits[b] & ((UINT64_C(1) << r) - 1));
}

static inline int64_t
rank(const Calendar *cal, int64_t d)
{
	int64_t		end = cal->tbl_lo + cal->tbl_n;

	if (d < cal->tbl_lo)
		return -count_weekly(cal, d, cal->tbl_lo);
	if (d <= end)
		return table_rank(cal, d - cal->tbl_lo);
	return cal->total + count_weekly(cal, end, d);
}

/* The day d with rank(d) <= k < rank(d + 1): the k-th working day (0-based). */
extern CalStatus cal_select_day(const Calendar *cal, int64_t k, int64_t *result);

static inline const CalInterval *
day_intervals(const Calendar *cal, int64_t day, int32_t *n)
{
	uint16_t	s = sched_of(cal, day);

	*n = (int32_t) (cal->sched_start[s + 1] - cal->sched_start[s]);
	return cal->intervals + cal->sched_start[s];
}

#endif
