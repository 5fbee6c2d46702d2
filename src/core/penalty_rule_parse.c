/*
 * penalty_rule_parse.c - read a penalty rule from English or Chinese text.
 *
 * A token scanner: the parts of a rule (a rate, a basis, a period, options)
 * may come in any order, as they do in Chinese contract text.  Between the
 * parts stand white space, separators (, ; : ， 、 ； ： and full stops) and
 * the connectors "of" and 的; words that only carry meaning (应向甲方支付,
 * 作为, 违约金, 滞纳金, 为, 按, 以…为基数, 计算) are read and dropped.  The
 * words are in penalty_rule_words.c; traditional characters and converter
 * glosses read as the simplified text there.
 *
 * What is refused, and which refusal wins:
 *  - a part recognised but wrong stops the scan where it stands: a malformed
 *    number, a rate out of range, too many decimals, a part given twice, an
 *    option without a valid value, a template blank (___%, X%), a separator
 *    with no part after it, a connector with nothing after it;
 *  - text not recognised is stepped over and remembered: at the end a text
 *    without a rate is refused as having none, else the first such text is
 *    reported;
 *  - then the rule must pass penalty_rule_check.
 */
#include "penalty_rule.h"
#include "penalty_rule_words.h"
#include "numtext.h"
#include "text_noise.h"

#include <string.h>

#define NOWHERE ((size_t) -1)

/* ---------- the parser's state ---------- */

typedef struct RuleParser
{
	const char *s;
	size_t		len;
	size_t		pos;
	size_t	   *where;			/* the problem, for messages */
	size_t	   *end;
	size_t		unknown;		/* the first text not recognised, or NOWHERE */
	PenaltyRule r;
	bool		have_rate;
	bool		have_basis;
	bool		basis_of_cap;	/* named by the cap only: the rate may name it again */
	bool		have_period;
	bool		have_grace;
	bool		have_cap;
	bool		have_min;
} RuleParser;

static PrStatus
fail(RuleParser *ps, PrStatus st, size_t where, size_t end)
{
	*ps->where = where;
	*ps->end = end < where ? where : end;
	return st;
}

/* Remember text not recognised; the first one is reported if the text has a rate. */
static void
not_recognised(RuleParser *ps, size_t at)
{
	if (ps->unknown == NOWHERE)
		ps->unknown = at;
}

/* ---------- shares and amounts ---------- */

/* Does a Chinese numeral (零 〇 一 二 两 三 ... 十 百 千 万) start at pos?  Cheaper than reading it. */
static bool
numeral_at(const char *s, size_t len, size_t pos)
{
	static const uint32_t numerals[] = {
		0x96F6, 0x3007, 0x4E00, 0x4E8C, 0x4E24, 0x5169, 0x4E09, 0x56DB, 0x4E94, 0x516D,
		0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343, 0x4E07, 0x842C
	};
	uint32_t	cp;
	size_t		i;

	if (tn_utf8_decode(s + pos, len - pos, &cp) == 0)
		return false;
	for (i = 0; i < sizeof(numerals) / sizeof(numerals[0]); i++)
		if (cp == numerals[i])
			return true;
	return false;
}

/*
 * A share at p: 百分之一, 千分之三, 万分之五 (a numeral or digits after the
 * word), or a number with % ％ ‰ ‱.  *absent when there is none (for a number
 * without a sign, *end is after the number).  On an error, *at is where it is
 * and *end the end of the share.
 */
