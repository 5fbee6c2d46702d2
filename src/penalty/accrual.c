/*
 * accrual.c - the SQL functions of penalty and late-fee accrual: penalty(),
 * late_fee(), late_fee_breakdown(), accrued(), annual_rate().
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"

#include "calendar/cache.h"
#include "penalty/lpr.h"
#include "shared/arrays.h"
#include "shared/fixed.h"
#include "shared/text.h"
#include "penalty/rule_type.h"

/* Working days on the call's calendar, for per-working-day rules and working grace. */
typedef struct CalendarArg
{
	const Calendar *cal;
	CalStatus	st;
	CalError	err;
} CalendarArg;

static int64_t
cb_working_days(void *arg, int64_t a, int64_t b, bool *ok)
{
	CalendarArg *c = (CalendarArg *) arg;
	int64_t		n = 0;

	c->st = calendar_working_days_between(c->cal, a, b, &n, &c->err);
	*ok = c->st == CAL_OK;
	return n;
}

static int64_t
cb_add_working_days(void *arg, int64_t day, int64_t n, bool *ok)
{
	CalendarArg *c = (CalendarArg *) arg;
	int64_t		d = day;

	c->st = calendar_add_working_days(c->cal, day, n, &d, &c->err);
	*ok = c->st == CAL_OK;
	return d;
}

/* Accrue or raise the right error. */
static int64
accrue_or_report(FunctionCallInfo fcinfo, int calarg, const PenaltyRule *r, int64 base,
				 DateADT due, DateADT until, const PrPayment *pays, int32 npays,
				 const PrRange *excluded, int32 nexcluded,
				 PrSegment *seg, int32 maxseg, int32 *nseg)
{
	CalendarArg carg;
	PrContext	ctx;
	int64		result = 0;
	int64		bad_day = 0;
	PrAccrueStatus st;
	bool		needs_calendar = r->period == PR_PER_WORKING_DAY || (r->flags & PR_FLAG_GRACE_WORKING);

	memset(&ctx, 0, sizeof(ctx));
	memset(&carg, 0, sizeof(carg));
	if (DATE_NOT_FINITE(due) || DATE_NOT_FINITE(until))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("cannot accrue a penalty to or from an infinite date")));
	if (base < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("amount %s must not be negative",
						DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(money_from_minor(base)))))));
	if (needs_calendar)
	{
		carg.cal = calendar_for_call(fcinfo, calarg);
		ctx.working_days = cb_working_days;
		ctx.add_working_days = cb_add_working_days;
		ctx.arg = &carg;
	}
	if (r->lpr_mult != 0)
		ctx.lpr = lpr_series(&ctx.nlpr);
	ctx.excluded = excluded;
	ctx.nexcluded = nexcluded;

	st = penalty_accrue(r, base, due, until, pays, npays, &ctx, &result, seg, maxseg, nseg, &bad_day);
	switch (st)
	{
		case PRA_OK:
			break;
		case PRA_ERR_OVERFLOW:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("penalty out of range for rule \"%s\"", penalty_rule_to_cstring(r)),
					 errdetail("Amounts are limited to 92233720368547758.07.")));
			break;
		case PRA_ERR_NO_LPR:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
					 errmsg("no LPR in force on %s for rule \"%s\"", crm_date_text(bad_day), penalty_rule_to_cstring(r)),
					 errhint("The 1-year LPR series in crm_contract.lpr starts on 2019-08-20; add the values you need.")));
			break;
		case PRA_ERR_CALENDAR:
			calendar_report(carg.st, &carg.err, text_to_cstring(PG_GETARG_TEXT_PP(calarg)), carg.cal);
			break;
		case PRA_ERR_TOO_MANY:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many accrual periods for rule \"%s\"", penalty_rule_to_cstring(r))));
			break;
	}
	return result;
}

/* penalty(rule, base, due, until, calendar) */
PG_FUNCTION_INFO_V1(crm_penalty);
Datum
crm_penalty(PG_FUNCTION_ARGS)
{
	const PenaltyRule *r = PG_GETARG_PENALTY_RULE_P(0);
	int64		base = money_to_minor(PG_GETARG_NUMERIC(1), "base amount");
	DateADT		due = PG_GETARG_DATEADT(2);
	DateADT		until = PG_GETARG_DATEADT(3);

	PG_RETURN_NUMERIC(money_from_minor(accrue_or_report(fcinfo, 4, r, base, due, until,
														NULL, 0, NULL, 0, NULL, 0, NULL)));
}

