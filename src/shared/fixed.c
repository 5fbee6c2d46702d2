/*
 * fixed.c - exact conversions between numeric and scaled integers; see fixed.h.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/numeric.h"

#include "shared/fixed.h"

int64
fixed_from_numeric(Numeric n, int scale, const char *what)
{
	char	   *s;
	const char *p;
	bool		negative = false;
	int64		v = 0;
	int			frac = 0;

	if (numeric_is_nan(n) || numeric_is_inf(n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be finite, not %s", what, numeric_normalize(n))));
	s = numeric_normalize(n);	/* no exponent, no trailing zeros */
	p = s;
	if (*p == '-')
	{
		negative = true;
		p++;
	}
	for (; *p && *p != '.'; p++)
	{
		if (v > (PG_INT64_MAX - 9) / 10)
			goto overflow;
		v = v * 10 + (*p - '0');
	}
	if (*p == '.')
	{
		for (p++; *p; p++)
		{
			if (++frac > scale)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s %s has more than %d decimals", what, s, scale),
						 scale == 2 ? errhint("Amounts are exact to 0.01; round the amount first.") : 0));
			if (v > (PG_INT64_MAX - 9) / 10)
				goto overflow;
			v = v * 10 + (*p - '0');
		}
	}
	for (; frac < scale; frac++)
	{
		if (v > PG_INT64_MAX / 10)
			goto overflow;
		v *= 10;
	}
	return negative ? -v : v;

overflow:
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s %s is out of range", what, s)));
	pg_unreachable();
}

Numeric
fixed_to_numeric(int64 v, int scale)
{
	return int64_div_fast_to_numeric(v, scale);
}

Numeric
fixed_to_numeric_trimmed(int64 v, int scale)
{
	return DatumGetNumeric(DirectFunctionCall3(numeric_in,
											   CStringGetDatum(numeric_normalize(int64_div_fast_to_numeric(v, scale))),
											   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
}