static PrStatus
parse_share(const RuleParser *ps, size_t p, int64_t *v, size_t *end, size_t *at, bool *absent)
{
	const char *s = ps->s;
	size_t		len = ps->len;
	size_t		n,
				m,
				b;
	int			scale;
	PrStatus	st;

	*absent = false;
	*at = p;
	if (numeral_at(s, len, p) && (n = prw_match_any(s, len, p, prw_fractions, &scale)) > 0)
	{
		*at = p + n;
		if ((b = prw_blank_len(s, len, p + n, true)) > 0)
		{
			*end = p + n + b;
			return PR_ERR_BLANK;
		}
		m = prw_decimal(s, len, p + n, scale, PR_RATE_MAX, false, v, &st);
		*end = p + n + m;
		if (m == 0)
			return PR_ERR_BAD_NUMBER;
		return st != PR_OK ? st : *v <= 0 ? PR_ERR_RATE_RANGE : PR_OK;
	}
	if ((b = prw_blank_len(s, len, p, false)) > 0)
	{
		*end = p + b + prw_percent_sign(s, len, p + b, &scale);
		return PR_ERR_BLANK;
	}
	if (nt_digit_at(s + p, len - p, &n) < 0)
	{
		*end = p;
		*absent = true;
		return PR_OK;
	}
	m = prw_decimal(s, len, p, 7, PR_RATE_MAX, false, v, &st);
	if ((n = prw_percent_sign(s, len, p + m, &scale)) == 0)
	{
		*end = p + m;
		*absent = true;
		return PR_OK;
	}
	if (scale != 7)
		(void) prw_decimal(s, len, p, scale, PR_RATE_MAX, false, v, &st);
	*end = p + m + n;
	return st != PR_OK ? st : *v <= 0 ? PR_ERR_RATE_RANGE : PR_OK;
}

/*
 * An amount in minor units at p: 人民币 optionally, a number with at most two
 * decimals and thousands groups (100,000.50), or with 万 (1.5万 = 15,000),
 * then 元 optionally.  Caps and minimums.
 */
static PrStatus
parse_amount(const RuleParser *ps, size_t p, int64_t *value, size_t *end, size_t *at)
{
	const char *s = ps->s;
	size_t		len = ps->len;
	size_t		n = prw_match(s, len, p, "人民币");
	size_t		m,
				w;
	PrStatus	st;

	if (n > 0)
		p = prw_skip_noise(s, len, p + n);
	*at = *end = p;
	if ((n = prw_blank_len(s, len, p, true)) > 0)
	{
		*end = p + n;
		return PR_ERR_BLANK;
	}
	m = prw_decimal(s, len, p, 6, PR_AMOUNT_MAX, true, value, &st);
	w = m > 0 ? prw_match(s, len, p + m, "万") : 0;
	if (w == 0)
		m = prw_decimal(s, len, p, 2, PR_AMOUNT_MAX, true, value, &st);
	*end = p + m + w;
	if (m > 0 && st == PR_ERR_PRECISION)
		return st;
	if (m == 0 || st != PR_OK || *value <= 0)
		return PR_ERR_BAD_OPTION;
	*end += prw_match(s, len, *end, "元");
	return PR_OK;
}

/* ---------- rates ---------- */

/* LPR, LPR×1.5, LPR*1.5, LPRx1.5, LPR的1.5倍: a multiple of the 1-year LPR; n is the length of "LPR". */
static PrStatus
parse_lpr_rate(RuleParser *ps, size_t n)
{
	const char *s = ps->s;
	size_t		len = ps->len;
	size_t		start = ps->pos;
	size_t		p = prw_skip_noise(s, len, ps->pos + n);
	size_t		sign = 0;
	size_t		num = ps->pos + n;
	int64_t		mult = PR_MULT_SCALE;
	PrStatus	st;

	if (len - p >= 2 && memcmp(s + p, "×", 2) == 0)
		sign = 2;
	else if (p < len && (s[p] == '*' || s[p] == 'x' || s[p] == 'X'))
		sign = 1;
	else
		sign = prw_match(s, len, p, "的");
	if (sign > 0)
	{
		size_t		m,
					b;

		p = num = prw_skip_noise(s, len, p + sign);
		if ((b = prw_blank_len(s, len, p, true)) > 0)
			return fail(ps, PR_ERR_BLANK, p, p + b);
		m = prw_decimal(s, len, p, 3, INT64_C(100000), false, &mult, &st);
		if (ps->have_rate)
			return fail(ps, PR_ERR_DUPLICATE, start, p + m + prw_match(s, len, p + m, "倍"));
		if (m == 0)
			return fail(ps, PR_ERR_BAD_NUMBER, p, p);
		if (st != PR_OK)
			return fail(ps, st, p, p + m);
		p += m;
		p += prw_match(s, len, p, "倍");
		ps->pos = p;
	}
	else if (ps->have_rate)
		return fail(ps, PR_ERR_DUPLICATE, start, start + n);
	else
		ps->pos += n;
	if (mult <= 0)
		return fail(ps, PR_ERR_RATE_RANGE, num, ps->pos);
	ps->r.lpr_mult = (int32_t) mult;
	ps->have_rate = true;
	return PR_OK;
}

