/*
 * penalty.c - parse, format and accrue penalty rules (违约金, 滞纳金).
 *
 * A rule is a rate (a percentage, 万分之五, or a multiple of the 1-year LPR),
 * a basis (total, overdue, undelivered), a period (once, per day, per working
 * day, per week/month/year) and options (grace, cap, minimum, compound,
 * floating).  Accrual is exact: int64 minor units, rates scaled by 1e9,
 * __int128 products, each period's amount rounded once to the fen, half up.
 */
#include "penalty.h"
#include "numtext.h"

#include <string.h>

typedef __int128 i128;

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
#define AMOUNT_LIMIT INT64_C(100000000000000000)	/* 10^15 yuan in fen */

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

PrStatus
penalty_rule_parse(const char *s, size_t len, PenaltyRule *out, size_t *where)
{
	PenaltyRule r;
	size_t		pos = 0;
	bool		have_rate = false,
				have_basis = false,
				have_period = false,
				have_grace = false,
				have_cap = false,
				have_min = false;
	size_t		dummy;
	PrStatus	st;

	if (where == NULL)
		where = &dummy;
	memset(&r, 0, sizeof(r));
	*where = 0;

	if (nt_skip_space(s, len, 0) == len)
		return PR_ERR_EMPTY;

	while (pos < len)
	{
		size_t		n;
		size_t		m0;
		int			which;
		int64_t		v;

		if ((n = separator_len(s, len, pos)) > 0)
		{
			pos += n;
			continue;
		}
		*where = pos;

		/* a rate: 1%, 0.05%, 万分之五, LPR×1.5 */
		n = match_word(s, len, pos, "LPR");
		if (n == 0 && len - pos > 4 && nt_lower((unsigned char) s[pos]) == 'l' &&
			nt_lower((unsigned char) s[pos + 1]) == 'p' && nt_lower((unsigned char) s[pos + 2]) == 'r' &&
			(s[pos + 3] == 'x' || s[pos + 3] == 'X') && nt_digit_at(s + pos + 4, len - pos - 4, &m0) >= 0)
			n = 3;				/* "LPRx1.5": the x is the multiplication sign */
		if (n > 0)
		{
			size_t		p = nt_skip_space(s, len, pos + n);
			int64_t		mult = PR_MULT_SCALE;

			if (have_rate)
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
				p = nt_skip_space(s, len, p);
				*where = p;
				n = parse_decimal(s, len, p, 3, INT64_C(100000), &mult, &st);
				if (n == 0)
					return PR_ERR_BAD_NUMBER;
				if (st != PR_OK)
					return st == PR_ERR_RATE_RANGE ? PR_ERR_RATE_RANGE : st;
				p += n;
				if (len - p >= 3 && memcmp(s + p, "倍", 3) == 0)
					p += 3;
				pos = p;
			}
			else
				pos += n;
			if (mult <= 0)
				return PR_ERR_RATE_RANGE;
			r.lpr_mult = (int32_t) mult;
			have_rate = true;
			continue;
		}
		if ((n = match_any(s, len, pos, fraction_words, &which)) > 0)
		{
			size_t		m;

			if (have_rate)
				return PR_ERR_DUPLICATE;
			*where = pos + n;
			m = parse_decimal(s, len, pos + n, which, PR_RATE_MAX, &v, &st);
			if (m == 0)
				return PR_ERR_BAD_NUMBER;
			if (st != PR_OK)
				return st;
			if (v <= 0)
				return PR_ERR_RATE_RANGE;
			r.rate = v;
			have_rate = true;
			pos += n + m;
			continue;
		}
		if ((s[pos] == '-' || (len - pos >= 3 && memcmp(s + pos, "－", 3) == 0)) &&
			nt_digit_at(s + pos + (s[pos] == '-' ? 1 : 3), len - pos - (s[pos] == '-' ? 1 : 3), &n) >= 0)
			return PR_ERR_RATE_RANGE;	/* "-1%": a negative rate */
		if (nt_digit_at(s + pos, len - pos, &n) >= 0)
		{
			/* a number here is a percentage */
			size_t		m = parse_decimal(s, len, pos, 7, PR_RATE_MAX, &v, &st);
			size_t		pct = parse_percent_sign(s, len, pos + m);

			if (pct == 0)
			{
				*where = pos + m;
				return PR_ERR_UNKNOWN_WORD;
			}
			if (have_rate)
				return PR_ERR_DUPLICATE;
			if (st != PR_OK)
				return st;
			if (v <= 0)
				return PR_ERR_RATE_RANGE;
			r.rate = v;
			have_rate = true;
			pos += m + pct;
			continue;
		}
		if ((n = match_any(s, len, pos, basis_words, &which)) > 0)
		{
			if (have_basis)
				return PR_ERR_DUPLICATE;
			r.basis = (uint8_t) which;
			have_basis = true;
			pos += n;
			continue;
		}
		if ((n = match_any(s, len, pos, period_words, &which)) > 0)
		{
			if (have_period)
				return PR_ERR_DUPLICATE;
			r.period = (uint8_t) which;
			have_period = true;
			pos += n;
			continue;
		}
		if ((n = match_any(s, len, pos, option_words, &which)) > 0)
		{
			size_t		p = nt_skip_space(s, len, pos + n);
			size_t		m;

			/* a repeated option is reported at its word, a bad value at the value */
			*where = pos;
			if ((which == OPT_GRACE && have_grace) || (which == OPT_CAP && have_cap) ||
				(which == OPT_MIN && have_min) ||
				(which == OPT_COMPOUND && (r.flags & PR_FLAG_COMPOUND)) ||
				(which == OPT_FLOATING && (r.flags & PR_FLAG_FLOATING)))
				return PR_ERR_DUPLICATE;
			*where = p;
			switch (which)
			{
				case OPT_GRACE:
					m = parse_decimal(s, len, p, 0, 100000, &v, &st);
					if (m == 0 || st != PR_OK)
						return PR_ERR_BAD_OPTION;
					p = nt_skip_space(s, len, p + m);
					{
						int			unit;
						static const Word grace_units[] = {
							{"working days", 1}, {"working day", 1}, {"business days", 1},
							{"business day", 1}, {"个工作日", 1}, {"個工作日", 1}, {"工作日", 1},
							{"days", 0}, {"day", 0}, {"天", 0}, {"日", 0}, {NULL, 0}
						};
						size_t		u = match_any(s, len, p, grace_units, &unit);

						if (u == 0)
							return PR_ERR_BAD_OPTION;
						if (unit)
							r.flags |= PR_FLAG_GRACE_WORKING;
						p += u;
					}
					r.grace = (int32_t) v;
					have_grace = true;
					pos = p;
					break;
				case OPT_CAP:
					m = parse_decimal(s, len, p, 7, PR_RATE_MAX, &v, &st);
					if (m > 0 && parse_percent_sign(s, len, p + m) > 0)
					{
						if (st == PR_ERR_PRECISION)
							return st;	/* more than 7 decimals */
						if (st != PR_OK || v <= 0)
							return PR_ERR_BAD_OPTION;
						r.cap_kind = PR_CAP_SHARE;
						r.cap = v;
						pos = p + m + parse_percent_sign(s, len, p + m);
					}
					else
					{
						m = parse_decimal(s, len, p, 2, AMOUNT_LIMIT, &v, &st);
						if (m > 0 && st == PR_ERR_PRECISION)
							return st;	/* more than 2 decimals */
						if (m == 0 || st != PR_OK || v <= 0)
							return PR_ERR_BAD_OPTION;
						r.cap_kind = PR_CAP_AMOUNT;
						r.cap = v;
						pos = p + m;
						if (len - pos >= 3 && memcmp(s + pos, "元", 3) == 0)
							pos += 3;
					}
					have_cap = true;
					break;
				case OPT_MIN:
					m = parse_decimal(s, len, p, 2, AMOUNT_LIMIT, &v, &st);
					if (m > 0 && st == PR_ERR_PRECISION)
						return st;	/* more than 2 decimals */
					if (m == 0 || st != PR_OK || v <= 0)
						return PR_ERR_BAD_OPTION;
					r.minimum = v;
					have_min = true;
					pos = p + m;
					if (len - pos >= 3 && memcmp(s + pos, "元", 3) == 0)
						pos += 3;
					break;
				case OPT_COMPOUND:
					r.flags |= PR_FLAG_COMPOUND;
					pos += n;
					break;
				case OPT_FLOATING:
					r.flags |= PR_FLAG_FLOATING;
					pos += n;
					break;
			}
			continue;
		}
		return PR_ERR_UNKNOWN_WORD;
	}

	*where = 0;
	if (!have_rate)
		return PR_ERR_NO_RATE;
	if (!have_basis)
		r.basis = PR_BASIS_OVERDUE;
	if (!have_period)
		r.period = PR_ONCE;
	if ((st = penalty_rule_check(&r)) != PR_OK)
		return st;
	*out = r;
	return PR_OK;
}

