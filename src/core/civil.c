/*
 * civil.c - day numbers <-> civil dates (proleptic Gregorian), pure C.
 * The conversion counts 400-year eras from 0000-03-01, so leap days fall at
 * the end of each counted year.
 */
#include "civil.h"

/* Days from 0000-03-01 to 2000-01-01. */
#define CIVIL_EPOCH_SHIFT INT64_C(730425)

int64_t
civil_days_from_ymd(int64_t y, int m, int d)
{
	int64_t		era;
	int64_t		yoe;
	int64_t		doy;
	int64_t		doe;

	if (m <= 2)
		y -= 1;
	era = civil_floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - CIVIL_EPOCH_SHIFT;
}

void
civil_ymd_from_days(int64_t days, int64_t *y, int *m, int *d)
{
	int64_t		z = days + CIVIL_EPOCH_SHIFT;
	int64_t		era = civil_floor_div(z, 146097);
	int64_t		doe = z - era * 146097;
	int64_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t		mp = (5 * doy + 2) / 153;
	int			mm = (int) (mp < 10 ? mp + 3 : mp - 9);

	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = mm;
	*y = yoe + era * 400 + (mm <= 2 ? 1 : 0);
}

int
civil_days_in_month(int64_t y, int m)
{
	static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool		leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return (m == 2 && leap) ? 29 : len[m - 1];
}

bool
civil_add_months(int64_t days, int64_t months, int64_t *result)
{
	int64_t		y;
	int			m;
	int			d;
	int64_t		total;
	int64_t		ny;
	int			nm;
	int			dim;

	if (months > INT64_C(12000000) || months < -INT64_C(12000000))
		return false;
	civil_ymd_from_days(days, &y, &m, &d);
	total = y * 12 + (m - 1) + months;
	ny = civil_floor_div(total, 12);
	nm = (int) (total - ny * 12) + 1;
	if (ny > 1000000 || ny < -1000000)
		return false;
	dim = civil_days_in_month(ny, nm);
	if (d > dim)
		d = dim;
	*result = civil_days_from_ymd(ny, nm, d);
	return true;
}