/* "LPRx1.5": the x is the multiplication sign, so "LPR" is not a whole word there. */
static size_t
lpr_word_len(const char *s, size_t len, size_t pos)
{
	size_t		n = prw_match(s, len, pos, "LPR");
	size_t		m0;

	if (n == 0 && len - pos > 4 && nt_lower((unsigned char) s[pos]) == 'l' &&
		nt_lower((unsigned char) s[pos + 1]) == 'p' && nt_lower((unsigned char) s[pos + 2]) == 'r' &&
		(s[pos + 3] == 'x' || s[pos + 3] == 'X') && nt_digit_at(s + pos + 4, len - pos - 4, &m0) >= 0)
		n = 3;
	return n;
}

/* A rate at ps->pos (1%, 0.5‰, 万分之五), or a number without a sign: text not recognised. */
static PrStatus
parse_rate(RuleParser *ps, bool *found)
{
	size_t		pos = ps->pos;
	size_t		end,
				at;
	int64_t		v;
	bool		absent;
	PrStatus	st = parse_share(ps, pos, &v, &end, &at, &absent);

	*found = !absent || end > pos;
	if (absent)
	{
		size_t		u = end > pos ? prw_duration_len(ps->s, ps->len, end) : 0;

		/*
		 * "1 of total": a number is a rate only with its sign, reported just
		 * after the number; "30日" is a duration, no part of a rule
		 */
		if (end > pos)
		{
			not_recognised(ps, u > 0 ? pos : end);
			ps->pos = end + u;
		}
		return PR_OK;
	}
	if (st == PR_ERR_BLANK)
		return fail(ps, st, at, end);
	if (ps->have_rate)
		return fail(ps, PR_ERR_DUPLICATE, pos, end);
	if (st != PR_OK)
		return fail(ps, st, st == PR_ERR_BAD_NUMBER ? at : pos, end);
	ps->r.rate = v;
	ps->have_rate = true;
	ps->pos = end;
	return PR_OK;
}

/* ---------- options ---------- */

/* grace 3 days, 宽限期5个工作日: p is where the number starts. */
static PrStatus
parse_grace(RuleParser *ps, size_t p)
{
	int64_t		v;
	PrStatus	st;
	int			unit;
	size_t		b = prw_blank_len(ps->s, ps->len, p, true);
	size_t		m,
				u;

	if (b > 0)
		return fail(ps, PR_ERR_BLANK, p, p + b);
	m = prw_decimal(ps->s, ps->len, p, 0, 100000, false, &v, &st);
	if (m == 0 || st != PR_OK)
		return fail(ps, PR_ERR_BAD_OPTION, p, p + m);
	u = prw_match_any(ps->s, ps->len, prw_skip_noise(ps->s, ps->len, p + m), prw_grace_units, &unit);
	if (u == 0)
		return fail(ps, PR_ERR_BAD_OPTION, p, p + m);
	if (unit)
		ps->r.flags |= PR_FLAG_GRACE_WORKING;
	ps->r.grace = (int32_t) v;
	ps->have_grace = true;
	ps->pos = prw_skip_noise(ps->s, ps->len, p + m) + u;
	return PR_OK;
}

