/*
 * term.c - parse and format contractual durations, in English and Chinese
 * (simplified and traditional).  Pure C: shared by the server glue, the unit
 * tests and the fuzzer.
 */
#include "term.h"
#include "numtext.h"

#include <string.h>

typedef struct UnitWord
{
	const char *word;
	uint8_t		unit;
} UnitWord;

/*
 * English unit words, matched case-insensitively as whole words.  A
 * qualifier ("working", "business", "calendar") joins the word after it.
 */
static const UnitWord english_units[] = {
	{"minute", TERM_MINUTES}, {"minutes", TERM_MINUTES},
	{"min", TERM_MINUTES}, {"mins", TERM_MINUTES},
	{"hour", TERM_HOURS}, {"hours", TERM_HOURS},
	{"hr", TERM_HOURS}, {"hrs", TERM_HOURS},
	{"day", TERM_DAYS}, {"days", TERM_DAYS},
	{"calendar day", TERM_DAYS}, {"calendar days", TERM_DAYS},
	{"week", TERM_WEEKS}, {"weeks", TERM_WEEKS},
	{"month", TERM_MONTHS}, {"months", TERM_MONTHS},
	{"year", TERM_YEARS}, {"years", TERM_YEARS},
	{"working minute", TERM_WORKING_MINUTES}, {"working minutes", TERM_WORKING_MINUTES},
	{"working hour", TERM_WORKING_HOURS}, {"working hours", TERM_WORKING_HOURS},
	{"working day", TERM_WORKING_DAYS}, {"working days", TERM_WORKING_DAYS},
	{"business minute", TERM_WORKING_MINUTES}, {"business minutes", TERM_WORKING_MINUTES},
	{"business hour", TERM_WORKING_HOURS}, {"business hours", TERM_WORKING_HOURS},
	{"business day", TERM_WORKING_DAYS}, {"business days", TERM_WORKING_DAYS},
	{"workday", TERM_WORKING_DAYS}, {"workdays", TERM_WORKING_DAYS},
	{NULL, 0}
};

/*
 * Chinese unit words, simplified and traditional, with or without the
 * measure word 个/個.  Matched longest first, so "工作日" wins over "日".
 */
static const UnitWord chinese_units[] = {
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
	{"个周", TERM_WEEKS}, {"個週", TERM_WEEKS}, {"周", TERM_WEEKS}, {"週", TERM_WEEKS},
	{"个月", TERM_MONTHS}, {"個月", TERM_MONTHS},
	{"年", TERM_YEARS},
	{"日", TERM_DAYS}, {"天", TERM_DAYS},
	{NULL, 0}
};

static const char *const unit_singular[] = {
	NULL, "minute", "hour", "day", "week", "month", "year",
	"working minute", "working hour", "working day"
};

static const char *const unit_plural[] = {
	NULL, "minutes", "hours", "days", "weeks", "months", "years",
	"working minutes", "working hours", "working days"
};

const char *
term_unit_name(int unit)
{
	return (unit >= 1 && unit <= TERM_UNIT_MAX) ? unit_singular[unit] : NULL;
}

const char *
term_unit_plural(int unit)
{
	return (unit >= 1 && unit <= TERM_UNIT_MAX) ? unit_plural[unit] : NULL;
}

TermStatus
term_check(int64_t quantity, int unit)
{
	if (unit < 1 || unit > TERM_UNIT_MAX)
		return TERM_ERR_BAD_UNIT_CODE;
	if (quantity < 0)
		return TERM_ERR_NEGATIVE;
	if (quantity == 0)
		return TERM_ERR_ZERO;
	if (quantity > TERM_QUANTITY_MAX)
		return TERM_ERR_OVERFLOW;
	return TERM_OK;
}

/* Length of the run of ASCII letters at pos. */
static size_t
word_len(const char *s, size_t len, size_t pos)
{
	size_t		end = pos;

	while (end < len && nt_is_alpha((unsigned char) s[end]))
		end++;
	return end - pos;
}

/* Case-insensitive comparison of a word (or two joined by one space) with an entry. */
static bool
word_equals(const char *w, size_t wl, const char *entry)
{
	size_t		i;

	if (strlen(entry) != wl)
		return false;
	for (i = 0; i < wl; i++)
		if (nt_lower((unsigned char) w[i]) != entry[i])
			return false;
	return true;
}

static int
lookup_english(const char *w, size_t wl)
{
	const UnitWord *u;

	for (u = english_units; u->word; u++)
		if (word_equals(w, wl, u->word))
			return u->unit;
	return TERM_UNIT_INVALID;
}

static bool
is_qualifier(const char *w, size_t wl)
{
	return word_equals(w, wl, "working") || word_equals(w, wl, "business") ||
		word_equals(w, wl, "calendar");
}

/*
 * Match an English unit at pos.  Returns the unit (or TERM_UNIT_INVALID) and
 * sets *end just past the words that make it up.
 */
