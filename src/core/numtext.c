/*
 * numtext.c - numbers and spacing in contract text, shared by the parsers.
 */
#include "numtext.h"

#include <string.h>

/* Length of the white space at s (ASCII, U+3000 ideographic, U+00A0), 0 if none. */
size_t
nt_space_len(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *) s;

	if (len >= 1 && (u[0] == ' ' || u[0] == '\t' || u[0] == '\n' ||
					 u[0] == '\r' || u[0] == '\f' || u[0] == '\v'))
		return 1;
	if (len >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	if (len >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	return 0;
}

size_t
nt_skip_space(const char *s, size_t len, size_t pos)
{
	size_t		n;

	while (pos < len && (n = nt_space_len(s + pos, len - pos)) > 0)
		pos += n;
	return pos;
}

/* Value of an ASCII or full-width (０-９) digit at s, or -1; *n gets its length. */
int
nt_digit_at(const char *s, size_t len, size_t *n)
{
	const unsigned char *u = (const unsigned char *) s;

	if (len >= 1 && u[0] >= '0' && u[0] <= '9')
	{
		*n = 1;
		return u[0] - '0';
	}
	/* U+FF10..U+FF19 are EF BC 90..99 */
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99)
	{
		*n = 3;
		return u[2] - 0x90;
	}
	return -1;
}

typedef struct ChineseNumeral
{
	const char *text;
	int			value;			/* 0..9 digits; 10, 100, 1000, 10000 multipliers */
} ChineseNumeral;

static const ChineseNumeral chinese_numerals[] = {
	{"零", 0}, {"〇", 0}, {"一", 1}, {"二", 2}, {"两", 2}, {"兩", 2},
	{"三", 3}, {"四", 4}, {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8},
	{"九", 9}, {"十", 10}, {"百", 100}, {"千", 1000}, {"万", 10000},
	{"萬", 10000}, {NULL, 0}
};

static int
chinese_numeral_at(const char *s, size_t len, size_t *n)
{
	const ChineseNumeral *c;

	for (c = chinese_numerals; c->text; c++)
	{
		size_t		l = strlen(c->text);

		if (len >= l && memcmp(s, c->text, l) == 0)
		{
			*n = l;
			return c->value;
		}
	}
	return -1;
}

/*
 * Parse a Chinese numeral such as 十, 十五, 二十四, 一百零五, 三万.  Returns
 * the bytes consumed (0 if none).
 * Malformed sequences ("十十", "一二") set *malformed: the caller reports a
 * missing number rather than guess a value.
 */
size_t
nt_chinese_number(const char *s, size_t len, int64_t *value, bool *malformed)
{
	size_t		pos = 0;
	int64_t		total = 0;
	int64_t		section = 0;
	int			digit = -1;
	int			last_mult = 100000;	/* multipliers must fall within a section */
	bool		any = false;

	*malformed = false;
	while (pos < len)
	{
		size_t		n;
		int			v = chinese_numeral_at(s + pos, len - pos, &n);

		if (v < 0)
			break;
		if (v < 10)
		{
			if (digit > 0)
			{
				*malformed = true;	/* two digits in a row: "一二" */
				return pos + n;
			}
			digit = v;
		}
		else if (v < 10000)
		{
			if (v >= last_mult || digit == 0)
			{
				*malformed = true;
				return pos + n;
			}
			section += (int64_t) (digit < 0 ? 1 : digit) * v;
			digit = -1;
			last_mult = v;
		}
		else
		{
			if (total != 0)
			{
				*malformed = true;	/* only one 万 */
				return pos + n;
			}
			section += digit > 0 ? digit : 0;
			if (section == 0)
				section = 1;
			total = section * 10000;
			section = 0;
			digit = -1;
			last_mult = 10000;
		}
		any = true;
		pos += n;
	}
	if (!any)
		return 0;
	section += digit > 0 ? digit : 0;
	total += section;
	*value = total;
	return pos;
}