/*
 * cap 10%, cap 50000, 上限5万元, 违约金总额不超过合同总额的20%: a share of the
 * basis or an amount.  A basis named in the cap is the rule's basis: a
 * share of another basis than the rate's is refused as a second basis.
 */
static PrStatus
parse_cap(RuleParser *ps, size_t p)
{
	const char *s = ps->s;
	size_t		len = ps->len;
	int			basis = 0;
	size_t		bpos = p,
				bend = p,
				n,
				end,
				at;
	int64_t		v;
	bool		absent;
	PrStatus	st;

	if ((n = prw_basis_len(s, len, p, &basis)) > 0)
	{
		bend = p + n;
		p = prw_skip_noise(s, len, p + n);
		if ((n = prw_connector_len(s, len, p)) > 0)
			p = prw_skip_noise(s, len, p + n);
	}
	st = parse_share(ps, p, &v, &end, &at, &absent);
	if (!absent)
	{
		if (st == PR_ERR_BLANK || st == PR_ERR_PRECISION)
			return fail(ps, st, at, end);
		if (st != PR_OK)
			return fail(ps, PR_ERR_BAD_OPTION, p, end);
		ps->r.cap_kind = PR_CAP_SHARE;
	}
	else
	{
		if (basis != 0)
			return fail(ps, PR_ERR_BAD_OPTION, p, p);	/* 不超过合同总额, and no share of it */
		if ((st = parse_amount(ps, p, &v, &end, &at)) != PR_OK)
			return fail(ps, st, at, end);
		ps->r.cap_kind = PR_CAP_AMOUNT;
	}
	if (basis != 0)
	{
		if (ps->have_basis && ps->r.basis != basis)
			return fail(ps, PR_ERR_DUPLICATE, bpos, bend);
		if (!ps->have_basis)
			ps->basis_of_cap = true;
		ps->r.basis = (uint8_t) basis;
		ps->have_basis = true;
	}
	ps->r.cap = v;
	ps->pos = end;
	ps->have_cap = true;
	return PR_OK;
}

/* Does a value start at p (a number, a numeral, a share, a blank, 人民币 or a basis)? */
static bool
value_follows(const RuleParser *ps, size_t p, int which)
{
	const char *s = ps->s;
	size_t		len = ps->len;
	size_t		n;
	int64_t		cv;
	bool		malformed;
	int			v;

	if (which == PRW_OPT_COMPOUND || which == PRW_OPT_FLOATING)
		return true;
	return nt_digit_at(s + p, len - p, &n) >= 0 || nt_chinese_number(s + p, len - p, &cv, &malformed) > 0 ||
		prw_blank_len(s, len, p, true) > 0 || prw_match(s, len, p, "人民币") > 0 ||
		(which == PRW_OPT_CAP && (prw_match_any(s, len, p, prw_fractions, &v) > 0 ||
								  prw_basis_len(s, len, p, &v) > 0));
}

/*
 * An option word (grace, cap, minimum, compound, floating) of n bytes, and
 * its value, after an optional 为.  A Chinese option word with no value
 * after it is an ordinary word (最高人民法院, 最高赔偿金额), not recognised.
 */