PrStatus
penalty_rule_check(const PenaltyRule *r)
{
	if ((r->rate == 0) == (r->lpr_mult == 0))
		return PR_ERR_RATE_RANGE;
	if (r->rate < 0 || r->rate > PR_RATE_MAX || r->lpr_mult < 0 || r->lpr_mult > 100000)
		return PR_ERR_RATE_RANGE;
	if (r->basis < PR_BASIS_TOTAL || r->basis > PR_BASIS_UNDELIVERED ||
		r->period < PR_ONCE || r->period > PR_PER_YEAR || r->reserved != 0 ||
		(r->flags & ~(PR_FLAG_COMPOUND | PR_FLAG_GRACE_WORKING | PR_FLAG_FLOATING)) != 0 ||
		r->cap_kind > PR_CAP_AMOUNT)
		return PR_ERR_BAD_OPTION;
	if (r->grace < 0 || r->grace > 100000 || r->minimum < 0 || r->minimum > AMOUNT_LIMIT ||
		(r->cap_kind == PR_CAP_NONE && r->cap != 0) ||
		(r->cap_kind == PR_CAP_SHARE && (r->cap <= 0 || r->cap > PR_RATE_MAX)) ||
		(r->cap_kind == PR_CAP_AMOUNT && (r->cap <= 0 || r->cap > AMOUNT_LIMIT)) ||
		((r->flags & PR_FLAG_GRACE_WORKING) && r->grace == 0))
		return PR_ERR_BAD_OPTION;
	if ((r->flags & PR_FLAG_COMPOUND) && (r->period == PR_ONCE || r->period == PR_PER_WORKING_DAY))
		return PR_ERR_CONFLICT;
	if ((r->flags & PR_FLAG_FLOATING) && r->lpr_mult == 0)
		return PR_ERR_CONFLICT;
	return PR_OK;
}

