/*
 * penalty_rule_parse.c - read a penalty rule from English or Chinese text.
 *
 * A token scanner: the parts of a rule (a rate, a basis, a period, options)
 * may come in any order, as they do in Chinese contract text, separated by
 * white space, commas or 的.
 */
#include "penalty_rule.h"
#include "numtext.h"

#include <string.h>

/* ---------- lexical helpers ---------- */

/*
 * Case-insensitive match of a word at pos; a space in the word matches any
 * run of white space ("per  day").  Returns the bytes consumed, 0 if none.  An
 * ASCII word must end at a word boundary: "totally" is not "total".
 */
static size_t
match_word(const char *s, size_t len, size_t pos, const char *w)
{
	size_t		l = strlen(w);
	size_t		i;
	size_t		p = pos;

	for (i = 0; i < l; i++)
	{
		if (w[i] == ' ')
		{
			size_t		n = nt_space_len(s + p, len - p);

			if (n == 0)
				return 0;
			p = nt_skip_space(s, len, p);
			continue;
		}
		if (p >= len || nt_lower((unsigned char) s[p]) != nt_lower((unsigned char) w[i]))
			return 0;
		p++;
	}
	if (nt_is_alpha((unsigned char) w[l - 1]) && p < len && nt_is_alpha((unsigned char) s[p]))
		return 0;
	return p - pos;
}

/* First matching word of a list; *which gets its value. */
typedef struct Word
{
	const char *w;
	int			value;
} Word;

static size_t
match_any(const char *s, size_t len, size_t pos, const Word *words, int *which)
{
	const Word *w;

	for (w = words; w->w; w++)
	{
		size_t		l = match_word(s, len, pos, w->w);

		if (l > 0)
		{
			*which = w->value;
			return l;
		}
	}
	return 0;
}

/* Separators between the parts of a rule. */
static size_t
separator_len(const char *s, size_t len, size_t pos)
{
	static const char *const seps[] = {",", ";", "，", "、", "；", "的", NULL};
	size_t		n = nt_space_len(s + pos, len - pos);
	int			i;

	if (n > 0)
		return n;
	for (i = 0; seps[i]; i++)
	{
		size_t		l = strlen(seps[i]);

		if (len - pos >= l && memcmp(s + pos, seps[i], l) == 0)
			return l;
	}
	return match_word(s, len, pos, "of");
}

/*
 * A decimal number (ASCII or full-width digits, '.' or '．') or a Chinese
 * numeral, scaled: value * 10^scale_digits, exact.  Returns bytes consumed
 * (0 if none); PR_ERR_PRECISION for more fractional digits than the scale
 * keeps (unless they are zeros), PR_ERR_RATE_RANGE above limit.
 */
static size_t
parse_decimal(const char *s, size_t len, size_t pos, int scale_digits, int64_t limit,
			  int64_t *value, PrStatus *st)
{
	size_t		start = pos;
	size_t		n;
	int			d;
	int64_t		v = 0;
	int			frac = 0;
	bool		any = false;
	bool		big = false;

	*st = PR_OK;
	if (nt_digit_at(s + pos, len - pos, &n) < 0)
	{
		int64_t		cv;
		bool		malformed;
		size_t		used = nt_chinese_number(s + pos, len - pos, &cv, &malformed);

		if (used == 0)
			return 0;
		if (malformed)
		{
			*st = PR_ERR_BAD_NUMBER;
			return used;
		}
		v = cv;
		for (frac = 0; frac < scale_digits; frac++)
		{
			if (v > limit)
				break;
			v *= 10;
		}
		if (v > limit || cv > limit)
			*st = PR_ERR_RATE_RANGE;
		*value = v;
		return used;
	}
	while ((d = nt_digit_at(s + pos, len - pos, &n)) >= 0)
	{
		if (v > limit)
			big = true;
		else
			v = v * 10 + d;
		pos += n;
		any = true;
	}
	if (pos < len && (s[pos] == '.' || (len - pos >= 3 && memcmp(s + pos, "．", 3) == 0)))
	{
		size_t		dot = s[pos] == '.' ? 1 : 3;

		if (nt_digit_at(s + pos + dot, len - pos - dot, &n) >= 0)
		{
			pos += dot;
			while ((d = nt_digit_at(s + pos, len - pos, &n)) >= 0)
			{
				if (frac < scale_digits)
				{
					if (v > limit)
						big = true;
					else
						v = v * 10 + d;
					frac++;
				}
				else if (d != 0)
					*st = PR_ERR_PRECISION;
				pos += n;
			}
		}
	}
	if (!any)
		return 0;
	for (; frac < scale_digits; frac++)
	{
		if (v > limit)
			big = true;
		else
			v *= 10;
	}
	if (big || v > limit)
		*st = PR_ERR_RATE_RANGE;
	*value = v;
	(void) start;
	return pos - start;
}