static PrStatus
parse_option(RuleParser *ps, size_t n, int which)
{
	PenaltyRule *r = &ps->r;
	size_t		p = prw_skip_noise(ps->s, ps->len, ps->pos + n);
	size_t		w = prw_match(ps->s, ps->len, p, "为");
	PrStatus	st;

	if (w > 0)
		p = prw_skip_noise(ps->s, ps->len, p + w);
	if ((unsigned char) ps->s[ps->pos] >= 0x80 && !value_follows(ps, p, which))
	{
		not_recognised(ps, ps->pos);
		ps->pos += n;
		return PR_OK;
	}
	/* a repeated option is reported at its word, with its value if it has a good one */
	if ((which == PRW_OPT_GRACE && ps->have_grace) || (which == PRW_OPT_CAP && ps->have_cap) ||
		(which == PRW_OPT_MIN && ps->have_min) ||
		(which == PRW_OPT_COMPOUND && (r->flags & PR_FLAG_COMPOUND)) ||
		(which == PRW_OPT_FLOATING && (r->flags & PR_FLAG_FLOATING)))
	{
		RuleParser	again = *ps;
		size_t		w2,
					e2;

		again.where = &w2;
		again.end = &e2;
		again.have_grace = again.have_cap = again.have_min = false;
		again.r.flags = 0;
		again.have_basis = false;
		if (parse_option(&again, n, which) != PR_OK || again.pos <= ps->pos)
			again.pos = ps->pos + n;
		return fail(ps, PR_ERR_DUPLICATE, ps->pos, again.pos);
	}
	switch (which)
	{
		case PRW_OPT_GRACE:
			return parse_grace(ps, p);
		case PRW_OPT_CAP:
			return parse_cap(ps, p);
		case PRW_OPT_MIN:
			{
				size_t		end,
							at;

				if ((st = parse_amount(ps, p, &r->minimum, &end, &at)) != PR_OK)
					return fail(ps, st, at, end);
				ps->pos = end;
				ps->have_min = true;
				return PR_OK;
			}
		case PRW_OPT_COMPOUND:
			r->flags |= PR_FLAG_COMPOUND;
			break;
		case PRW_OPT_FLOATING:
			r->flags |= PR_FLAG_FLOATING;
			break;
	}
	ps->pos += n;
	return PR_OK;
}

/*
 * 以合同总金额的20%为上限, 以10万元为限, 以合同总价款为限 (the whole basis:
 * 100%): a cap written before its word.  n is the length of 以; *found when
 * the text has this form (else 以 only joins).
 */
static PrStatus
parse_postfix_cap(RuleParser *ps, size_t n, bool *found)
{
	const char *s = ps->s;
	size_t		len = ps->len;
	size_t		p = prw_skip_noise(s, len, ps->pos + n);
	size_t		q = p,
				m,
				end,
				at,
				suffix;
	int64_t		v;
	int			basis = 0,
				which;
	bool		absent,
				whole;
	PrStatus	st;

	*found = false;
	if ((m = prw_basis_len(s, len, q, &basis)) > 0)
	{
		q = prw_skip_noise(s, len, q + m);
		if ((m = prw_connector_len(s, len, q)) > 0)
			q = prw_skip_noise(s, len, q + m);
	}
	st = parse_share(ps, q, &v, &end, &at, &absent);
	whole = absent && basis != 0;	/* the basis alone: all of it */
	if (absent && basis == 0)
		st = parse_amount(ps, q, &v, &end, &at);
	else if (whole)
		end = q;
	if (st != PR_OK)
		return PR_OK;
	end = prw_skip_noise(s, len, end);
	if ((suffix = prw_match_any(s, len, end, prw_cap_suffixes, &which)) == 0)
		return PR_OK;
	*found = true;
	if (ps->have_cap)
		return fail(ps, PR_ERR_DUPLICATE, ps->pos, end + suffix);
	if (whole)
	{
		if (ps->have_basis && ps->r.basis != basis)
			return fail(ps, PR_ERR_DUPLICATE, p, p + prw_basis_len(s, len, p, &which));
		ps->basis_of_cap = !ps->have_basis;
		ps->r.basis = (uint8_t) basis;
		ps->have_basis = true;
		ps->r.cap_kind = PR_CAP_SHARE;
		ps->r.cap = PR_RATE_SCALE;	/* 100% */
		ps->have_cap = true;
	}
	else if ((st = parse_cap(ps, p)) != PR_OK)
		return st;
	ps->pos = end + suffix;
	return PR_OK;
}

/* ---------- parts ---------- */