/* ---------- binary wire form ---------- */

size_t
penalty_rule_encode(const PenaltyRule *r, uint8_t *buf)
{
	buf[0] = PR_WIRE_VERSION;
	wire_put64(buf + 1, (uint64_t) r->rate);
	wire_put32(buf + 9, (uint32_t) r->lpr_mult);
	buf[13] = r->basis;
	buf[14] = r->period;
	buf[15] = r->flags;
	buf[16] = r->cap_kind;
	wire_put32(buf + 17, (uint32_t) r->grace);
	wire_put64(buf + 21, (uint64_t) r->cap);
	wire_put64(buf + 29, (uint64_t) r->minimum);
	return PR_WIRE_LEN;
}

WireStatus
penalty_rule_decode(const uint8_t *buf, size_t len, PenaltyRule *out, WireDetail *detail)
{
	WireDetail	dummy;
	WireReader	rd = {buf, len, 0, 0};
	const uint8_t *f[10];
	/* field sizes in wire order, the version byte first */
	static const size_t size[10] = {1, 8, 4, 1, 1, 1, 1, 4, 8, 8};
	int			i;
	PrStatus	st;

	if (detail == NULL)
		detail = &dummy;
	memset(detail, 0, sizeof(*detail));
	memset(out, 0, sizeof(*out));	/* reserved and the padding stay zero */
	for (i = 0; i < 10; i++)
	{
		if ((f[i] = wire_take(&rd, size[i])) == NULL)
		{
			detail->missing = rd.missing;
			return WIRE_SHORT;
		}
		if (i == 0 && *f[0] != PR_WIRE_VERSION)
		{
			detail->version = *f[0];
			return WIRE_BAD_VERSION;
		}
	}
	out->rate = (int64_t) wire_get64(f[1]);
	out->lpr_mult = (int32_t) wire_get32(f[2]);
	out->basis = *f[3];
	out->period = *f[4];
	out->flags = *f[5];
	out->cap_kind = *f[6];
	out->grace = (int32_t) wire_get32(f[7]);
	out->cap = (int64_t) wire_get64(f[8]);
	out->minimum = (int64_t) wire_get64(f[9]);
	if ((st = penalty_rule_check(out)) != PR_OK)
	{
		detail->check = (int) st;
		return WIRE_INVALID;
	}
	return rd.pos == len ? WIRE_OK : WIRE_TRAILING;
}