/* ---------- the grammar ---------- */

static const Word basis_words[] = {
	{"undelivered", PR_BASIS_UNDELIVERED}, {"overdue", PR_BASIS_OVERDUE}, {"total", PR_BASIS_TOTAL},
	{"合同总金额", PR_BASIS_TOTAL}, {"合同總金額", PR_BASIS_TOTAL}, {"合同总价款", PR_BASIS_TOTAL},
	{"合同總價款", PR_BASIS_TOTAL}, {"合同总价", PR_BASIS_TOTAL}, {"合同總價", PR_BASIS_TOTAL},
	{"合同金额", PR_BASIS_TOTAL}, {"合同金額", PR_BASIS_TOTAL}, {"总金额", PR_BASIS_TOTAL},
	{"總金額", PR_BASIS_TOTAL},
	{"逾期付款金额", PR_BASIS_OVERDUE}, {"逾期付款金額", PR_BASIS_OVERDUE},
	{"应付未付金额", PR_BASIS_OVERDUE}, {"應付未付金額", PR_BASIS_OVERDUE},
	{"应付金额", PR_BASIS_OVERDUE}, {"應付金額", PR_BASIS_OVERDUE},
	{"逾期金额", PR_BASIS_OVERDUE}, {"逾期金額", PR_BASIS_OVERDUE},
	{"欠款", PR_BASIS_OVERDUE}, {"未付款项", PR_BASIS_OVERDUE}, {"未付款項", PR_BASIS_OVERDUE},
	{"未交付部分", PR_BASIS_UNDELIVERED}, {"迟延交付部分", PR_BASIS_UNDELIVERED},
	{"遲延交付部分", PR_BASIS_UNDELIVERED},
	{NULL, 0}
};

/* Period words, longest first where one is a prefix of another. */
static const Word period_words[] = {
	{"per working day", PR_PER_WORKING_DAY}, {"per business day", PR_PER_WORKING_DAY},
	{"per day", PR_PER_DAY}, {"per week", PR_PER_WEEK}, {"per month", PR_PER_MONTH},
	{"per year", PR_PER_YEAR}, {"per annum", PR_PER_YEAR},
	{"daily", PR_PER_DAY}, {"weekly", PR_PER_WEEK}, {"monthly", PR_PER_MONTH},
	{"yearly", PR_PER_YEAR}, {"annually", PR_PER_YEAR}, {"once", PR_ONCE},
	{"/working day", PR_PER_WORKING_DAY}, {"/day", PR_PER_DAY}, {"/week", PR_PER_WEEK},
	{"/month", PR_PER_MONTH}, {"/year", PR_PER_YEAR},
	{"/工作日", PR_PER_WORKING_DAY}, {"每个工作日", PR_PER_WORKING_DAY}, {"每個工作日", PR_PER_WORKING_DAY},
	{"/日", PR_PER_DAY}, {"/天", PR_PER_DAY}, {"每日", PR_PER_DAY}, {"每天", PR_PER_DAY},
	{"按日", PR_PER_DAY}, {"日", PR_PER_DAY},
	{"/周", PR_PER_WEEK}, {"/週", PR_PER_WEEK}, {"每周", PR_PER_WEEK}, {"每週", PR_PER_WEEK},
	{"/月", PR_PER_MONTH}, {"每月", PR_PER_MONTH}, {"按月", PR_PER_MONTH},
	{"/年", PR_PER_YEAR}, {"每年", PR_PER_YEAR}, {"按年", PR_PER_YEAR}, {"年", PR_PER_YEAR},
	{"一次性", PR_ONCE},
	{NULL, 0}
};

#define OPT_GRACE 1
#define OPT_CAP 2
#define OPT_MIN 3
#define OPT_COMPOUND 4
#define OPT_FLOATING 5