/* Text not recognised at pos: an ASCII word, or one character (one byte if not UTF-8). */
static size_t
unrecognised_len(const char *s, size_t len, size_t pos)
{
	size_t		p = pos;
	uint32_t	cp;
	size_t		n;

	while (p < len && nt_is_alpha((unsigned char) s[p]))
		p++;
	if (p > pos)
		return p - pos;
	n = tn_utf8_decode(s + pos, len - pos, &cp);
	return n > 0 ? n : 1;
}

/* A word of the vocabulary at ps->pos: a basis, a period, an option, a filler; *found if one is. */
static PrStatus
parse_word(RuleParser *ps, bool *found)
{
	const char *s = ps->s;
	size_t		len = ps->len;
	size_t		pos = ps->pos;
	size_t		n;
	int			which;
	PrStatus	st;

	*found = true;
	if ((n = prw_basis_len(s, len, pos, &which)) > 0)
	{
		/* the basis a cap named may be named again, once, for the rate */
		if (ps->have_basis && !(ps->basis_of_cap && ps->r.basis == which))
			return fail(ps, PR_ERR_DUPLICATE, pos, pos + n);
		ps->basis_of_cap = false;
		ps->r.basis = (uint8_t) which;
		ps->have_basis = true;
		ps->pos += n;
		return PR_OK;
	}
	if ((n = prw_period_len(s, len, pos, &which)) > 0)
	{
		if (ps->have_period)
			return fail(ps, PR_ERR_DUPLICATE, pos, pos + n);
		ps->r.period = (uint8_t) which;
		ps->have_period = true;
		ps->pos += n;
		return PR_OK;
	}
	if ((n = prw_match_any(s, len, pos, prw_options, &which)) > 0)
		return parse_option(ps, n, which);
	if ((n = prw_match(s, len, pos, "以")) > 0)
	{
		bool		cap;

		if ((st = parse_postfix_cap(ps, n, &cap)) != PR_OK || cap)
			return st;
	}
	if ((n = prw_filler_len(s, len, pos)) > 0)
	{
		ps->pos += n;
		return PR_OK;
	}
	*found = false;
	return PR_OK;
}

/* One part of a rule at ps->pos: a rate, a word, or text not recognised. */
static PrStatus
parse_part(RuleParser *ps)
{
	const char *s = ps->s;
	size_t		len = ps->len;
	size_t		pos = ps->pos;
	size_t		n;
	bool		found;
	PrStatus	st;

	if ((n = lpr_word_len(s, len, pos)) > 0)
		return parse_lpr_rate(ps, n);
	if ((n = prw_blank_len(s, len, pos, false)) > 0)
	{
		int			scale;

		return fail(ps, PR_ERR_BLANK, pos, pos + n + prw_percent_sign(s, len, pos + n, &scale));
	}
	if ((s[pos] == '-' || (len - pos >= 3 && memcmp(s + pos, "－", 3) == 0)) &&
		nt_digit_at(s + pos + (s[pos] == '-' ? 1 : 3), len - pos - (s[pos] == '-' ? 1 : 3), &n) >= 0)
		return fail(ps, PR_ERR_RATE_RANGE, pos, pos + 1);	/* "-1%": a negative rate */
	if ((st = parse_rate(ps, &found)) != PR_OK || found)
		return st;
	/* the tables are only tried where one of their words can start */
	if (prw_may_start(s, len, pos) && ((st = parse_word(ps, &found)) != PR_OK || found))
		return st;
	/* a numeral, or a duration (三十日: not the period 日), is no part either */
	{
		int64_t		cv;
		bool		malformed;

		n = numeral_at(s, len, pos) ? nt_chinese_number(s + pos, len - pos, &cv, &malformed) : 0;
		if (n > 0)
			n += prw_duration_len(s, len, pos + n);
		else
			n = unrecognised_len(s, len, pos);
	}
	not_recognised(ps, pos);
	ps->pos += n;
	return PR_OK;
}

/*
 * The text between the parts: a separator must stand between two parts (a
 * full stop may also end the text), "of" before a part, 的 before a part or
 * a separator.  Returns
 * the bytes consumed at ps->pos, 0 if a part starts there; *sep and *conn
 * hold the separator and the connector still waiting for their part.
 */