/* ---------- canonical text ---------- */

typedef struct Out
{
	char	   *buf;
	size_t		size;
	size_t		pos;
} Out;

static void
put(Out *o, const char *s)
{
	size_t		l = strlen(s);

	if (o->pos + l >= o->size)
		l = o->size > o->pos + 1 ? o->size - o->pos - 1 : 0;
	memcpy(o->buf + o->pos, s, l);
	o->pos += l;
	o->buf[o->pos] = '\0';
}

/* v / 10^scale with the trailing zeros of the fraction dropped. */
static void
put_scaled(Out *o, int64_t v, int scale)
{
	char		digits[32];
	char		text[40];
	int			n = 0,
				i,
				t = 0,
				intdigits;
	uint64_t	u = (uint64_t) v;

	do
	{
		digits[n++] = (char) ('0' + u % 10);
		u /= 10;
	} while (u > 0);
	while (n <= scale)
		digits[n++] = '0';
	intdigits = n - scale;
	for (i = n - 1; i >= n - intdigits; i--)
		text[t++] = digits[i];
	{
		int			last = -1;

		/* the lowest non-zero fraction digit ends the text */
		for (i = 0; i < scale; i++)
			if (digits[i] != '0')
			{
				last = i;
				break;
			}
		if (last >= 0)
		{
			text[t++] = '.';
			for (i = scale - 1; i >= last; i--)
				text[t++] = digits[i];
		}
	}
	text[t] = '\0';
	put(o, text);
}

/* An amount in minor units: whole yuan without decimals, else two. */
static void
put_amount(Out *o, int64_t v)
{
	if (v % 100 == 0)
		put_scaled(o, v / 100, 0);
	else
	{
		char		cents[4];

		put_scaled(o, v / 100, 0);
		cents[0] = '.';
		cents[1] = (char) ('0' + (v % 100) / 10);
		cents[2] = (char) ('0' + v % 10);
		cents[3] = '\0';
		put(o, cents);
	}
}