static int
match_english(const char *s, size_t len, size_t pos, size_t *end)
{
	size_t		wl = word_len(s, len, pos);

	*end = pos + wl;
	if (is_qualifier(s + pos, wl))
	{
		/* "working days": join the qualifier and the next word */
		size_t		next = nt_skip_space(s, len, pos + wl);
		size_t		wl2 = word_len(s, len, next);
		char		joined[40];

		*end = next + wl2;
		if (wl2 == 0 || wl + 1 + wl2 >= sizeof(joined))
			return TERM_UNIT_INVALID;
		memcpy(joined, s + pos, wl);
		joined[wl] = ' ';
		memcpy(joined + wl + 1, s + next, wl2);
		return lookup_english(joined, wl + 1 + wl2);
	}
	return lookup_english(s + pos, wl);
}

static int
match_chinese(const char *s, size_t len, size_t pos, size_t *end)
{
	const UnitWord *u;

	/* the table lists longer words before their suffixes/prefixes */
	for (u = chinese_units; u->word; u++)
	{
		size_t		l = strlen(u->word);

		if (len - pos >= l && memcmp(s + pos, u->word, l) == 0)
		{
			*end = pos + l;
			return u->unit;
		}
	}
	*end = pos;
	return TERM_UNIT_INVALID;
}

TermStatus
term_parse(const char *s, size_t len, Term *out, size_t *where)
{
	size_t		pos;
	size_t		n;
	size_t		unit_end;
	int64_t		quantity = 0;
	bool		negative = false;
	int			unit;
	int			d;
	size_t		dummy;

	if (where == NULL)
		where = &dummy;
	*where = 0;

	pos = nt_skip_space(s, len, 0);
	if (pos == len)
		return TERM_ERR_EMPTY;

	/* a sign: '-' or full-width '－' (EF BC 8D) */
	if (s[pos] == '-')
	{
		negative = true;
		pos = nt_skip_space(s, len, pos + 1);
	}
	else if (len - pos >= 3 && memcmp(s + pos, "\xEF\xBC\x8D", 3) == 0)
	{
		negative = true;
		pos = nt_skip_space(s, len, pos + 3);
	}

	*where = pos;
	if ((d = nt_digit_at(s + pos, len - pos, &n)) >= 0)
	{
		while ((d = nt_digit_at(s + pos, len - pos, &n)) >= 0)
		{
			if (quantity <= TERM_QUANTITY_MAX)
				quantity = quantity * 10 + d;
			pos += n;
		}
		/* "1.5 days", "1,5 days", "1．5天": say so rather than "unknown unit" */
		if (pos < len && (s[pos] == '.' || s[pos] == ','))
		{
			if (nt_digit_at(s + pos + 1, len - pos - 1, &n) >= 0)
			{
				*where = pos;
				return TERM_ERR_FRACTION;
			}
		}
		else if (len - pos >= 3 && memcmp(s + pos, "\xEF\xBC\x8E", 3) == 0 &&
				 nt_digit_at(s + pos + 3, len - pos - 3, &n) >= 0)
		{
			*where = pos;
			return TERM_ERR_FRACTION;
		}
	}
	else
	{
		bool		malformed;
		size_t		used = nt_chinese_number(s + pos, len - pos, &quantity, &malformed);

		if (used == 0)
			return TERM_ERR_NO_NUMBER;
		if (malformed)
			return TERM_ERR_NO_NUMBER;
		pos += used;
	}

	pos = nt_skip_space(s, len, pos);
	if (pos == len)
	{
		*where = pos;
		return TERM_ERR_NO_UNIT;
	}

	*where = pos;
	if (nt_is_alpha((unsigned char) s[pos]))
		unit = match_english(s, len, pos, &unit_end);
	else
		unit = match_chinese(s, len, pos, &unit_end);
	if (unit == TERM_UNIT_INVALID)
		return TERM_ERR_UNKNOWN_UNIT;

	/* an English word must end at a word boundary: "10 dayz" is unknown */
	pos = nt_skip_space(s, len, unit_end);
	if (pos < len)
	{
		*where = pos;
		return TERM_ERR_TRAILING;
	}

	if (negative && quantity > 0)
		return TERM_ERR_NEGATIVE;
	{
		TermStatus	st = term_check(quantity, unit);

		if (st != TERM_OK)
			return st;
	}
	out->quantity = (int32_t) quantity;
	out->unit = (uint8_t) unit;
	return TERM_OK;
}

size_t
term_format(const Term *t, char *buf, size_t bufsize)
{
	const char *word = (t->quantity == 1) ? term_unit_name(t->unit) : term_unit_plural(t->unit);
	char		digits[16];
	size_t		nd = 0;
	size_t		pos = 0;
	size_t		wl;
	uint32_t	q = (uint32_t) t->quantity;

	if (bufsize == 0)
		return 0;
	if (word == NULL)
		word = "?";
	do
	{
		digits[nd++] = (char) ('0' + q % 10);
		q /= 10;
	} while (q > 0 && nd < sizeof(digits));
	while (nd > 0 && pos + 1 < bufsize)
		buf[pos++] = digits[--nd];
	if (pos + 1 < bufsize)
		buf[pos++] = ' ';
	wl = strlen(word);
	if (pos + wl >= bufsize)
		wl = bufsize - 1 - pos;
	memcpy(buf + pos, word, wl);
	pos += wl;
	buf[pos] = '\0';
	return pos;
}