static const Word option_words[] = {
	{"grace", OPT_GRACE}, {"宽限期", OPT_GRACE}, {"寬限期", OPT_GRACE}, {"宽限", OPT_GRACE}, {"寬限", OPT_GRACE},
	{"cap", OPT_CAP}, {"上限", OPT_CAP}, {"最高", OPT_CAP},
	{"minimum", OPT_MIN}, {"min", OPT_MIN}, {"最低", OPT_MIN},
	{"compounded", OPT_COMPOUND}, {"compound", OPT_COMPOUND}, {"复利", OPT_COMPOUND}, {"複利", OPT_COMPOUND},
	{"floating", OPT_FLOATING}, {"浮动", OPT_FLOATING}, {"浮動", OPT_FLOATING},
	{NULL, 0}
};

static const Word fraction_words[] = {
	{"万分之", 5}, {"萬分之", 5}, {"千分之", 6}, {"百分之", 7}, {NULL, 0}
};

/* Amount in minor units: a number with at most 2 decimals, optional 元. */

static size_t
parse_percent_sign(const char *s, size_t len, size_t pos)
{
	size_t		p = nt_skip_space(s, len, pos);

	if (p < len && s[p] == '%')
		return p + 1 - pos;
	if (len - p >= 3 && memcmp(s + p, "％", 3) == 0)
		return p + 3 - pos;
	return 0;
}

/* The parser's position and what it has found so far. */
typedef struct RuleParser
{
	const char *s;
	size_t		len;
	size_t		pos;
	size_t	   *where;			/* offset of the problem, for messages */
	PenaltyRule r;
	bool		have_rate;
	bool		have_basis;
	bool		have_period;
	bool		have_grace;
	bool		have_cap;
	bool		have_min;
} RuleParser;

/*
 * An amount in minor units at p (a number with at most two decimals and an
 * optional 元): caps and minimums.  *end gets the position after it.
 */
static PrStatus
parse_amount(const RuleParser *ps, size_t p, int64_t *value, size_t *end)
{
	PrStatus	st;
	size_t		m = parse_decimal(ps->s, ps->len, p, 2, PR_AMOUNT_MAX, value, &st);

	if (m > 0 && st == PR_ERR_PRECISION)
		return st;				/* more than 2 decimals */
	if (m == 0 || st != PR_OK || *value <= 0)
		return PR_ERR_BAD_OPTION;
	p += m;
	if (ps->len - p >= 3 && memcmp(ps->s + p, "元", 3) == 0)
		p += 3;
	*end = p;
	return PR_OK;
}

/* LPR, LPR×1.5, LPR*1.5, LPRx1.5, LPR的1.5倍: a multiple of the 1-year LPR; n is the length of "LPR". */
static PrStatus
parse_lpr_rate(RuleParser *ps, size_t n)
{
	const char *s = ps->s;
	size_t		len = ps->len;
	size_t		p = nt_skip_space(s, len, ps->pos + n);
	int64_t		mult = PR_MULT_SCALE;
	PrStatus	st;

	if (ps->have_rate)
		return PR_ERR_DUPLICATE;
	if (len - p >= 2 && memcmp(s + p, "×", 2) == 0)
		p += 2;
	else if (p < len && (s[p] == '*' || s[p] == 'x' || s[p] == 'X'))
		p += 1;
	else if (len - p >= 3 && memcmp(s + p, "的", 3) == 0)
		p += 3;
	else
		p = (size_t) -1;
	if (p != (size_t) -1)
	{
		size_t		m;

		p = nt_skip_space(s, len, p);
		*ps->where = p;
		m = parse_decimal(s, len, p, 3, INT64_C(100000), &mult, &st);
		if (m == 0)
			return PR_ERR_BAD_NUMBER;
		if (st != PR_OK)
			return st == PR_ERR_RATE_RANGE ? PR_ERR_RATE_RANGE : st;
		p += m;
		if (len - p >= 3 && memcmp(s + p, "倍", 3) == 0)
			p += 3;
		ps->pos = p;
	}
	else
		ps->pos += n;
	if (mult <= 0)
		return PR_ERR_RATE_RANGE;
	ps->r.lpr_mult = (int32_t) mult;
	ps->have_rate = true;
	return PR_OK;
}

/* A fixed rate v read up to end, with the status of its number. */
static PrStatus
set_fixed_rate(RuleParser *ps, int64_t v, PrStatus st, size_t end)
{
	if (st != PR_OK)
		return st;
	if (v <= 0)
		return PR_ERR_RATE_RANGE;
	ps->r.rate = v;
	ps->have_rate = true;
	ps->pos = end;
	return PR_OK;
}