size_t
penalty_rule_format(const PenaltyRule *r, char *buf, size_t bufsize)
{
	static const char *const basis[] = {"", "total", "overdue", "undelivered"};
	static const char *const period[] = {"", "", " per day", " per working day", " per week", " per month", " per year"};
	Out			o = {buf, bufsize, 0};

	if (bufsize == 0)
		return 0;
	buf[0] = '\0';
	if (r->lpr_mult != 0)
	{
		put(&o, "LPR×");
		put_scaled(&o, r->lpr_mult, 3);
	}
	else
	{
		put_scaled(&o, r->rate, 7);
		put(&o, "%");
	}
	put(&o, " of ");
	put(&o, r->basis <= 3 ? basis[r->basis] : "?");
	put(&o, r->period <= 6 ? period[r->period] : "");
	if (r->grace > 0)
	{
		put(&o, ", grace ");
		put_scaled(&o, r->grace, 0);
		put(&o, (r->flags & PR_FLAG_GRACE_WORKING) ? (r->grace == 1 ? " working day" : " working days")
			: (r->grace == 1 ? " day" : " days"));
	}
	if (r->cap_kind == PR_CAP_SHARE)
	{
		put(&o, ", cap ");
		put_scaled(&o, r->cap, 7);
		put(&o, "%");
	}
	else if (r->cap_kind == PR_CAP_AMOUNT)
	{
		put(&o, ", cap ");
		put_amount(&o, r->cap);
	}
	if (r->minimum > 0)
	{
		put(&o, ", min ");
		put_amount(&o, r->minimum);
	}
	if (r->flags & PR_FLAG_COMPOUND)
		put(&o, ", compound");
	if (r->flags & PR_FLAG_FLOATING)
		put(&o, ", floating");
	return o.pos;
}

/* ---------- accrual ---------- */

/* round(num / den) half up, for num >= 0, den > 0 */
static inline i128
div_round(i128 num, i128 den)
{
	return (num + den / 2) / den;
}

static int64_t
period_days(int period)
{
	switch (period)
	{
		case PR_PER_WEEK:
			return 7;
		case PR_PER_MONTH:
			return 30;
		case PR_PER_YEAR:
			return 365;
		default:
			return 1;
	}
}

