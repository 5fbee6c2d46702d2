/*
 * working_days.c - working-day arithmetic on a compiled calendar: whether a
 * day works, the n-th working day after a day, working days between two days.
 */
#include "calendar_impl.h"

/* The position of the r-th (0-based) set bit of x, which has more than r. */
static inline int
select64(uint64_t x, int r)
{
	uint64_t	s = x - ((x >> 1) & UINT64_C(0x5555555555555555));
	uint64_t	prefix;
	int			byte = 0,
				before = 0;
	unsigned	b;

	s = (s & UINT64_C(0x3333333333333333)) + ((s >> 2) & UINT64_C(0x3333333333333333));
	s = (s + (s >> 4)) & UINT64_C(0x0F0F0F0F0F0F0F0F);
	prefix = s * UINT64_C(0x0101010101010101);	/* byte i: set bits in bytes 0..i */
	while ((int) ((prefix >> (8 * byte)) & 0xFF) <= r)
		byte++;
	if (byte > 0)
		before = (int) ((prefix >> (8 * (byte - 1))) & 0xFF);
	r -= before;
	for (b = (unsigned) (x >> (8 * byte)) & 0xFF;; b &= b - 1)
		if (r-- == 0)
			return 8 * byte + __builtin_ctz(b);
}

/* The day d with rank(d) <= k < rank(d + 1): the k-th working day (0-based). */
CalStatus
cal_select_day(const Calendar *cal, int64_t k, int64_t *result)
{
	int32_t		total = cal->total;
	int64_t		d;

	if (k >= 0 && k < cal->nindexed)
	{
		*result = cal->tbl_lo + cal->day_of_rank[k];
		return CAL_OK;
	}
	if (k >= 0 && k < total)
	{
		/* from the block of the 64th working day before, forward to k's */
		int32_t		b = cal->select_block[k >> 6];

		while (cal->block_rank[b + 1] <= k)
			b++;
		*result = cal->tbl_lo + 64 * (int64_t) b + select64(cal->work_bits[b], (int) (k - cal->block_rank[b]));
		return CAL_OK;
	}
	if (cal->week_count == 0)
		return CAL_ERR_NO_WORKING_DAY;
	if (k >= total)
	{
		int64_t		m = k - total;
		int64_t		weeks = m / cal->week_count;
		int64_t		r = m % cal->week_count;

		if (weeks > (CAL_DAY_MAX - CAL_DAY_MIN) / 7)
			return CAL_ERR_RANGE;
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

		if (weeks > (CAL_DAY_MAX - CAL_DAY_MIN) / 7)
			return CAL_ERR_RANGE;
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
	if (d < CAL_DAY_MIN || d > CAL_DAY_MAX)
		return CAL_ERR_RANGE;
	*result = d;
	return CAL_OK;
}

CalStatus
calendar_is_working_day(const Calendar *cal, int64_t day, bool *result, CalError *err)
{
	if (!covered(cal, day, day, err))
		return CAL_ERR_UNCOVERED;
	*result = is_working(cal, day);
	return CAL_OK;
}

CalStatus
calendar_add_working_days(const Calendar *cal, int64_t day, int64_t n,
					int64_t *result, CalError *err)
{
	int64_t		res;
	CalStatus	st;

	if (day < CAL_DAY_MIN || day > CAL_DAY_MAX)
		return CAL_ERR_RANGE;
	/* more working days than days in the range cannot fit: clamp (no overflow) */
	if (n > CAL_DAY_MAX - CAL_DAY_MIN + 1)
		n = CAL_DAY_MAX - CAL_DAY_MIN + 1;
	else if (n < -(CAL_DAY_MAX - CAL_DAY_MIN + 1))
		n = -(CAL_DAY_MAX - CAL_DAY_MIN + 1);
	if (n > 0)
	{
		if (!covered(cal, day + 1, day + 1, err))
			return CAL_ERR_UNCOVERED;
		st = cal_select_day(cal, rank(cal, day + 1) + n - 1, &res);
		/* the walk leaves the covered range before anything else goes wrong */
		if (st != CAL_OK && !covered(cal, day + 1, CAL_DAY_MAX, err))
			return CAL_ERR_UNCOVERED;
		if (st != CAL_OK)
			return st;
		if (!covered(cal, day + 1, res, err))
			return CAL_ERR_UNCOVERED;
	}
	else if (n < 0)
	{
		if (!covered_back(cal, day - 1, day - 1, err))
			return CAL_ERR_UNCOVERED;
		st = cal_select_day(cal, rank(cal, day) + n, &res);
		if (st != CAL_OK && !covered_back(cal, CAL_DAY_MIN, day - 1, err))
			return CAL_ERR_UNCOVERED;
		if (st != CAL_OK)
			return st;
		if (!covered_back(cal, res, day - 1, err))
			return CAL_ERR_UNCOVERED;
	}
	else
	{
		if (!covered(cal, day, day, err))
			return CAL_ERR_UNCOVERED;
		if (is_working(cal, day))
			res = day;
		else
		{
			st = cal_select_day(cal, rank(cal, day), &res);
			if (st != CAL_OK && !covered(cal, day, CAL_DAY_MAX, err))
				return CAL_ERR_UNCOVERED;
			if (st != CAL_OK)
				return st;
			if (!covered(cal, day, res, err))
				return CAL_ERR_UNCOVERED;
		}
	}
	*result = res;
	return CAL_OK;
}

CalStatus
calendar_working_days_between(const Calendar *cal, int64_t from, int64_t to,
						int64_t *result, CalError *err)
{
	int64_t		lo = from < to ? from : to;
	int64_t		hi = from < to ? to : from;

	if (lo < CAL_DAY_MIN || hi > CAL_DAY_MAX)
		return CAL_ERR_RANGE;
	if (lo == hi)
	{
		*result = 0;
		return CAL_OK;
	}
	/* the days counted are (lo, hi] */
	if (!covered(cal, lo + 1, hi, err))
		return CAL_ERR_UNCOVERED;
	*result = rank(cal, hi + 1) - rank(cal, lo + 1);
	if (to < from)
		*result = -*result;
	return CAL_OK;
}