/* 万分之五, 千分之三, 百分之一: a fraction word of n bytes, then its numerator. */
static PrStatus
parse_fraction_rate(RuleParser *ps, size_t n, int scale_digits)
{
	int64_t		v;
	PrStatus	st;
	size_t		m;

	if (ps->have_rate)
		return PR_ERR_DUPLICATE;
	*ps->where = ps->pos + n;
	m = parse_decimal(ps->s, ps->len, ps->pos + n, scale_digits, PR_RATE_MAX, &v, &st);
	if (m == 0)
		return PR_ERR_BAD_NUMBER;
	return set_fixed_rate(ps, v, st, ps->pos + n + m);
}

/* 1%, 0.05％: a number here is a percentage. */
static PrStatus
parse_percent_rate(RuleParser *ps)
{
	int64_t		v;
	PrStatus	st;
	size_t		m = parse_decimal(ps->s, ps->len, ps->pos, 7, PR_RATE_MAX, &v, &st);
	size_t		pct = parse_percent_sign(ps->s, ps->len, ps->pos + m);

	if (pct == 0)
	{
		*ps->where = ps->pos + m;
		return PR_ERR_UNKNOWN_WORD;
	}
	if (ps->have_rate)
		return PR_ERR_DUPLICATE;
	return set_fixed_rate(ps, v, st, ps->pos + m + pct);
}

/* grace 3 days, 宽限期5个工作日: p is where the number starts. */
static PrStatus
parse_grace(RuleParser *ps, size_t p)
{
	static const Word grace_units[] = {
		{"working days", 1}, {"working day", 1}, {"business days", 1},
		{"business day", 1}, {"个工作日", 1}, {"個工作日", 1}, {"工作日", 1},
		{"days", 0}, {"day", 0}, {"天", 0}, {"日", 0}, {NULL, 0}
	};
	int64_t		v;
	PrStatus	st;
	int			unit;
	size_t		m = parse_decimal(ps->s, ps->len, p, 0, 100000, &v, &st);
	size_t		u;

	if (m == 0 || st != PR_OK)
		return PR_ERR_BAD_OPTION;
	p = nt_skip_space(ps->s, ps->len, p + m);
	u = match_any(ps->s, ps->len, p, grace_units, &unit);
	if (u == 0)
		return PR_ERR_BAD_OPTION;
	if (unit)
		ps->r.flags |= PR_FLAG_GRACE_WORKING;
	ps->r.grace = (int32_t) v;
	ps->have_grace = true;
	ps->pos = p + u;
	return PR_OK;
}

/* cap 10%, cap 50000, 上限5万元: a share of the basis or an amount. */
static PrStatus
parse_cap(RuleParser *ps, size_t p)
{
	int64_t		v;
	PrStatus	st;
	size_t		m = parse_decimal(ps->s, ps->len, p, 7, PR_RATE_MAX, &v, &st);

	if (m > 0 && parse_percent_sign(ps->s, ps->len, p + m) > 0)
	{
		if (st == PR_ERR_PRECISION)
			return st;			/* more than 7 decimals */
		if (st != PR_OK || v <= 0)
			return PR_ERR_BAD_OPTION;
		ps->r.cap_kind = PR_CAP_SHARE;
		ps->r.cap = v;
		ps->pos = p + m + parse_percent_sign(ps->s, ps->len, p + m);
	}
	else
	{
		if ((st = parse_amount(ps, p, &v, &ps->pos)) != PR_OK)
			return st;
		ps->r.cap_kind = PR_CAP_AMOUNT;
		ps->r.cap = v;
	}
	ps->have_cap = true;
	return PR_OK;
}

