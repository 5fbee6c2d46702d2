/*
 * test_penalty.c - penalty rules (违约金, 滞纳金): parse, format and check;
 * accrual and the annualised rate are in test_accrual.c.
 *
 * Every expected value below is worked out by hand in the comment next to it
 * from the documented semantics (penalty.h): rates are fractions x 1e9
 * (1% = 10,000,000), money is int64 fen.  None of the numbers is pasted from
 * output.
 */
#include "penalty_fixture.h"

int
main(void)
{
	/* ---------- the examples ---------- */

	/* 1% = 10,000,000; total = 1, overdue = 2; per day = 2, once = 1 */
	rule_ok("1% of total per day", PCT, 0, PR_BASIS_TOTAL, PR_PER_DAY, 0, 0, 0, 0, 0,
			"1% of total per day");
	rule_ok("1% of overdue per day", PCT, 0, PR_BASIS_OVERDUE, PR_PER_DAY, 0, 0, 0, 0, 0,
			"1% of overdue per day");
	/* no period: once, printed without period words */
	rule_ok("2% of overdue", 2 * PCT, 0, PR_BASIS_OVERDUE, PR_ONCE, 0, 0, 0, 0, 0,
			"2% of overdue");
	/* 0.05% = 0.0005 x 1e9 = 500,000; cap 30% = 300,000,000 */
	rule_ok("0.05% of overdue per day, grace 3 days, cap 30%", 500000, 0, PR_BASIS_OVERDUE,
			PR_PER_DAY, 0, PR_CAP_SHARE, 300000000, 3, 0,
			"0.05% of overdue per day, grace 3 days, cap 30%");
	/* LPR x 1.5 = multiplier 1500 */
	rule_ok("LPR×1.5 of overdue per year", 0, 1500, PR_BASIS_OVERDUE, PR_PER_YEAR, 0, 0, 0, 0, 0,
			"LPR×1.5 of overdue per year");
	rule_ok("合同总金额的1%/日", PCT, 0, PR_BASIS_TOTAL, PR_PER_DAY, 0, 0, 0, 0, 0,
			"1% of total per day");
	rule_ok("合同總金額1%/日", PCT, 0, PR_BASIS_TOTAL, PR_PER_DAY, 0, 0, 0, 0, 0,
			"1% of total per day");
	rule_ok("应付金额的1%/日", PCT, 0, PR_BASIS_OVERDUE, PR_PER_DAY, 0, 0, 0, 0, 0,
			"1% of overdue per day");
	/* 万分之五 = 5/10000 = 0.05%; the basis defaults to overdue */
	rule_ok("每日万分之五", 500000, 0, PR_BASIS_OVERDUE, PR_PER_DAY, 0, 0, 0, 0, 0,
			"0.05% of overdue per day");
	rule_ok("逾期付款金额的2%", 2 * PCT, 0, PR_BASIS_OVERDUE, PR_ONCE, 0, 0, 0, 0, 0,
			"2% of overdue");

	/* ---------- more accepted forms ---------- */

	rule_ok("LPR*1.5 of overdue per year", 0, 1500, 2, PR_PER_YEAR, 0, 0, 0, 0, 0,
			"LPR×1.5 of overdue per year");
	rule_ok("LPR x 1.5 per year", 0, 1500, 2, PR_PER_YEAR, 0, 0, 0, 0, 0,
			"LPR×1.5 of overdue per year");
	rule_ok("LPR的1.5倍/年", 0, 1500, 2, PR_PER_YEAR, 0, 0, 0, 0, 0,
			"LPR×1.5 of overdue per year");
	/* 两倍 = 2 = 2000 */
	rule_ok("逾期金额 LPR的两倍 每年", 0, 2000, 2, PR_PER_YEAR, 0, 0, 0, 0, 0,
			"LPR×2 of overdue per year");
	/* bare LPR is LPR x 1 */
	rule_ok("lpr per annum", 0, 1000, 2, PR_PER_YEAR, 0, 0, 0, 0, 0, "LPR×1 of overdue per year");
	/* 1.25 keeps both decimals: 1250 */
	rule_ok("LPR×1.25", 0, 1250, 2, PR_ONCE, 0, 0, 0, 0, 0, "LPR×1.25 of overdue");
	/* 千分之一 = 0.001 = 1,000,000 = 0.1% */
	rule_ok("千分之一", 1000000, 0, 2, PR_ONCE, 0, 0, 0, 0, 0, "0.1% of overdue");
	rule_ok("百分之二 合同总金额 每月", 2 * PCT, 0, 1, PR_PER_MONTH, 0, 0, 0, 0, 0,
			"2% of total per month");
	/* 0.0175% = 0.000175 = 175,000: all four decimals survive formatting */
	rule_ok("0.0175% of overdue per day", 175000, 0, 2, PR_PER_DAY, 0, 0, 0, 0, 0,
			"0.0175% of overdue per day");
	rule_ok("1.25% of total per week", 12500000, 0, 1, PR_PER_WEEK, 0, 0, 0, 0, 0,
			"1.25% of total per week");
	/* 0.0000001% is the smallest step: rate 1 */
	rule_ok("0.0000001%", 1, 0, 2, PR_ONCE, 0, 0, 0, 0, 0, "0.0000001% of overdue");
	/* trailing zeros beyond the 7 kept decimals are fine: 0.05% */
	rule_ok("0.050000000%", 500000, 0, 2, PR_ONCE, 0, 0, 0, 0, 0, "0.05% of overdue");
	/* 10000% = 100 = 1e11 = PR_RATE_MAX, the largest */
	rule_ok("10000%", INT64_C(100000000000), 0, 2, PR_ONCE, 0, 0, 0, 0, 0, "10000% of overdue");
	/* 万分之0.5 = 0.00005 = 50,000 = 0.005% */
	rule_ok("万分之0.5每日", 50000, 0, 2, PR_PER_DAY, 0, 0, 0, 0, 0, "0.005% of overdue per day");
	/* full-width digits, point and percent sign: 1.5% */
	rule_ok("１．５％ 未交付部分", 15000000, 0, 3, PR_ONCE, 0, 0, 0, 0, 0, "1.5% of undelivered");
	rule_ok("未交付部分的万分之五/日", 500000, 0, 3, PR_PER_DAY, 0, 0, 0, 0, 0,
			"0.05% of undelivered per day");
	rule_ok("1% OF TOTAL PER DAY", PCT, 0, 1, PR_PER_DAY, 0, 0, 0, 0, 0, "1% of total per day");
	rule_ok("1 % of total, once", PCT, 0, 1, PR_ONCE, 0, 0, 0, 0, 0, "1% of total");
	rule_ok("1%/working day", PCT, 0, 2, PR_PER_WORKING_DAY, 0, 0, 0, 0, 0,
			"1% of overdue per working day");
	rule_ok("3% per business day", 3 * PCT, 0, 2, PR_PER_WORKING_DAY, 0, 0, 0, 0, 0,
			"3% of overdue per working day");
	rule_ok("0.5% weekly", 5000000, 0, 2, PR_PER_WEEK, 0, 0, 0, 0, 0, "0.5% of overdue per week");
	rule_ok("18% annually", 18 * PCT, 0, 2, PR_PER_YEAR, 0, 0, 0, 0, 0, "18% of overdue per year");
	rule_ok("1% 日", PCT, 0, 2, PR_PER_DAY, 0, 0, 0, 0, 0, "1% of overdue per day");
	/* every separator, each between two parts, and a full stop at the end; cap 30% = 300,000,000, min 5 = 500 fen */
	rule_ok("1%, of total; per day， cap 30%、 min 5； grace 1 day: compound。", PCT, 0, 1, PR_PER_DAY,
			PR_FLAG_COMPOUND, PR_CAP_SHARE, 300000000, 1, 500,
			"1% of total per day, grace 1 day, cap 30%, min 5, compound");
	/* the old "every separator at once": 的 right before "of" waits for its part (where 3) */
	rule_err("1% 的 of , ; ， 、 ； total", PR_ERR_DANGLING, 3);
	/* parts in any order */
	rule_ok("per day, cap 30%, of total 1%", PCT, 0, 1, PR_PER_DAY, 0, PR_CAP_SHARE, 300000000,
			0, 0, "1% of total per day, cap 30%");
	/* cap 100000 yuan = 10,000,000 fen; an amount is printed without decimals when whole */
	rule_ok("1%, cap 100000", PCT, 0, 2, PR_ONCE, 0, PR_CAP_AMOUNT, 10000000, 0, 0,
			"1% of overdue, cap 100000");
	/* 1234.5 yuan = 123,450 fen, printed with two decimals */
	rule_ok("1% per day, cap 1234.5", PCT, 0, 2, PR_PER_DAY, 0, PR_CAP_AMOUNT, 123450, 0, 0,
			"1% of overdue per day, cap 1234.50");
	/* min 0.05 yuan = 5 fen */
	rule_ok("1% per day, min 0.05", PCT, 0, 2, PR_PER_DAY, 0, 0, 0, 0, 5,
			"1% of overdue per day, min 0.05");
	/* the largest amount: 10^15 yuan = 10^17 fen */
	rule_ok("1%, cap 1000000000000000, min 1000000000000000", PCT, 0, 2, PR_ONCE, 0,
			PR_CAP_AMOUNT, INT64_C(100000000000000000), 0, INT64_C(100000000000000000),
			"1% of overdue, cap 1000000000000000, min 1000000000000000");
	/* a cap share keeps 7 decimals too: 0.0123456% = 123,456 */
	rule_ok("1%, cap 0.0123456%", PCT, 0, 2, PR_ONCE, 0, PR_CAP_SHARE, 123456, 0, 0,
			"1% of overdue, cap 0.0123456%");
	/* Chinese options: grace 3, cap 30%, min 500 yuan = 50,000 fen, compound (flag 1) */
	rule_ok("宽限期3天 上限30% 最低500元 复利 1%/月", PCT, 0, 2, PR_PER_MONTH,
			PR_FLAG_COMPOUND, PR_CAP_SHARE, 300000000, 3, 50000,
			"1% of overdue per month, grace 3 days, cap 30%, min 500, compound");
	rule_ok("LPR的1.5倍 每年 浮动", 0, 1500, 2, PR_PER_YEAR, PR_FLAG_FLOATING, 0, 0, 0, 0,
			"LPR×1.5 of overdue per year, floating");
	rule_ok("LPR×1.5 of overdue per year, floating, compound", 0, 1500, 2, PR_PER_YEAR,
			PR_FLAG_FLOATING | PR_FLAG_COMPOUND, 0, 0, 0, 0,
			"LPR×1.5 of overdue per year, compound, floating");
	rule_ok("10% of undelivered per year, compounded", 10 * PCT, 0, 3, PR_PER_YEAR,
			PR_FLAG_COMPOUND, 0, 0, 0, 0, "10% of undelivered per year, compound");
	rule_ok("1% daily, grace 2 working days", PCT, 0, 2, PR_PER_DAY, PR_FLAG_GRACE_WORKING, 0, 0,
			2, 0, "1% of overdue per day, grace 2 working days");
	rule_ok("1% daily, grace 1 business day", PCT, 0, 2, PR_PER_DAY, PR_FLAG_GRACE_WORKING, 0, 0,
			1, 0, "1% of overdue per day, grace 1 working day");
	rule_ok("1% per day, grace 1 day", PCT, 0, 2, PR_PER_DAY, 0, 0, 0, 1, 0,
			"1% of overdue per day, grace 1 day");
	rule_ok("宽限期2个工作日 万分之五 每日", 500000, 0, 2, PR_PER_DAY, PR_FLAG_GRACE_WORKING, 0, 0,
			2, 0, "0.05% of overdue per day, grace 2 working days");
	/* 三 = 3 as a Chinese numeral */
	rule_ok("宽限期三日 每天 百分之一", PCT, 0, 2, PR_PER_DAY, 0, 0, 0, 3, 0,
			"1% of overdue per day, grace 3 days");
	rule_ok("1% per day, grace 100000 days", PCT, 0, 2, PR_PER_DAY, 0, 0, 0, 100000, 0,
			"1% of overdue per day, grace 100000 days");
	/* the longest canonical text still fits PR_TEXT_MAX */
	rule_ok("9999.9999999% of undelivered per working day, grace 99999 working days, "
			"cap 999999999999999.99, min 999999999999999.99",
			INT64_C(99999999999), 0, 3, PR_PER_WORKING_DAY, PR_FLAG_GRACE_WORKING,
			PR_CAP_AMOUNT, INT64_C(99999999999999999), 99999, INT64_C(99999999999999999),
			"9999.9999999% of undelivered per working day, grace 99999 working days, "
			"cap 999999999999999.99, min 999999999999999.99");

	/* a length shorter than the string: only "1%" is read */
	{
		PenaltyRule r;

		is_int(parse_exact("1% of total", 2, &r, NULL), PR_OK, "parse 2 bytes of \"1%% of total\"");
		ok(r.basis == PR_BASIS_OVERDUE && r.period == PR_ONCE && r.rate == PCT,
		   "2 bytes: 1%% of overdue, once");
		/* "1% of totally" cut after "total" is the word total */
		is_int(parse_exact("1% of totally", 11, &r, NULL), PR_OK, "parse 11 bytes of \"1%% of totally\"");
		is_int(r.basis, PR_BASIS_TOTAL, "11 bytes: basis total");
		/* a NUL byte is not a separator */
		is_int(parse_exact("1%\0 of total", 12, &r, NULL), PR_ERR_UNKNOWN_WORD, "NUL inside");
		/* where may be NULL; *out is left alone on failure */
		memset(&r, 0x5A, sizeof(r));
		is_int(penalty_rule_parse("1% foo", 6, &r, NULL), PR_ERR_UNKNOWN_WORD, "where NULL");
		ok(r.rate == INT64_C(0x5A5A5A5A5A5A5A5A), "*out untouched on failure");
	}

	/* ---------- rejected texts ---------- */

	rule_err("", PR_ERR_EMPTY, 0);
	rule_err("   ", PR_ERR_EMPTY, 0);
	rule_err(" \t\u3000 ", PR_ERR_EMPTY, 0);
	/* nothing but a basis, a period, options or separators: no rate */
	rule_err("of total per day", PR_ERR_NO_RATE, 0);
	rule_err("cap 30%", PR_ERR_NO_RATE, 0);
	rule_err("合同总金额", PR_ERR_NO_RATE, 0);
	/* separators alone: the first has no part before it */
	rule_err(", ; 的", PR_ERR_EMPTY_PART, 0);
	/* 万分之 without its number: where is just after 万分之 (9 bytes) */
	rule_err("万分之", PR_ERR_BAD_NUMBER, 9);
	rule_err("万分之 per day", PR_ERR_BAD_NUMBER, 9);
	/* 五五 and 十十 are malformed numerals */
	rule_err("万分之五五", PR_ERR_BAD_NUMBER, -1);
	rule_err("千分之十十", PR_ERR_BAD_NUMBER, -1);
	/* LPR× with nothing after: where is after × (3 + 2 bytes) */
	rule_err("LPR×", PR_ERR_BAD_NUMBER, 5);
	rule_err("LPR的", PR_ERR_BAD_NUMBER, 6);
	rule_err("LPR x abc", PR_ERR_BAD_NUMBER, 6);
	/* zero, negative, above 10000% */
	rule_err("0%", PR_ERR_RATE_RANGE, 0);
	rule_err("0.0000000% per day", PR_ERR_RATE_RANGE, -1);
	rule_err("-1%", PR_ERR_RATE_RANGE, 0);
	rule_err("-0.05% of overdue per day", PR_ERR_RATE_RANGE, -1);
	rule_err("10000.0000001%", PR_ERR_RATE_RANGE, 0);
	rule_err("20000% of total", PR_ERR_RATE_RANGE, -1);
	rule_err("99999999999999999999999%", PR_ERR_RATE_RANGE, -1);
	/* 二万 = 20000: 20000/100 = 200 = 20000% */
	rule_err("百分之二万", PR_ERR_RATE_RANGE, -1);
	rule_err("万分之零", PR_ERR_RATE_RANGE, -1);
	rule_err("LPR×0", PR_ERR_RATE_RANGE, 5);
	rule_err("LPR×101", PR_ERR_RATE_RANGE, -1);
	rule_err("LPR×100.001", PR_ERR_RATE_RANGE, -1);
	/* more decimals than kept */
	rule_err("0.00000001%", PR_ERR_PRECISION, 0);
	rule_err("1.123456789% per day", PR_ERR_PRECISION, -1);
	rule_err("LPR×1.0005", PR_ERR_PRECISION, 5);
	rule_err("万分之0.000001", PR_ERR_PRECISION, -1);
	rule_err("1% per day, cap 100.001", PR_ERR_PRECISION, -1);
	rule_err("1% per day, min 5.001", PR_ERR_PRECISION, -1);
	rule_err("1% per day, cap 30.00000001%", PR_ERR_PRECISION, -1);
	/* unknown words; where is where the word starts */
	rule_err("1% foo", PR_ERR_UNKNOWN_WORD, 3);
	rule_err("1% of totally", PR_ERR_UNKNOWN_WORD, 6);
	/*
	 * a number without % is not a rate: with no rate elsewhere the text has
	 * none; beside a rate, the number is reported just after it
	 */
	rule_err("1 of total", PR_ERR_NO_RATE, 0);
	rule_err("5 percent", PR_ERR_NO_RATE, 0);
	rule_err("1% 2", PR_ERR_UNKNOWN_WORD, 4);
	/* "LPRx1.5": the x right after LPR is the multiplication sign; 1.5 = 1500 */
	rule_ok("LPRx1.5", 0, 1500, PR_BASIS_OVERDUE, PR_ONCE, 0, 0, 0, 0, 0, "LPR×1.5 of overdue");
	/* "LPRxyz": a word, not a multiple, and so no rate */
	rule_err("LPRxyz", PR_ERR_NO_RATE, 0);
	/* any run of white space inside "per day" */
	rule_ok("1% per  day", PCT, 0, PR_BASIS_OVERDUE, PR_PER_DAY, 0, 0, 0, 0, 0, "1% of overdue per day");
	rule_ok("1% per\tworking   day", PCT, 0, PR_BASIS_OVERDUE, PR_PER_WORKING_DAY, 0, 0, 0, 0, 0,
			"1% of overdue per working day");
	rule_err("1% per fortnight", PR_ERR_UNKNOWN_WORD, 3);
	/* "1." is a number without a sign, "." a full stop, "％" a sign without a number: no rate */
	rule_err("1.％", PR_ERR_NO_RATE, 0);
	rule_err("1%\x01", PR_ERR_UNKNOWN_WORD, 2);
	rule_err("1% überfällig", PR_ERR_UNKNOWN_WORD, 3);
	/* one full stop may end the text; "!" may not (where 19) */
	rule_ok("1% of total per day.", PCT, 0, 1, PR_PER_DAY, 0, 0, 0, 0, 0, "1% of total per day");
	rule_err("1% of total per day!", PR_ERR_UNKNOWN_WORD, 19);
	/* duplicates; where is the second one */
	rule_err("1% 1%", PR_ERR_DUPLICATE, 3);
	rule_err("LPR 1%", PR_ERR_DUPLICATE, 4);
	rule_err("1% LPR×1.5", PR_ERR_DUPLICATE, 3);
	rule_err("万分之五 千分之一", PR_ERR_DUPLICATE, 13);
	rule_err("1% total overdue", PR_ERR_DUPLICATE, 9);
	/* 合同总金额 is 15 bytes */
	rule_err("合同总金额 应付金额 1%", PR_ERR_DUPLICATE, 16);
	rule_err("1% per day daily", PR_ERR_DUPLICATE, 11);
	rule_err("1% per day once", PR_ERR_DUPLICATE, 11);
	rule_err("1% cap 5% cap 6%", PR_ERR_DUPLICATE, 10);
	rule_err("1% min 5 min 6", PR_ERR_DUPLICATE, 9);
	rule_err("1% per day grace 1 day grace 2 days", PR_ERR_DUPLICATE, 23);
	rule_err("1% per month compound compound", PR_ERR_DUPLICATE, -1);
	rule_err("LPR per year floating floating", PR_ERR_DUPLICATE, -1);
	/* options without a valid value; where is the value */
	rule_err("1% cap 0", PR_ERR_BAD_OPTION, 7);
	rule_err("1% cap -5", PR_ERR_BAD_OPTION, 7);
	rule_err("1% cap", PR_ERR_BAD_OPTION, 6);
	rule_err("1% cap 0%", PR_ERR_BAD_OPTION, -1);
	rule_err("1% cap 20000%", PR_ERR_BAD_OPTION, 7);
	rule_err("1% cap 1000000000000000.01", PR_ERR_BAD_OPTION, -1);
	rule_err("1% grace days", PR_ERR_BAD_OPTION, 9);
	rule_err("1% grace 3", PR_ERR_BAD_OPTION, -1);
	rule_err("1% grace 3 weeks", PR_ERR_BAD_OPTION, -1);
	rule_err("1% grace 2.5 days", PR_ERR_BAD_OPTION, -1);
	rule_err("1% grace 100001 days", PR_ERR_BAD_OPTION, -1);
	rule_err("1% min", PR_ERR_BAD_OPTION, -1);
	rule_err("1% min 0", PR_ERR_BAD_OPTION, -1);
	rule_err("1% grace 0 working days", PR_ERR_BAD_OPTION, -1);
	/* compound on a one-off or per-working-day rule, floating on a fixed rate */
	rule_err("1% compound", PR_ERR_CONFLICT, -1);
	rule_err("2% of total once compound", PR_ERR_CONFLICT, -1);
	rule_err("1% per working day compound", PR_ERR_CONFLICT, -1);
	rule_err("万分之五/工作日 复利", PR_ERR_CONFLICT, -1);
	rule_err("1% per day floating", PR_ERR_CONFLICT, -1);

	/* ---------- format into small buffers ---------- */
	{
		PenaltyRule r = R("1% of total per day");
		char		buf[32];

		memset(buf, 'Z', sizeof(buf));
		is_int((int64_t) penalty_rule_format(&r, buf, 5), 4, "format into 5 bytes writes 4");
		is_str(buf, "1% o", "format into 5 bytes: \"1%% o\"");
		buf[0] = 'Z';
		is_int((int64_t) penalty_rule_format(&r, buf, 0), 0, "format into 0 bytes");
		ok(buf[0] == 'Z', "format into 0 bytes writes nothing");
		/* "1% of total per day" is 19 bytes: exactly fits 20 */
		is_int((int64_t) penalty_rule_format(&r, buf, 20), 19, "format exactly fitting");
		is_str(buf, "1% of total per day", "format exactly fitting text");
	}

	/* ---------- penalty_rule_check on binary structs ---------- */
	{
		PenaltyRule good = R("1% of overdue per day");
		PenaltyRule r;

#define CHK(field_stmt, expected, label) \
		do { r = good; field_stmt; is_int(penalty_rule_check(&r), expected, "check: %s", label); } while (0)

		CHK((void) 0, PR_OK, "1% per day");
		CHK(r.rate = 0, PR_ERR_RATE_RANGE, "no rate and no multiplier");
		CHK(r.lpr_mult = 1500, PR_ERR_RATE_RANGE, "both rate and multiplier");
		CHK(r.rate = -1, PR_ERR_RATE_RANGE, "negative rate");
		CHK(r.rate = PR_RATE_MAX + 1, PR_ERR_RATE_RANGE, "rate above 10000%");
		CHK(r.rate = PR_RATE_MAX, PR_OK, "rate 10000%");
		CHK((r.rate = 0, r.lpr_mult = -1), PR_ERR_RATE_RANGE, "negative multiplier");
		CHK((r.rate = 0, r.lpr_mult = 100001), PR_ERR_RATE_RANGE, "multiplier above 100");
		CHK((r.rate = 0, r.lpr_mult = 100000), PR_OK, "multiplier 100");
		CHK(r.basis = 0, PR_ERR_BAD_OPTION, "basis 0");
		CHK(r.basis = 4, PR_ERR_BAD_OPTION, "basis 4");
		CHK(r.period = 0, PR_ERR_BAD_OPTION, "period 0");
		CHK(r.period = 7, PR_ERR_BAD_OPTION, "period 7");
		CHK(r.reserved = 1, PR_ERR_BAD_OPTION, "reserved not zero");
		CHK(r.flags = 0x08, PR_ERR_BAD_OPTION, "unknown flag");
		CHK(r.cap_kind = 3, PR_ERR_BAD_OPTION, "cap kind 3");
		CHK(r.cap = 5, PR_ERR_BAD_OPTION, "cap value without a cap kind");
		CHK(r.cap_kind = PR_CAP_SHARE, PR_ERR_BAD_OPTION, "cap share 0");
		CHK((r.cap_kind = PR_CAP_SHARE, r.cap = PR_RATE_MAX + 1), PR_ERR_BAD_OPTION, "cap share above 10000%");
		CHK((r.cap_kind = PR_CAP_SHARE, r.cap = PR_RATE_MAX), PR_OK, "cap share 10000%");
		CHK((r.cap_kind = PR_CAP_AMOUNT, r.cap = -1), PR_ERR_BAD_OPTION, "cap amount negative");
		CHK((r.cap_kind = PR_CAP_AMOUNT, r.cap = INT64_C(100000000000000001)), PR_ERR_BAD_OPTION, "cap amount above 10^15 yuan");
		CHK((r.cap_kind = PR_CAP_AMOUNT, r.cap = INT64_C(100000000000000000)), PR_OK, "cap amount 10^15 yuan");
		CHK(r.grace = -1, PR_ERR_BAD_OPTION, "grace negative");
		CHK(r.grace = 100001, PR_ERR_BAD_OPTION, "grace above 100000");
		CHK(r.minimum = -1, PR_ERR_BAD_OPTION, "minimum negative");
		CHK(r.minimum = INT64_C(100000000000000001), PR_ERR_BAD_OPTION, "minimum above 10^15 yuan");
		CHK(r.flags = PR_FLAG_GRACE_WORKING, PR_ERR_BAD_OPTION, "working grace of 0 days");
		CHK((r.flags = PR_FLAG_GRACE_WORKING, r.grace = 2), PR_OK, "working grace of 2 days");
		CHK(r.flags = PR_FLAG_COMPOUND, PR_OK, "compound per day");
		CHK((r.flags = PR_FLAG_COMPOUND, r.period = PR_ONCE), PR_ERR_CONFLICT, "compound once");
		CHK((r.flags = PR_FLAG_COMPOUND, r.period = PR_PER_WORKING_DAY), PR_ERR_CONFLICT, "compound per working day");
		CHK(r.flags = PR_FLAG_FLOATING, PR_ERR_CONFLICT, "floating fixed rate");
		CHK((r.flags = PR_FLAG_FLOATING, r.rate = 0, r.lpr_mult = 1500), PR_OK, "floating LPR");
#undef CHK
	}

	return tap_done();
}