static int
payment_cmp(const void *a, const void *b)
{
	const PrPayment *x = a,
			   *y = b;

	return x->day < y->day ? -1 : x->day > y->day;
}

/*
 * Payments from two parallel arrays, sorted by day.  They add up to no more than
 * the amount due: a balance below zero would be a credit, which accrues nothing
 * and hides a data error (an overpayment or a payment booked to the wrong debt).
 */
static PrPayment *
payments_from_arrays(ArrayType *days, ArrayType *amounts, int64 due_amount, int32 *n)
{
	ArrayPair	ap;
	int			i;
	int64		paid = 0;
	PrPayment  *p;

	array_pair(days, DATEOID, "payment dates", amounts, NUMERICOID, "payment amounts",
			   "paid_on[i] is the date of paid[i].", &ap);
	p = palloc(sizeof(PrPayment) * (ap.n + 1));
	for (i = 0; i < ap.n; i++)
	{
		if (ap.a_null[i] || ap.b_null[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("payment %d has no %s", i + 1, ap.a_null[i] ? "date" : "amount")));
		p[i].day = DatumGetDateADT(ap.a[i]);
		if (DATE_NOT_FINITE(p[i].day))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("payment %d has an infinite date", i + 1)));
		p[i].amount = money_to_minor(DatumGetNumeric(ap.b[i]), "payment amount");
		if (p[i].amount <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("payment %d of %s must be positive", i + 1,
							DatumGetCString(DirectFunctionCall1(numeric_out, ap.b[i])))));
		if (pg_add_s64_overflow(paid, p[i].amount, &paid) || paid > due_amount)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("payments add up to more than the amount due %s",
							DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(money_from_minor(due_amount))))),
					 errdetail("Payment %d of %s brings the total paid past it.", i + 1,
							  DatumGetCString(DirectFunctionCall1(numeric_out, ap.b[i]))),
					 errhint("A late fee accrues on what is still owed; book an overpayment as a credit, not as a payment of this debt.")));
	}
	qsort(p, ap.n, sizeof(PrPayment), payment_cmp);
	*n = ap.n;
	return p;
}

/* late_fee(rule, amount, due, paid_on[], paid[], until, calendar) */
PG_FUNCTION_INFO_V1(crm_late_fee);
Datum
crm_late_fee(PG_FUNCTION_ARGS)
{
	const PenaltyRule *r = PG_GETARG_PENALTY_RULE_P(0);
	int64		base = money_to_minor(PG_GETARG_NUMERIC(1), "amount due");
	DateADT		due = PG_GETARG_DATEADT(2);
	int32		npays;
	PrPayment  *pays = payments_from_arrays(PG_GETARG_ARRAYTYPE_P(3), PG_GETARG_ARRAYTYPE_P(4), base, &npays);
	DateADT		until = PG_GETARG_DATEADT(5);

	PG_RETURN_NUMERIC(money_from_minor(accrue_or_report(fcinfo, 6, r, base, due, until,
														pays, npays, NULL, 0, NULL, 0, NULL)));
}

static int
excluded_cmp(const void *a, const void *b)
{
	const PrRange *x = a,
			   *y = b;

	return x->from < y->from ? -1 : x->from > y->from;
}

/* Excluded periods from two parallel date arrays, sorted and merged. */
static PrRange *
ranges_from_arrays(ArrayType *from, ArrayType *to, int32 *n)
{
	ArrayPair	ap;
	int			i,
				k = 0;
	PrRange    *x;

	array_pair(from, DATEOID, "excluded period starts", to, DATEOID, "ends", NULL, &ap);
	x = palloc(sizeof(PrRange) * (ap.n + 1));
	for (i = 0; i < ap.n; i++)
	{
		if (ap.a_null[i] || ap.b_null[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("excluded period %d has no %s", i + 1, ap.a_null[i] ? "start" : "end")));
		x[i].from = DatumGetDateADT(ap.a[i]);
		x[i].to = DatumGetDateADT(ap.b[i]);
		if (x[i].to < x[i].from)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("excluded period %d ends on %s, before it starts on %s", i + 1,
							crm_date_text(x[i].to), crm_date_text(x[i].from))));
	}
	qsort(x, ap.n, sizeof(PrRange), excluded_cmp);
	/* merge overlapping or touching periods */
	for (i = 0; i < ap.n; i++)
	{
		if (k > 0 && x[i].from <= x[k - 1].to + 1)
		{
			if (x[i].to > x[k - 1].to)
				x[k - 1].to = x[i].to;
		}
		else
			x[k++] = x[i];
	}
	*n = k;
	return x;
}

