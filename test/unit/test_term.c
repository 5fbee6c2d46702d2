/*
 * test_term.c - term_parse / term_format / term_check.
 *
 * Every expected value below is written by hand from the documented grammar
 * (term.h) and ordinary reading of the words; none is pasted from output.
 */
#include "tap.h"
#include "term.h"

#include <stdlib.h>


static const char *
status_name(TermStatus st)
{
	switch (st)
	{
		case TERM_OK: return "OK";
		case TERM_ERR_EMPTY: return "EMPTY";
		case TERM_ERR_NO_NUMBER: return "NO_NUMBER";
		case TERM_ERR_NO_UNIT: return "NO_UNIT";
		case TERM_ERR_UNKNOWN_UNIT: return "UNKNOWN_UNIT";
		case TERM_ERR_TRAILING: return "TRAILING";
		case TERM_ERR_NEGATIVE: return "NEGATIVE";
		case TERM_ERR_ZERO: return "ZERO";
		case TERM_ERR_OVERFLOW: return "OVERFLOW";
		case TERM_ERR_FRACTION: return "FRACTION";
		case TERM_ERR_BAD_UNIT_CODE: return "BAD_UNIT_CODE";
	}
	return "?";
}

/* Parse s (whole C string) and expect quantity/unit. */
static void
parse_ok(const char *s, int32_t quantity, int unit)
{
	Term		t = {0, 0};
	size_t		where = 999;
	TermStatus	st = term_parse(s, strlen(s), &t, &where);

	if (!is_str(status_name(st), "OK", "parse \"%s\" succeeds", esc(s)))
		return;
	is_int(t.quantity, quantity, "parse \"%s\" quantity", esc(s));
	is_int(t.unit, unit, "parse \"%s\" unit", esc(s));
}

/* Parse s (len bytes) and expect an error, and where (if where >= 0). */
static void
parse_err_len(const char *s, size_t len, TermStatus expected, long where_expected,
			  const char *label)
{
	Term		t = {0, 0};
	size_t		where = 999;
	TermStatus	st = term_parse(s, len, &t, &where);

	is_str(status_name(st), status_name(expected), "parse %s fails with %s",
		   label, status_name(expected));
	if (where_expected >= 0)
		is_int((int64_t) where, where_expected, "parse %s: where", label);
}

static void
parse_err(const char *s, TermStatus expected, long where_expected)
{
	char		label[128];

	snprintf(label, sizeof(label), "\"%s\"", esc(s));
	parse_err_len(s, strlen(s), expected, where_expected, label);
}

/* Parse, format, compare with the canonical text. */
static void
canon(const char *s, const char *expected)
{
	Term		t;
	char		buf[TERM_TEXT_MAX];
	size_t		n;

	if (!ok(term_parse(s, strlen(s), &t, NULL) == TERM_OK, "canon: parse \"%s\"", s))
		return;
	n = term_format(&t, buf, sizeof(buf));
	is_str(buf, expected, "canon: \"%s\" formats as \"%s\"", s, expected);
	is_int((int64_t) n, (int64_t) strlen(expected), "canon: \"%s\" length", s);
}

typedef struct Form
{
	const char *word;
	int			unit;
} Form;