static PrStatus
between_parts(RuleParser *ps, bool parts, size_t *sep, size_t *conn, size_t *used)
{
	const char *s = ps->s;
	size_t		len = ps->len;
	size_t		pos = ps->pos;
	size_t		n;
	bool		stop;

	*used = prw_noise_len(s, len, pos);
	if (*used > 0)
		return PR_OK;
	if ((n = prw_separator_len(s, len, pos, &stop)) > 0)
	{
		bool		last = stop && prw_skip_noise(s, len, pos + n) == len;

		/* 的 before a comma closes a clause (买方逾期付款的，…); "of" needs its part */
		if (*conn != NOWHERE && (last || nt_lower((unsigned char) s[*conn]) == 'o'))
			return fail(ps, PR_ERR_DANGLING, *conn, *conn + prw_connector_len(s, len, *conn));
		*conn = NOWHERE;
		if (last && parts && *sep == NOWHERE)
		{
			*used = len - pos;	/* the full stop that ends the sentence */
			return PR_OK;
		}
		if (*sep != NOWHERE || !parts)
			return fail(ps, PR_ERR_EMPTY_PART, *sep != NOWHERE ? *sep : pos, pos + n);
		*sep = pos;
		*used = n;
		return PR_OK;
	}
	if ((n = prw_connector_len(s, len, pos)) > 0)
	{
		if (*conn != NOWHERE)
			return fail(ps, PR_ERR_DANGLING, *conn, *conn + prw_connector_len(s, len, *conn));
		*conn = pos;
		*used = n;
	}
	return PR_OK;
}

PrStatus
penalty_rule_parse_span(const char *s, size_t len, PenaltyRule *out, size_t *where, size_t *end)
{
	RuleParser	ps;
	size_t		dummy_where,
				dummy_end;
	size_t		sep = NOWHERE,
				conn = NOWHERE;
	bool		parts = false;
	PrStatus	st;

	memset(&ps, 0, sizeof(ps));
	ps.s = s;
	ps.len = len;
	ps.where = where ? where : &dummy_where;
	ps.end = end ? end : &dummy_end;
	ps.unknown = NOWHERE;
	*ps.where = *ps.end = 0;
	if (prw_skip_noise(s, len, 0) == len)
		return fail(&ps, PR_ERR_EMPTY, 0, len);

	while (ps.pos < len)
	{
		size_t		used;

		if ((st = between_parts(&ps, parts, &sep, &conn, &used)) != PR_OK)
			return st;
		if (used > 0)
		{
			ps.pos += used;
			continue;
		}
		if ((st = parse_part(&ps)) != PR_OK)
			return st;
		parts = true;
		sep = conn = NOWHERE;
	}
	if (conn != NOWHERE)
		return fail(&ps, PR_ERR_DANGLING, conn, conn + prw_connector_len(s, len, conn));
	if (sep != NOWHERE)
	{
		bool		stop;

		return fail(&ps, PR_ERR_EMPTY_PART, sep, sep + prw_separator_len(s, len, sep, &stop));
	}
	if (!ps.have_rate)
		return fail(&ps, PR_ERR_NO_RATE, 0, len);
	if (ps.unknown != NOWHERE)
		return fail(&ps, PR_ERR_UNKNOWN_WORD, ps.unknown, len);
	if (!ps.have_basis)
		ps.r.basis = PR_BASIS_OVERDUE;
	if (!ps.have_period)
		ps.r.period = PR_ONCE;
	if ((st = penalty_rule_check(&ps.r)) != PR_OK)
		return fail(&ps, st, 0, len);
	*out = ps.r;
	return PR_OK;
}

PrStatus
penalty_rule_parse(const char *s, size_t len, PenaltyRule *out, size_t *where)
{
	return penalty_rule_parse_span(s, len, out, where, NULL);
}
