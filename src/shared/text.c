/*
 * text.c - ISO dates and instants for messages; see text.h.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/json.h"

#include "core/civil.h"
#include "shared/text.h"

char *
crm_date_text(int64 day)
{
	int64		y;
	int			m,
				d;

	civil_ymd_from_days(day, &y, &m, &d);
	if (y <= 0)
		return psprintf("%04lld-%02d-%02d BC", (long long) (1 - y), m, d);
	return psprintf("%04lld-%02d-%02d", (long long) y, m, d);
}

char *
crm_timestamptz_text(TimestampTz t)
{
	char		buf[MAXDATELEN + 1];

	return pstrdup(JsonEncodeDateTime(buf, TimestampTzGetDatum(t), TIMESTAMPTZOID, NULL));
}