int
main(void)
{
	size_t		i;

	/*
	 * Every English unit word, singular and plural, with "7 " in front.  The
	 * unit each names is what the word means: "hr" = hour, "workday" =
	 * working day, "business X" = "working X", "calendar day" = day.
	 */
	{
		static const Form en[] = {
			{"minute", TERM_MINUTES}, {"minutes", TERM_MINUTES},
			{"min", TERM_MINUTES}, {"mins", TERM_MINUTES},
			{"hour", TERM_HOURS}, {"hours", TERM_HOURS},
			{"hr", TERM_HOURS}, {"hrs", TERM_HOURS},
			{"day", TERM_DAYS}, {"days", TERM_DAYS},
			{"calendar day", TERM_DAYS}, {"calendar days", TERM_DAYS},
			{"week", TERM_WEEKS}, {"weeks", TERM_WEEKS},
			{"month", TERM_MONTHS}, {"months", TERM_MONTHS},
			{"year", TERM_YEARS}, {"years", TERM_YEARS},
			{"working minute", TERM_WORKING_MINUTES},
			{"working minutes", TERM_WORKING_MINUTES},
			{"working hour", TERM_WORKING_HOURS},
			{"working hours", TERM_WORKING_HOURS},
			{"working day", TERM_WORKING_DAYS},
			{"working days", TERM_WORKING_DAYS},
			{"business minute", TERM_WORKING_MINUTES},
			{"business minutes", TERM_WORKING_MINUTES},
			{"business hour", TERM_WORKING_HOURS},
			{"business hours", TERM_WORKING_HOURS},
			{"business day", TERM_WORKING_DAYS},
			{"business days", TERM_WORKING_DAYS},
			{"workday", TERM_WORKING_DAYS}, {"workdays", TERM_WORKING_DAYS},
		};

		for (i = 0; i < sizeof(en) / sizeof(en[0]); i++)
		{
			char		s[64];

			snprintf(s, sizeof(s), "7 %s", en[i].word);
			parse_ok(s, 7, en[i].unit);
		}
	}

	/* Case does not matter; several spaces between qualifier and noun. */
	parse_ok("10 Working DAYS", 10, TERM_WORKING_DAYS);
	parse_ok("10 BUSINESS  Hours", 10, TERM_WORKING_HOURS);
	parse_ok("3 MONTHS", 3, TERM_MONTHS);
	/* No space between number and unit is accepted. */
	parse_ok("10days", 10, TERM_DAYS);

	/*
	 * Every Chinese unit word, simplified and traditional, with and without
	 * the measure word 个/個: 工作日/工作天 = working day, 自然日/日历日 =
	 * calendar day, 小时/钟头 = hour, 分钟 = minute, 星期/周 = week, 个月 =
	 * month, 年 = year, 日/天 = day.
	 */
	{
		static const Form zh[] = {
			{"个工作小时", TERM_WORKING_HOURS}, {"個工作小時", TERM_WORKING_HOURS},
			{"工作小时", TERM_WORKING_HOURS}, {"工作小時", TERM_WORKING_HOURS},
			{"个工作分钟", TERM_WORKING_MINUTES}, {"個工作分鐘", TERM_WORKING_MINUTES},
			{"工作分钟", TERM_WORKING_MINUTES}, {"工作分鐘", TERM_WORKING_MINUTES},
			{"个工作日", TERM_WORKING_DAYS}, {"個工作日", TERM_WORKING_DAYS},
			{"个工作天", TERM_WORKING_DAYS}, {"個工作天", TERM_WORKING_DAYS},
			{"工作日", TERM_WORKING_DAYS}, {"工作天", TERM_WORKING_DAYS},
			{"个自然日", TERM_DAYS}, {"個自然日", TERM_DAYS}, {"自然日", TERM_DAYS},
			{"个日历日", TERM_DAYS}, {"個日曆日", TERM_DAYS},
			{"日历日", TERM_DAYS}, {"日曆日", TERM_DAYS},
			{"个小时", TERM_HOURS}, {"個小時", TERM_HOURS},
			{"小时", TERM_HOURS}, {"小時", TERM_HOURS},
			{"个钟头", TERM_HOURS}, {"個鐘頭", TERM_HOURS},
			{"钟头", TERM_HOURS}, {"鐘頭", TERM_HOURS},
			{"分钟", TERM_MINUTES}, {"分鐘", TERM_MINUTES},
			{"个星期", TERM_WEEKS}, {"個星期", TERM_WEEKS}, {"星期", TERM_WEEKS},
			{"个周", TERM_WEEKS}, {"個週", TERM_WEEKS},
			{"周", TERM_WEEKS}, {"週", TERM_WEEKS},
			{"个月", TERM_MONTHS}, {"個月", TERM_MONTHS},
			{"年", TERM_YEARS}, {"日", TERM_DAYS}, {"天", TERM_DAYS},
		};

		for (i = 0; i < sizeof(zh) / sizeof(zh[0]); i++)
		{
			char		s[64];

			snprintf(s, sizeof(s), "12%s", zh[i].word);
			parse_ok(s, 12, zh[i].unit);
			/* a space between number and unit is allowed too */
			snprintf(s, sizeof(s), "12 %s", zh[i].word);
			parse_ok(s, 12, zh[i].unit);
		}
	}

	/* The examples from the header. */
	parse_ok("10 working days", 10, TERM_WORKING_DAYS);
	parse_ok("10个工作日", 10, TERM_WORKING_DAYS);
	parse_ok("15天", 15, TERM_DAYS);
	parse_ok("3個月", 3, TERM_MONTHS);
	parse_ok("二十四小时", 24, TERM_HOURS);

	/* Full-width digits ０..９ (U+FF10..FF19). */
	parse_ok("１０天", 10, TERM_DAYS);
	parse_ok("１２３４５６７８９０ days", 1234567890, TERM_DAYS);
	parse_ok("1０个工作日", 10, TERM_WORKING_DAYS);	/* mixed widths */
	parse_ok("007 days", 7, TERM_DAYS);				/* leading zeros */

	/* Chinese numerals, values by reading them. */
	parse_ok("一天", 1, TERM_DAYS);
	parse_ok("十天", 10, TERM_DAYS);
	parse_ok("十五个工作日", 15, TERM_WORKING_DAYS);
	parse_ok("二十四小时", 24, TERM_HOURS);
	parse_ok("二十個工作日", 20, TERM_WORKING_DAYS);
	parse_ok("一百零五天", 105, TERM_DAYS);
	parse_ok("一百天", 100, TERM_DAYS);
	parse_ok("三百六十五天", 365, TERM_DAYS);
	parse_ok("两周", 2, TERM_WEEKS);
	parse_ok("兩個月", 2, TERM_MONTHS);
	parse_ok("两个小时", 2, TERM_HOURS);
	parse_ok("九十分钟", 90, TERM_MINUTES);
	parse_ok("一千零一天", 1001, TERM_DAYS);
	parse_ok("三万天", 30000, TERM_DAYS);
	parse_ok("十万天", 100000, TERM_DAYS);
	parse_ok("一万二千三百四十五天", 12345, TERM_DAYS);
	parse_ok("八年", 8, TERM_YEARS);
	parse_ok("七天", 7, TERM_DAYS);
	parse_ok("六个月", 6, TERM_MONTHS);
	parse_ok("十 days", 10, TERM_DAYS);	/* Chinese number, English unit */

	/* White space: ASCII, U+3000 ideographic, U+00A0, before/between/after. */
	parse_ok("  10 days  ", 10, TERM_DAYS);
	parse_ok("\t10\n days\r\f\v", 10, TERM_DAYS);
	parse_ok("\xE3\x80\x80" "10" "\xE3\x80\x80" "天" "\xE3\x80\x80", 10, TERM_DAYS);
	parse_ok("１０\xE3\x80\x80个工作日", 10, TERM_WORKING_DAYS);
	parse_ok("10\xC2\xA0" "days", 10, TERM_DAYS);
	parse_ok("10 working\xE3\x80\x80" "days", 10, TERM_WORKING_DAYS);

	/* Limits: 2147483647 is TERM_QUANTITY_MAX. */
	parse_ok("2147483647 days", 2147483647, TERM_DAYS);
	parse_ok("1 minute", 1, TERM_MINUTES);

	/*
	 * Errors and where.  Offsets are byte offsets counted by hand: "10 x"
	 * has the unit at 3; "  10 days x" has the junk at 10.
	 */
	parse_err("", TERM_ERR_EMPTY, 0);
	parse_err("   ", TERM_ERR_EMPTY, 0);
	parse_err("\xE3\x80\x80\t", TERM_ERR_EMPTY, 0);
	parse_err("days", TERM_ERR_NO_NUMBER, 0);
	parse_err("  days", TERM_ERR_NO_NUMBER, 2);
	parse_err("天", TERM_ERR_NO_NUMBER, 0);
	parse_err("-", TERM_ERR_NO_NUMBER, 1);
	parse_err("- x", TERM_ERR_NO_NUMBER, 2);
	parse_err("十十天", TERM_ERR_NO_NUMBER, 0);	/* malformed numeral */
	parse_err("一二天", TERM_ERR_NO_NUMBER, 0);	/* two digits in a row */
	parse_err("10", TERM_ERR_NO_UNIT, 2);
	parse_err("10   ", TERM_ERR_NO_UNIT, 5);
	parse_err("十五", TERM_ERR_NO_UNIT, 6);		/* 2 chars x 3 bytes */
	parse_err("10 x", TERM_ERR_UNKNOWN_UNIT, 3);
	parse_err("10 fortnights", TERM_ERR_UNKNOWN_UNIT, 3);
	parse_err("10 dayz", TERM_ERR_UNKNOWN_UNIT, 3);	/* whole-word match */
	parse_err("10 workingdays", TERM_ERR_UNKNOWN_UNIT, 3);
	parse_err("10 working", TERM_ERR_UNKNOWN_UNIT, 3);	/* qualifier alone */
	parse_err("10 working weeks", TERM_ERR_UNKNOWN_UNIT, 3);
	parse_err("10 calendar months", TERM_ERR_UNKNOWN_UNIT, 3);
	parse_err("3月", TERM_ERR_UNKNOWN_UNIT, 1);		/* "March", not a term */
	parse_err("3个", TERM_ERR_UNKNOWN_UNIT, 1);
	parse_err("十5天", TERM_ERR_UNKNOWN_UNIT, 3);
	parse_err("10 days x", TERM_ERR_TRAILING, 8);
	parse_err("  10 days x", TERM_ERR_TRAILING, 10);
	parse_err("10 days!", TERM_ERR_TRAILING, 7);
	parse_err("10 day s", TERM_ERR_TRAILING, 7);
	parse_err("10 day2", TERM_ERR_TRAILING, 6);
	parse_err("10 working days extra", TERM_ERR_TRAILING, 16);
	parse_err("10天x", TERM_ERR_TRAILING, 5);
	parse_err("10 days 5 hours", TERM_ERR_TRAILING, 8);
	parse_err("10 days天", TERM_ERR_TRAILING, 7);
	parse_err_len("10 days\0x", 9, TERM_ERR_TRAILING, 7, "\"10 days\\0x\" (NUL inside)");
	parse_err_len("10 daysXXX", 7, TERM_OK, -1, "first 7 bytes of \"10 daysXXX\"");
	parse_err("-5 days", TERM_ERR_NEGATIVE, -1);
	parse_err("- 5 days", TERM_ERR_NEGATIVE, -1);
	parse_err("－5天", TERM_ERR_NEGATIVE, -1);		/* full-width minus */
	parse_err("-2147483648 days", TERM_ERR_NEGATIVE, -1);
	parse_err("0 days", TERM_ERR_ZERO, -1);
	parse_err("00 days", TERM_ERR_ZERO, -1);
	parse_err("-0 days", TERM_ERR_ZERO, -1);
	parse_err("零天", TERM_ERR_ZERO, -1);
	parse_err("〇天", TERM_ERR_ZERO, -1);
	parse_err("０天", TERM_ERR_ZERO, -1);
	parse_err("2147483648 days", TERM_ERR_OVERFLOW, -1);
	parse_err("4294967296 days", TERM_ERR_OVERFLOW, -1);
	parse_err("99999999999999999999999999999999 days", TERM_ERR_OVERFLOW, -1);
	parse_err("２１４７４８３６４８天", TERM_ERR_OVERFLOW, -1);

	/* Fractions: whole numbers only; where points at the separator. */
	parse_err("1.5 days", TERM_ERR_FRACTION, 1);
	parse_err("1,5 days", TERM_ERR_FRACTION, 1);
	parse_err(" 12.25 working days", TERM_ERR_FRACTION, 3);
	parse_err("１．５天", TERM_ERR_FRACTION, 3);		/* full-width full stop */
	parse_err("1.５天", TERM_ERR_FRACTION, 1);
	parse_err("10. days", TERM_ERR_UNKNOWN_UNIT, 2);	/* no digit after '.' */
	parse_err("10 days.5", TERM_ERR_TRAILING, 7);

	/* A NULL where is allowed. */
	{
		Term		t;

		ok(term_parse("10 x", 4, &t, NULL) == TERM_ERR_UNKNOWN_UNIT, "NULL where on error");
		ok(term_parse("1 day", 5, &t, NULL) == TERM_OK && t.quantity == 1, "NULL where on success");
	}

	/* Canonical output: English, singular only for 1. */
	canon("1 day", "1 day");
	canon("2 day", "2 days");
	canon("1 days", "1 day");
	canon("10 business days", "10 working days");
	canon("10 Workdays", "10 working days");
	canon("1 workday", "1 working day");
	canon("10个工作日", "10 working days");
	canon("1个工作日", "1 working day");
	canon("15天", "15 days");
	canon("3個月", "3 months");
	canon("一个月", "1 month");
	canon("二十四小时", "24 hours");
	canon("1 hr", "1 hour");
	canon("90 mins", "90 minutes");
	canon("1 min", "1 minute");
	canon("2 calendar days", "2 days");
	canon("1 year", "1 year");
	canon("5年", "5 years");
	canon("两周", "2 weeks");
	canon("1 week", "1 week");
	canon("1 business hour", "1 working hour");
	canon("30个工作分钟", "30 working minutes");
	canon("1 working minute", "1 working minute");
	canon("2147483647 working minutes", "2147483647 working minutes");

	/* term_format into small buffers: truncated, always terminated. */
	{
		Term		t = {10, TERM_WORKING_DAYS};
		char		buf[16];

		memset(buf, 'Z', sizeof(buf));
		is_int((int64_t) term_format(&t, buf, 5), 4, "format into 5 bytes writes 4");
		is_str(buf, "10 w", "format into 5 bytes: \"10 w\"");
		is_int((int64_t) term_format(&t, buf, 1), 0, "format into 1 byte writes 0");
		is_str(buf, "", "format into 1 byte: empty string");
		buf[0] = 'Z';
		is_int((int64_t) term_format(&t, buf, 0), 0, "format into 0 bytes");
		ok(buf[0] == 'Z', "format into 0 bytes writes nothing");
		/* "10 working days" is 15 bytes: exactly fits 16 */
		is_int((int64_t) term_format(&t, buf, 16), 15, "format exactly fitting");
		is_str(buf, "10 working days", "format exactly fitting text");
	}

	/* term_check. */
	is_int(term_check(1, TERM_DAYS), TERM_OK, "check 1 day");
	is_int(term_check(2147483647, TERM_WORKING_DAYS), TERM_OK, "check max");
	is_int(term_check(2147483648LL, TERM_DAYS), TERM_ERR_OVERFLOW, "check max+1");
	is_int(term_check(INT64_MAX, TERM_DAYS), TERM_ERR_OVERFLOW, "check INT64_MAX");
	is_int(term_check(0, TERM_DAYS), TERM_ERR_ZERO, "check zero");
	is_int(term_check(-1, TERM_DAYS), TERM_ERR_NEGATIVE, "check -1");
	is_int(term_check(INT64_MIN, TERM_DAYS), TERM_ERR_NEGATIVE, "check INT64_MIN");
	is_int(term_check(5, 0), TERM_ERR_BAD_UNIT_CODE, "check unit 0");
	is_int(term_check(5, 10), TERM_ERR_BAD_UNIT_CODE, "check unit 10");
	is_int(term_check(5, -1), TERM_ERR_BAD_UNIT_CODE, "check unit -1");
	is_int(term_check(0, 99), TERM_ERR_BAD_UNIT_CODE, "check: unit is checked first");
	for (i = 1; i <= TERM_UNIT_MAX; i++)
		is_int(term_check(3, (int) i), TERM_OK, "check unit %d valid", (int) i);

	/* Unit names. */
	{
		static const char *const sing[] = {NULL, "minute", "hour", "day", "week",
			"month", "year", "working minute", "working hour", "working day"};
		static const char *const plur[] = {NULL, "minutes", "hours", "days", "weeks",
			"months", "years", "working minutes", "working hours", "working days"};

		for (i = 1; i <= 9; i++)
		{
			is_str(term_unit_name((int) i), sing[i], "unit name %d", (int) i);
			is_str(term_unit_plural((int) i), plur[i], "unit plural %d", (int) i);
		}
		ok(term_unit_name(0) == NULL && term_unit_name(10) == NULL &&
		   term_unit_plural(0) == NULL && term_unit_plural(-3) == NULL,
		   "unit names of invalid codes are NULL");
	}

	/* Unit classes: working = the three working units; dated = day or longer. */
	{
		/* minutes hours days weeks months years wmin whours wdays */
		static const bool working[] = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1};
		static const bool dated[] = {0, 0, 0, 1, 1, 1, 1, 0, 0, 1};

		for (i = 1; i <= 9; i++)
		{
			ok(term_unit_is_working((int) i) == working[i], "is_working(%d)", (int) i);
			ok(term_unit_is_dated((int) i) == dated[i], "is_dated(%d)", (int) i);
		}
	}

	return tap_done();
}