/* accrued(rule, base, due, until, paid_on[], paid[], excluded_from[], excluded_to[], calendar) */
PG_FUNCTION_INFO_V1(crm_accrued);
Datum
crm_accrued(PG_FUNCTION_ARGS)
{
	const PenaltyRule *r = PG_GETARG_PENALTY_RULE_P(0);
	int64		base = money_to_minor(PG_GETARG_NUMERIC(1), "amount");
	DateADT		due = PG_GETARG_DATEADT(2);
	DateADT		until = PG_GETARG_DATEADT(3);
	int32		npays,
				nx;
	PrPayment  *pays = payments_from_arrays(PG_GETARG_ARRAYTYPE_P(4), PG_GETARG_ARRAYTYPE_P(5), base, &npays);
	PrRange    *x = ranges_from_arrays(PG_GETARG_ARRAYTYPE_P(6), PG_GETARG_ARRAYTYPE_P(7), &nx);

	PG_RETURN_NUMERIC(money_from_minor(accrue_or_report(fcinfo, 8, r, base, due, until,
														pays, npays, x, nx, NULL, 0, NULL)));
}

/* late_fee_breakdown(...): one row per accrual period */
PG_FUNCTION_INFO_V1(crm_late_fee_breakdown);
Datum
crm_late_fee_breakdown(PG_FUNCTION_ARGS)
{
	const PenaltyRule *r = PG_GETARG_PENALTY_RULE_P(0);
	int64		base = money_to_minor(PG_GETARG_NUMERIC(1), "amount due");
	DateADT		due = PG_GETARG_DATEADT(2);
	int32		npays;
	PrPayment  *pays = payments_from_arrays(PG_GETARG_ARRAYTYPE_P(3), PG_GETARG_ARRAYTYPE_P(4), base, &npays);
	DateADT		until = PG_GETARG_DATEADT(5);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int32		maxseg = 4096;
	PrSegment  *seg;
	int32		nseg = 0,
				i;
	int64		total;

	InitMaterializedSRF(fcinfo, 0);
	/* enough rows for daily compounding over 11 years, or every payment and LPR change */
	if (until > due && until - due + npays + 64 > maxseg)
		maxseg = (int32) Min((int64) (until - due) + npays + 64, 1000000);
	seg = palloc(sizeof(PrSegment) * maxseg);
	total = accrue_or_report(fcinfo, 6, r, base, due, until, pays, npays, NULL, 0, seg, maxseg, &nseg);
	for (i = 0; i < nseg; i++)
	{
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};

		values[0] = DateADTGetDatum((DateADT) (seg[i].from + 1));
		values[1] = DateADTGetDatum((DateADT) seg[i].to);
		values[2] = Int32GetDatum((int32) seg[i].days);
		values[3] = NumericGetDatum(money_from_minor(seg[i].balance));
		values[4] = NumericGetDatum(fixed_to_numeric_trimmed(seg[i].rate, 9));
		values[5] = NumericGetDatum(money_from_minor(seg[i].amount));
		if (r->period == PR_ONCE)
			nulls[2] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	(void) total;
	return (Datum) 0;
}

/* annual_rate(rule, on): the yearly equivalent of a rule's rate, as a fraction */
PG_FUNCTION_INFO_V1(crm_annual_rate);
Datum
crm_annual_rate(PG_FUNCTION_ARGS)
{
	const PenaltyRule *r = PG_GETARG_PENALTY_RULE_P(0);
	DateADT		on = PG_GETARG_DATEADT(1);
	int64_t		lpr = 0;
	int64_t		annual;

	if (r->lpr_mult != 0)
	{
		int32		n;
		const PrLpr *s = lpr_series(&n);
		int32		i;
		bool		found = false;

		for (i = 0; i < n && s[i].day <= on; i++)
		{
			lpr = s[i].rate;
			found = true;
		}
		if (!found)
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
					 errmsg("no LPR in force on %s", crm_date_text(on))));
	}
	if (!penalty_rule_annual_rate(r, lpr, &annual))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(fixed_to_numeric_trimmed(annual, 9));
}
