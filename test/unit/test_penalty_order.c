/*
 * test_penalty_order.c - penalty_rule_compare, the btree order of penalty_rule:
 * the documented order on hand-picked rules, then the laws of a total order
 * consistent with equality (memcmp of the struct, as penalty_rule_eq has it)
 * over every pair and triple of a set of rules that differ in each field.
 */
#include "tap.h"
#include "penalty_rule.h"

static PenaltyRule
R(const char *s)
{
	PenaltyRule r;
	size_t		where;

	memset(&r, 0, sizeof(r));
	if (penalty_rule_parse(s, strlen(s), &r, &where) != PR_OK)
		printf("# cannot parse \"%s\"\n", s);
	return r;
}

static int
sign(int x)
{
	return (x > 0) - (x < 0);
}

int
main(void)
{
	/* each differs from the one before in one field, or is the same rule written otherwise */
	static const char *const texts[] = {
		"1% of total per day",
		"合同总金额的1%/日",			/* the same rule */
		"2% of total per day",		/* rate */
		"1% of overdue per day",	/* basis */
		"1% of total",				/* period: once */
		"1% of total per working day",
		"1% of total per day, grace 3 days",
		"1% of total per day, grace 3 working days",
		"1% of total per day, cap 30%",
		"1% of total per day, cap 100000",
		"1% of total per day, min 500",
		"1% per month, compound",
		"LPR×1.5 of overdue per year",
		"LPR×1.3 of overdue per year",
		"LPR×1.5 of overdue per year, floating",
		"0.05% of undelivered per day",
	};
	enum { N = sizeof(texts) / sizeof(texts[0]) };
	PenaltyRule r[N];
	int			i, j, k;
	int			bad_eq = 0, bad_anti = 0, bad_trans = 0;

	for (i = 0; i < N; i++)
		r[i] = R(texts[i]);

	/* the documented order: basis first (total < overdue < undelivered), then period
	 * (once < per day < per working day < ... < per year), fixed rates before LPR rules,
	 * smaller rates first, then the options */
	ok(penalty_rule_compare(&r[0], &r[1]) == 0, "1%% of total per day = 合同总金额的1%%/日");
	ok(penalty_rule_compare(&r[0], &r[2]) < 0, "1%% < 2%%, same basis and period");
	ok(penalty_rule_compare(&r[2], &r[3]) < 0, "any total rule < an overdue rule (basis first)");
	ok(penalty_rule_compare(&r[4], &r[0]) < 0, "once < per day");
	ok(penalty_rule_compare(&r[0], &r[5]) < 0, "per day < per working day");
	ok(penalty_rule_compare(&r[11], &r[12]) < 0, "per month < per year (both of overdue)");
	ok(penalty_rule_compare(&r[13], &r[12]) < 0, "LPR×1.3 < LPR×1.5");
	{
		PenaltyRule fixed = R("10% of overdue per year");

		ok(penalty_rule_compare(&fixed, &r[13]) < 0, "10%% of overdue per year < LPR×1.3 of overdue per year (fixed first)");
	}
	ok(penalty_rule_compare(&r[12], &r[14]) < 0, "without floating < floating");
	ok(penalty_rule_compare(&r[0], &r[6]) < 0, "no grace < grace 3 days");
	ok(penalty_rule_compare(&r[3], &r[15]) < 0, "overdue < undelivered");

	/* laws over every pair and triple */
	for (i = 0; i < N; i++)
		for (j = 0; j < N; j++)
		{
			int			c = penalty_rule_compare(&r[i], &r[j]);

			if ((c == 0) != (memcmp(&r[i], &r[j], sizeof(PenaltyRule)) == 0))
				bad_eq++;
			if (sign(c) != -sign(penalty_rule_compare(&r[j], &r[i])))
				bad_anti++;
			for (k = 0; k < N; k++)
				if (c <= 0 && penalty_rule_compare(&r[j], &r[k]) <= 0 &&
					penalty_rule_compare(&r[i], &r[k]) > 0)
					bad_trans++;
		}
	is_int(bad_eq, 0, "compare is 0 exactly when the rules are equal in every byte (%d pairs)", N * N);
	is_int(bad_anti, 0, "compare(a, b) = -compare(b, a)");
	is_int(bad_trans, 0, "a <= b and b <= c give a <= c (%d triples)", N * N * N);
	return tap_done();
}