/* An option word (grace, cap, minimum, compound, floating) of n bytes, and its value. */
static PrStatus
parse_option(RuleParser *ps, size_t n, int which)
{
	PenaltyRule *r = &ps->r;
	size_t		p = nt_skip_space(ps->s, ps->len, ps->pos + n);
	PrStatus	st;

	/* a repeated option is reported at its word, a bad value at the value */
	*ps->where = ps->pos;
	if ((which == OPT_GRACE && ps->have_grace) || (which == OPT_CAP && ps->have_cap) ||
		(which == OPT_MIN && ps->have_min) ||
		(which == OPT_COMPOUND && (r->flags & PR_FLAG_COMPOUND)) ||
		(which == OPT_FLOATING && (r->flags & PR_FLAG_FLOATING)))
		return PR_ERR_DUPLICATE;
	*ps->where = p;
	switch (which)
	{
		case OPT_GRACE:
			return parse_grace(ps, p);
		case OPT_CAP:
			return parse_cap(ps, p);
		case OPT_MIN:
			if ((st = parse_amount(ps, p, &r->minimum, &ps->pos)) != PR_OK)
				return st;
			ps->have_min = true;
			return PR_OK;
		case OPT_COMPOUND:
			r->flags |= PR_FLAG_COMPOUND;
			break;
		case OPT_FLOATING:
			r->flags |= PR_FLAG_FLOATING;
			break;
	}
	ps->pos += n;
	return PR_OK;
}

/* "LPRx1.5": the x is the multiplication sign, so "LPR" is not a whole word there. */
static size_t
lpr_word_len(const char *s, size_t len, size_t pos)
{
	size_t		n = match_word(s, len, pos, "LPR");
	size_t		m0;

	if (n == 0 && len - pos > 4 && nt_lower((unsigned char) s[pos]) == 'l' &&
		nt_lower((unsigned char) s[pos + 1]) == 'p' && nt_lower((unsigned char) s[pos + 2]) == 'r' &&
		(s[pos + 3] == 'x' || s[pos + 3] == 'X') && nt_digit_at(s + pos + 4, len - pos - 4, &m0) >= 0)
		n = 3;
	return n;
}

/* One part of a rule at ps->pos: a rate, a basis, a period or an option. */
static PrStatus
parse_part(RuleParser *ps)
{
	const char *s = ps->s;
	size_t		len = ps->len;
	size_t		pos = ps->pos;
	size_t		n;
	int			which;

	if ((n = lpr_word_len(s, len, pos)) > 0)
		return parse_lpr_rate(ps, n);
	if ((n = match_any(s, len, pos, fraction_words, &which)) > 0)
		return parse_fraction_rate(ps, n, which);
	if ((s[pos] == '-' || (len - pos >= 3 && memcmp(s + pos, "－", 3) == 0)) &&
		nt_digit_at(s + pos + (s[pos] == '-' ? 1 : 3), len - pos - (s[pos] == '-' ? 1 : 3), &n) >= 0)
		return PR_ERR_RATE_RANGE;	/* "-1%": a negative rate */
	if (nt_digit_at(s + pos, len - pos, &n) >= 0)
		return parse_percent_rate(ps);
	if ((n = match_any(s, len, pos, basis_words, &which)) > 0)
	{
		if (ps->have_basis)
			return PR_ERR_DUPLICATE;
		ps->r.basis = (uint8_t) which;
		ps->have_basis = true;
		ps->pos += n;
		return PR_OK;
	}
	if ((n = match_any(s, len, pos, period_words, &which)) > 0)
	{
		if (ps->have_period)
			return PR_ERR_DUPLICATE;
		ps->r.period = (uint8_t) which;
		ps->have_period = true;
		ps->pos += n;
		return PR_OK;
	}
	if ((n = match_any(s, len, pos, option_words, &which)) > 0)
		return parse_option(ps, n, which);
	return PR_ERR_UNKNOWN_WORD;
}

PrStatus
penalty_rule_parse(const char *s, size_t len, PenaltyRule *out, size_t *where)
{
	RuleParser	ps;
	size_t		dummy;
	PrStatus	st;

	memset(&ps, 0, sizeof(ps));
	ps.s = s;
	ps.len = len;
	ps.where = where ? where : &dummy;
	*ps.where = 0;
	if (nt_skip_space(s, len, 0) == len)
		return PR_ERR_EMPTY;

	while (ps.pos < len)
	{
		size_t		n;

		if ((n = separator_len(s, len, ps.pos)) > 0)
		{
			ps.pos += n;
			continue;
		}
		*ps.where = ps.pos;
		if ((st = parse_part(&ps)) != PR_OK)
			return st;
	}

	*ps.where = 0;
	if (!ps.have_rate)
		return PR_ERR_NO_RATE;
	if (!ps.have_basis)
		ps.r.basis = PR_BASIS_OVERDUE;
	if (!ps.have_period)
		ps.r.period = PR_ONCE;
	if ((st = penalty_rule_check(&ps.r)) != PR_OK)
		return st;
	*out = ps.r;
	return PR_OK;
}