/* LPR in force on day; false if none. */
static bool
lpr_on(const PrContext *ctx, int64_t day, int64_t *rate)
{
	int32_t		lo = 0,
				hi = ctx->nlpr;

	while (lo < hi)
	{
		int32_t		mid = lo + (hi - lo) / 2;

		if (ctx->lpr[mid].day <= day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return false;
	*rate = ctx->lpr[lo - 1].rate;
	return true;
}

/* The rule's rate (x 1e9) for accrual from day on. */
static PrAccrueStatus
rate_on(const PenaltyRule *r, const PrContext *ctx, int64_t day, int64_t *rate, int64_t *bad_day)
{
	int64_t		lpr;

	if (r->lpr_mult == 0)
	{
		*rate = r->rate;
		return PRA_OK;
	}
	if (ctx == NULL || !lpr_on(ctx, day, &lpr))
	{
		*bad_day = day;
		return PRA_ERR_NO_LPR;
	}
	{
		i128		v = div_round((i128) lpr * r->lpr_mult, PR_MULT_SCALE);

		if (v > INT64_MAX)
			return PRA_ERR_OVERFLOW;	/* an absurd LPR in the table */
		*rate = (int64_t) v;
	}
	return PRA_OK;
}

/* Days counted in (a, b]: calendar days, or working days for per-working-day rules. */
static PrAccrueStatus
days_in(const PenaltyRule *r, const PrContext *ctx, int64_t a, int64_t b, int64_t *days)
{
	bool		ok = true;

	if (r->period != PR_PER_WORKING_DAY)
	{
		*days = b - a;
		return PRA_OK;
	}
	if (ctx == NULL || ctx->working_days == NULL)
		return PRA_ERR_CALENDAR;
	*days = ctx->working_days(ctx->arg, a, b, &ok);
	return ok ? PRA_OK : PRA_ERR_CALENDAR;
}

static inline bool
add_checked(int64_t *acc, int64_t v)
{
	if (v > INT64_MAX - *acc)
		return false;
	*acc += v;
	return true;
}

PrAccrueStatus
penalty_accrue(const PenaltyRule *r, int64_t base, int64_t due, int64_t until,
			   const PrPayment *payments, int32_t npayments, const PrContext *ctx,
			   int64_t *result, PrSegment *seg, int32_t maxseg, int32_t *nseg,
			   int64_t *bad_day)
{
	int64_t		start = due;
	int64_t		total = 0;
	int64_t		interest = 0;	/* compounded into the balance */
	int64_t		pending = 0;	/* interest of the current period, not yet compounded */
	i128		cap;			/* a share of a large base may exceed int64 */
	int32_t		ns = 0;
	int32_t		pi = 0;
	int64_t		pd = period_days(r->period);
	int64_t		a;
	i128		paid = 0;		/* payments may sum beyond int64 */
	PrAccrueStatus st;
	int64_t		dummy_day;

	/* a payment reduces what is overdue (or undelivered), never the contract total */
	if (r->basis == PR_BASIS_TOTAL)
		npayments = 0;
	if (bad_day == NULL)
		bad_day = &dummy_day;
	*result = 0;
	if (nseg)
		*nseg = 0;
	if (base <= 0 || until <= due)
		return PRA_OK;

	/* grace: the first days of lateness accrue nothing */
	if (r->grace > 0)
	{
		if (r->flags & PR_FLAG_GRACE_WORKING)
		{
			bool		ok = true;

			/* grace ends on the grace-th working day after the due date */
			if (ctx == NULL || ctx->add_working_days == NULL)
				return PRA_ERR_CALENDAR;
			start = ctx->add_working_days(ctx->arg, due, r->grace, &ok);
			if (!ok)
				return PRA_ERR_CALENDAR;
		}
		else
			start = due + r->grace;
		if (until <= start)
			return PRA_OK;
	}

	/* payments made up to the start of accrual reduce the balance at once */
	while (pi < npayments && payments[pi].day <= start)
		paid += payments[pi++].amount;

	if (r->period == PR_ONCE)
	{
		int64_t		rate;
		i128		amt;

		if (base - paid <= 0)
			return PRA_OK;
		if (base - paid > INT64_MAX)
			return PRA_ERR_OVERFLOW;
		if ((st = rate_on(r, ctx, due, &rate, bad_day)) != PRA_OK)
			return st;
		amt = div_round((i128) (base - paid) * rate, PR_RATE_SCALE);
		if (amt > INT64_MAX)
			return PRA_ERR_OVERFLOW;
		total = (int64_t) amt;
		if (seg && maxseg > 0)
		{
			seg[0].from = start;
			seg[0].to = until;
			seg[0].days = 0;
			seg[0].balance = base - paid;
			seg[0].rate = rate;
			seg[0].amount = total;
		}
		else if (seg)
			return PRA_ERR_TOO_MANY;
		ns = 1;
	}
	else
	{
		a = start;
		while (a < until)
		{
			int64_t		b = until;
			int64_t		rate;
			int64_t		days;
			int64_t		balance;
			i128		amt;
			i128		bal = base - paid + interest;

			/* base + compounded interest beyond int64: report, never wrap */
			if (bal > INT64_MAX)
				return PRA_ERR_OVERFLOW;
			balance = bal > 0 ? (int64_t) bal : 0;

			/* days inside an excluded period (force majeure) accrue nothing: skip them */
			if (ctx && ctx->nexcluded > 0)
			{
				int32_t		i;
				bool		skipped = false;

				for (i = 0; i < ctx->nexcluded; i++)
				{
					const PrRange *x = &ctx->excluded[i];

					if (x->from <= a + 1 && a + 1 <= x->to)
					{
						int64_t		end = x->to < until ? x->to : until;

						while (pi < npayments && payments[pi].day <= end)
							paid += payments[pi++].amount;
						a = end;
						skipped = true;
						break;
					}
					if (x->from > a + 1 && x->from - 1 < b)
						b = x->from - 1;
				}
				if (skipped)
					continue;
			}
			/* the segment ends at the next payment, LPR change or compounding boundary */
			if (pi < npayments && payments[pi].day < b)
				b = payments[pi].day;
			if (r->flags & PR_FLAG_COMPOUND)
			{
				int64_t		next = start + ((a - start) / pd + 1) * pd;

				if (next < b)
					b = next;
			}
			if ((r->flags & PR_FLAG_FLOATING) && ctx)
			{
				int32_t		i;

				for (i = 0; i < ctx->nlpr; i++)
					if (ctx->lpr[i].day - 1 > a && ctx->lpr[i].day - 1 < b)
					{
						b = ctx->lpr[i].day - 1;	/* the new LPR applies from its day */
						break;
					}
			}
			if ((st = rate_on(r, ctx, (r->flags & PR_FLAG_FLOATING) ? a + 1 : due, &rate, bad_day)) != PRA_OK)
				return st;
			if ((st = days_in(r, ctx, a, b, &days)) != PRA_OK)
				return st;
			if (balance > 0 && days > 0)
			{
				i128		br = (i128) balance * rate;	/* |br| < 2^126 */
				const i128	lim = (i128) (~(unsigned __int128) 0 >> 1) / days;

				/* br * days beyond __int128 is far beyond int64 after the division */
				if (br > lim || br < -lim)
					return PRA_ERR_OVERFLOW;
				amt = div_round(br * days, (i128) PR_RATE_SCALE * pd);
				if (amt > INT64_MAX)
					return PRA_ERR_OVERFLOW;
			}
			else
				amt = 0;
			if (balance > 0 && days > 0)
			{
				if (seg && ns < maxseg)
				{
					seg[ns].from = a;
					seg[ns].to = b;
					seg[ns].days = days;
					seg[ns].balance = balance;
					seg[ns].rate = rate;
					seg[ns].amount = (int64_t) amt;
				}
				else if (seg && ns >= maxseg)
					return PRA_ERR_TOO_MANY;
				ns++;
			}
			if (!add_checked(&total, (int64_t) amt))
				return PRA_ERR_OVERFLOW;
			if (r->flags & PR_FLAG_COMPOUND)
			{
				/* interest joins the balance only at the end of a full period */
				if (!add_checked(&pending, (int64_t) amt))
					return PRA_ERR_OVERFLOW;
				if ((b - start) % pd == 0)
				{
					if (!add_checked(&interest, pending))
						return PRA_ERR_OVERFLOW;
					pending = 0;
				}
			}
			while (pi < npayments && payments[pi].day <= b)
				paid += payments[pi++].amount;
			a = b;
		}
	}

	/* minimum, then cap (a cap below the minimum wins) */
	if (total > 0 && r->minimum > 0 && total < r->minimum)
		total = r->minimum;
	if (r->cap_kind == PR_CAP_SHARE)
	{
		cap = div_round((i128) base * r->cap, PR_RATE_SCALE);
		if (total > cap)
			total = (int64_t) cap;
	}
	else if (r->cap_kind == PR_CAP_AMOUNT && total > r->cap)
		total = r->cap;
	*result = total;
	if (nseg)
		*nseg = ns;
	return PRA_OK;
}

bool
penalty_rule_annual_rate(const PenaltyRule *r, int64_t lpr_rate, int64_t *annual)
{
	i128		rate = r->rate;	/* an absurd LPR must not wrap */
	i128		a;

	if (r->lpr_mult != 0)
		rate = div_round((i128) lpr_rate * r->lpr_mult, PR_MULT_SCALE);
	switch (r->period)
	{
		case PR_PER_DAY:
			a = (i128) rate * 365;
			break;
		case PR_PER_WORKING_DAY:
			a = (i128) rate * 250;	/* about 250 working days a year */
			break;
		case PR_PER_WEEK:
			a = div_round((i128) rate * 365, 7);
			break;
		case PR_PER_MONTH:
			a = div_round((i128) rate * 365, 30);
			break;
		case PR_PER_YEAR:
			a = rate;
			break;
		default:
			return false;		/* a one-off share has no annual rate */
	}
	if (a > INT64_MAX)
		return false;
	*annual = (int64_t) a;
	return true;
}
