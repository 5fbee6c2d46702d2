/*
 * penalty_rule_words.c - the vocabulary and the lexical helpers of the
 * penalty-rule parser (penalty_rule_words.h): matching, numbers, bases,
 * periods, options, words that carry no part of a rule, separators, blanks.
 * Words are written in simplified characters; the matcher folds traditional
 * ones (違約金 reads as 违约金) and skips pinyin glosses (應(yīng)付金額 reads as
 * 应付金额).
 */
#include "penalty_rule_words.h"
#include "penalty_rule.h"
#include "numtext.h"
#include "text_noise.h"

#include <string.h>

/* ---------- matching ---------- */

size_t
prw_match(const char *s, size_t len, size_t pos, const char *w)
{
	size_t		i = 0;
	size_t		p = pos;

	while (w[i] != '\0')
	{
		uint32_t	cw,
					cs;
		size_t		nw,
					ns;

		if (w[i] == ' ')
		{
			if (p >= len || nt_space_len(s + p, len - p) == 0)
				return 0;
			p = nt_skip_space(s, len, p);
			i++;
			continue;
		}
		/* ASCII text: only an ASCII letter of the word, in either case, matches it */
		if (p < len && (unsigned char) s[p] < 0x80)
		{
			if ((unsigned char) w[i] >= 0x80 || nt_lower((unsigned char) s[p]) != nt_lower((unsigned char) w[i]))
				return 0;
			p++;
			i++;
			continue;
		}
		nw = tn_utf8_decode(w + i, 4, &cw);	/* the words are valid UTF-8, NUL-terminated */
		ns = p < len ? tn_utf8_decode(s + p, len - p, &cs) : 0;
		if (nw == 0 || ns == 0)
			return 0;
		cs = tn_fold(cs);
		if (cw < 0x80 ? (cs >= 0x80 || nt_lower((int) cs) != nt_lower((int) cw)) : cs != cw)
			return 0;
		p += ns;
		i += nw;
		if (cw >= 0x80)
			p += tn_gloss_len(s, len, p);
	}
	if (i > 0 && nt_is_alpha((unsigned char) w[i - 1]) && p < len &&
		nt_is_alpha((unsigned char) s[p]))
		return 0;
	return p - pos;
}

/* cp in UTF-8 at buf (4 bytes of room); its length. */
static size_t
utf8_encode(uint32_t cp, char *buf)
{
	if (cp < 0x80)
	{
		buf[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		buf[0] = (char) (0xC0 | (cp >> 6));
		buf[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		buf[0] = (char) (0xE0 | (cp >> 12));
		buf[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		buf[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	buf[0] = (char) (0xF0 | (cp >> 18));
	buf[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	buf[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	buf[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

/*
 * The text's character at pos is decoded and folded once; a word is only
 * matched when it starts with that character (the scanner tries every
 * table at every character it does not recognise).
 */
size_t
prw_match_any(const char *s, size_t len, size_t pos, const PrWord *words, int *value)
{
	const PrWord *w;
	size_t		best = 0;
	uint32_t	cp;
	char		first[4] = {0, 0, 0, 0};
	size_t		fl;

	if (pos >= len || tn_utf8_decode(s + pos, len - pos, &cp) == 0)
		return 0;
	cp = tn_fold(cp);
	if (cp < 0x80)
		cp = (uint32_t) nt_lower((int) cp);
	fl = utf8_encode(cp, first);
	for (w = words; w->w; w++)
	{
		size_t		l;

		const char *c = w->w;

		/* byte by byte: a word may be shorter than the character ("1" against 每) */
		if (fl == 1 ? nt_lower((unsigned char) c[0]) != first[0]
			: c[0] != first[0] || c[1] != first[1] || (fl > 2 && (c[2] != first[2] || (fl > 3 && c[3] != first[3]))))
			continue;
		l = prw_match(s, len, pos, w->w);

		if (l > best)
		{
			best = l;
			*value = w->value;
		}
	}
	return best;
}

size_t
prw_noise_len(const char *s, size_t len, size_t pos)
{
	size_t		n = pos < len ? nt_space_len(s + pos, len - pos) : 0;

	return n > 0 ? n : tn_gloss_len(s, len, pos);
}

size_t
prw_skip_noise(const char *s, size_t len, size_t pos)
{
	size_t		n;

	while ((n = prw_noise_len(s, len, pos)) > 0)
		pos += n;
	return pos;
}

/* ---------- numbers ---------- */

/* One more digit: v * 10 + d, or *big once v is past limit (v stays below 10 * limit + 10). */
static void
add_digit(int64_t *v, int d, int64_t limit, bool *big)
{
	if (*v > limit)
		*big = true;
	else
		*v = *v * 10 + d;
}

/* ",ddd" not followed by another digit: a thousands group; its length or 0. */
static size_t
group_len(const char *s, size_t len, size_t pos)
{
	size_t		p = pos + 1;
	size_t		n;
	int			k;

	if (pos >= len || s[pos] != ',')
		return 0;
	for (k = 0; k < 3; k++)
	{
		if (nt_digit_at(s + p, len - p, &n) < 0)
			return 0;
		p += n;
	}
	return nt_digit_at(s + p, len - p, &n) >= 0 ? 0 : p - pos;
}

/* A Chinese decimal digit of a fraction (零 〇 一 ... 九), or -1. */
static int
chinese_digit(const char *s, size_t len, size_t pos, size_t *n)
{
	static const char *const digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", NULL};
	int			i;

	for (i = 0; digits[i]; i++)
		if ((*n = prw_match(s, len, pos, digits[i])) > 0)
			return i;
	if ((*n = prw_match(s, len, pos, "〇")) > 0)
		return 0;
	return -1;
}

/*
 * A decimal number (ASCII or full-width digits, '.' or '．'; with grouping,
 * thousands groups "100,000.50") or a Chinese numeral (五, 二十, 零点五),
 * scaled: value * 10^scale, exact.  Returns bytes consumed (0 if none);
 * *st is PR_ERR_PRECISION for more fractional digits than the scale keeps
 * (unless they are zeros), PR_ERR_RATE_RANGE above limit, PR_ERR_BAD_NUMBER
 * for a malformed numeral.
 */
size_t
prw_decimal(const char *s, size_t len, size_t pos, int scale, int64_t limit, bool grouping,
			int64_t *value, PrStatus *st)
{
	size_t		start = pos;
	size_t		n;
	int			d;
	int64_t		v = 0;
	int			frac = 0;
	bool		big = false;

	*st = PR_OK;
	if (nt_digit_at(s + pos, len - pos, &n) < 0)
	{
		int64_t		cv;
		bool		malformed;
		size_t		used = nt_chinese_number(s + pos, len - pos, &cv, &malformed);
		size_t		dot;

		if (used == 0)
			return 0;
		if (malformed)
		{
			*st = PR_ERR_BAD_NUMBER;
			return used;
		}
		if (cv > limit)
			big = true;
		else
			v = cv;
		pos += used;
		dot = prw_match(s, len, pos, "点");
		if (dot > 0 && chinese_digit(s, len, pos + dot, &n) >= 0)
		{
			pos += dot;
			while ((d = chinese_digit(s, len, pos, &n)) >= 0)
			{
				if (frac < scale)
				{
					add_digit(&v, d, limit, &big);
					frac++;
				}
				else if (d != 0)
					*st = PR_ERR_PRECISION;
				pos += n;
			}
		}
	}
	else
	{
		size_t		run = 0;

		for (; (d = nt_digit_at(s + pos, len - pos, &n)) >= 0; pos += n, run++)
			add_digit(&v, d, limit, &big);
		/* 100,000: groups of exactly three digits after one to three */
		if (grouping && run <= 3)
			while (group_len(s, len, pos) > 0)
				for (pos += 1; (d = nt_digit_at(s + pos, len - pos, &n)) >= 0; pos += n)
					add_digit(&v, d, limit, &big);
		if (pos < len && (s[pos] == '.' || (len - pos >= 3 && memcmp(s + pos, "．", 3) == 0)))
		{
			size_t		dot = s[pos] == '.' ? 1 : 3;

			if (nt_digit_at(s + pos + dot, len - pos - dot, &n) >= 0)
				for (pos += dot; (d = nt_digit_at(s + pos, len - pos, &n)) >= 0; pos += n)
				{
					if (frac < scale)
					{
						add_digit(&v, d, limit, &big);
						frac++;
					}
					else if (d != 0)
						*st = PR_ERR_PRECISION;
				}
		}
	}
	for (; frac < scale; frac++)
		add_digit(&v, 0, limit, &big);
	if ((big || v > limit) && *st == PR_OK)
		*st = PR_ERR_RATE_RANGE;
	*value = v;
	return pos - start;
}

/* ---------- the characters a word can start with ---------- */

/*
 * The first characters of the words of the tables prw_may_start stands
 * for (prw_start_tables), ascending: 一上不丙为乙买交以但作供依倘偿利加卖即受合同向基复如委守宽对年应延总承拖按支收日最月有未标欠每浮滞由甲累给缴罚若要计赔违迟逾需须.
 * test_penalty_wording checks that every word starts with one of them.
 */
static const uint32_t start_chars[] = {
	0x4E00, 0x4E0A, 0x4E0D, 0x4E19, 0x4E3A, 0x4E59, 0x4E70, 0x4EA4, 0x4EE5, 0x4F46,
	0x4F5C, 0x4F9B, 0x4F9D, 0x5018, 0x507F, 0x5229, 0x52A0, 0x5356, 0x5373, 0x53D7,
	0x5408, 0x540C, 0x5411, 0x57FA, 0x590D, 0x5982, 0x59D4, 0x5B88, 0x5BBD, 0x5BF9,
	0x5E74, 0x5E94, 0x5EF6, 0x603B, 0x627F, 0x62D6, 0x6309, 0x652F, 0x6536, 0x65E5,
	0x6700, 0x6708, 0x6709, 0x672A, 0x6807, 0x6B20, 0x6BCF, 0x6D6E, 0x6EDE, 0x7531,
	0x7532, 0x7D2F, 0x7ED9, 0x7F34, 0x7F5A, 0x82E5, 0x8981, 0x8BA1, 0x8D54, 0x8FDD,
	0x8FDF, 0x903E, 0x9700, 0x987B
};

bool
prw_may_start(const char *s, size_t len, size_t pos)
{
	uint32_t	cp;
	size_t		lo = 0,
				hi = sizeof(start_chars) / sizeof(start_chars[0]);

	if (pos >= len || tn_utf8_decode(s + pos, len - pos, &cp) == 0)
		return false;
	cp = tn_fold(cp);
	if (cp < 0x80)
		return nt_is_alpha((int) cp) || cp == '/';
	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;

		if (start_chars[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sizeof(start_chars) / sizeof(start_chars[0]) && start_chars[lo] == cp;
}

/* ---------- bases ---------- */

static const PrWord basis_words[] = {
	{"total", PR_BASIS_TOTAL}, {"overdue", PR_BASIS_OVERDUE}, {"undelivered", PR_BASIS_UNDELIVERED},
	/* the contract amount (001 §9.3 合同总金额, 004 §9.1 合同总额, 003 §16.1.1 合同约定金额) */
	{"合同总金额", PR_BASIS_TOTAL}, {"合同总额", PR_BASIS_TOTAL}, {"合同金额", PR_BASIS_TOTAL},
	{"合同总价款", PR_BASIS_TOTAL}, {"合同价款", PR_BASIS_TOTAL}, {"合同总价", PR_BASIS_TOTAL},
	{"合同价", PR_BASIS_TOTAL}, {"合同总价格", PR_BASIS_TOTAL}, {"合同价格", PR_BASIS_TOTAL},
	{"合同约定金额", PR_BASIS_TOTAL}, {"合同标的额", PR_BASIS_TOTAL}, {"合同总标的额", PR_BASIS_TOTAL},
	{"总金额", PR_BASIS_TOTAL}, {"总价款", PR_BASIS_TOTAL},
	/* the amount due and unpaid (001 §9.4 应付金额, 003 §4.5 逾期付款金额, 004 §9.3 应付款项) */
	{"应付金额", PR_BASIS_OVERDUE}, {"应付款项", PR_BASIS_OVERDUE}, {"应付款", PR_BASIS_OVERDUE},
	{"应付费用", PR_BASIS_OVERDUE}, {"应付账款", PR_BASIS_OVERDUE},
	{"应付未付金额", PR_BASIS_OVERDUE}, {"应付未付款项", PR_BASIS_OVERDUE},
	{"逾期付款金额", PR_BASIS_OVERDUE}, {"逾期支付金额", PR_BASIS_OVERDUE},
	{"逾期未付金额", PR_BASIS_OVERDUE}, {"逾期未付款项", PR_BASIS_OVERDUE},
	{"逾期金额", PR_BASIS_OVERDUE}, {"逾期款项", PR_BASIS_OVERDUE}, {"逾期款", PR_BASIS_OVERDUE},
	{"延迟付款金额", PR_BASIS_OVERDUE}, {"延迟支付金额", PR_BASIS_OVERDUE},
	{"迟延付款金额", PR_BASIS_OVERDUE}, {"迟延支付金额", PR_BASIS_OVERDUE},
	{"未付金额", PR_BASIS_OVERDUE}, {"未付款项", PR_BASIS_OVERDUE}, {"未付款", PR_BASIS_OVERDUE},
	{"未支付金额", PR_BASIS_OVERDUE}, {"未支付款项", PR_BASIS_OVERDUE},
	{"欠款", PR_BASIS_OVERDUE}, {"欠款金额", PR_BASIS_OVERDUE}, {"欠付金额", PR_BASIS_OVERDUE},
	{"欠付款项", PR_BASIS_OVERDUE}, {"拖欠金额", PR_BASIS_OVERDUE}, {"拖欠款项", PR_BASIS_OVERDUE},
	{"拖欠款", PR_BASIS_OVERDUE},
	{NULL, 0}
};

static const PrWord undelivered_lead[] = {
	{"未", 0}, {"迟延", 0}, {"延迟", 0}, {"逾期", 0}, {NULL, 0}
};

/*
 * What is late, as a phrase: 未 | 迟延 | 延迟 | 逾期, then 交付 | 交货 | 履行 |
 * 完成, then 部分 | 货物, then optionally (的) 价款 | 货款 | 金额 | 价值 |
 * 款项: 未交付部分, 迟延交付部分价款, 逾期交货部分货款, 逾期交付货物的价款.
 */
static size_t
undelivered_len(const char *s, size_t len, size_t pos)
{
	static const PrWord verb[] = {{"交付", 0}, {"交货", 0}, {"履行", 0}, {"完成", 0}, {NULL, 0}};
	static const PrWord noun[] = {{"部分", 0}, {"货物", 0}, {NULL, 0}};
	static const PrWord price[] = {
		{"价款", 0}, {"货款", 0}, {"金额", 0}, {"价值", 0}, {"款项", 0}, {NULL, 0}
	};
	size_t		p = pos;
	size_t		n;
	size_t		of_price;
	int			v;

	if ((n = prw_match_any(s, len, p, undelivered_lead, &v)) == 0)
		return 0;
	p += n;
	if ((n = prw_match_any(s, len, p, verb, &v)) == 0)
		return 0;
	p += n;
	if ((n = prw_match_any(s, len, p, noun, &v)) == 0)
		return 0;
	p += n;
	n = prw_match(s, len, p, "的");
	if ((of_price = prw_match_any(s, len, p + n, price, &v)) > 0)
		p += n + of_price;
	return p - pos;
}

size_t
prw_basis_len(const char *s, size_t len, size_t pos, int *basis)
{
	int			w = 0;
	size_t		n = prw_match_any(s, len, pos, basis_words, &w);
	size_t		u = undelivered_len(s, len, pos);

	if (u > n)
	{
		*basis = PR_BASIS_UNDELIVERED;
		return u;
	}
	if (n > 0)
		*basis = w;
	return n;
}

/* ---------- periods ---------- */

static const PrWord period_words[] = {
	{"per working day", PR_PER_WORKING_DAY}, {"per business day", PR_PER_WORKING_DAY},
	{"per day", PR_PER_DAY}, {"per week", PR_PER_WEEK}, {"per month", PR_PER_MONTH},
	{"per year", PR_PER_YEAR}, {"per annum", PR_PER_YEAR},
	{"daily", PR_PER_DAY}, {"weekly", PR_PER_WEEK}, {"monthly", PR_PER_MONTH},
	{"yearly", PR_PER_YEAR}, {"annually", PR_PER_YEAR}, {"once", PR_ONCE},
	{"/working day", PR_PER_WORKING_DAY}, {"/day", PR_PER_DAY}, {"/week", PR_PER_WEEK},
	{"/month", PR_PER_MONTH}, {"/year", PR_PER_YEAR},
	{"/工作日", PR_PER_WORKING_DAY}, {"按工作日", PR_PER_WORKING_DAY},
	{"/日", PR_PER_DAY}, {"/天", PR_PER_DAY}, {"按日", PR_PER_DAY}, {"按天", PR_PER_DAY},
	{"日", PR_PER_DAY}, {"日利率", PR_PER_DAY}, {"按日利率", PR_PER_DAY}, {"日息", PR_PER_DAY},
	{"/周", PR_PER_WEEK}, {"按周", PR_PER_WEEK},
	{"/月", PR_PER_MONTH}, {"按月", PR_PER_MONTH}, {"月利率", PR_PER_MONTH}, {"按月利率", PR_PER_MONTH},
	{"月息", PR_PER_MONTH},
	{"/年", PR_PER_YEAR}, {"按年", PR_PER_YEAR}, {"年", PR_PER_YEAR}, {"年利率", PR_PER_YEAR},
	{"按年利率", PR_PER_YEAR}, {"年化利率", PR_PER_YEAR}, {"按年化利率", PR_PER_YEAR}, {"年化", PR_PER_YEAR},
	{"年息", PR_PER_YEAR},
	{"一次性", PR_ONCE},
	{NULL, 0}
};

/*
 * 每 [verb [object]] [一] [个] unit: 每日, 每个工作日, 每延迟一日 (001 §9.3),
 * 每逾期一天, 每迟延交付一日, 每逾期一个月.  A count other than one (每逾期
 * 三日) is no period the rule can hold: not matched.
 */
static size_t
per_phrase_len(const char *s, size_t len, size_t pos, int *period)
{
	static const PrWord verbs[] = {
		{"延迟", 0}, {"迟延", 0}, {"逾期", 0}, {"延期", 0}, {"拖延", 0}, {"延误", 0}, {"超期", 0},
		{NULL, 0}
	};
	static const PrWord objects[] = {
		{"交付", 0}, {"交货", 0}, {"付款", 0}, {"支付", 0}, {"履行", 0}, {"完成", 0}, {NULL, 0}
	};
	static const PrWord one[] = {{"一", 0}, {"1", 0}, {NULL, 0}};
	static const PrWord units[] = {
		{"工作日", PR_PER_WORKING_DAY}, {"日", PR_PER_DAY}, {"天", PR_PER_DAY},
		{"周", PR_PER_WEEK}, {"星期", PR_PER_WEEK}, {"礼拜", PR_PER_WEEK},
		{"月", PR_PER_MONTH}, {"年", PR_PER_YEAR}, {NULL, 0}
	};
	size_t		p = pos;
	size_t		n;
	int			v;

	if ((n = prw_match(s, len, p, "每")) == 0)
		return 0;
	p += n;
	if ((n = prw_match_any(s, len, p, verbs, &v)) > 0)
	{
		p += n;
		p += prw_match_any(s, len, p, objects, &v);
	}
	p += prw_match_any(s, len, p, one, &v);
	p += prw_match(s, len, p, "个");
	if ((n = prw_match_any(s, len, p, units, period)) == 0)
		return 0;
	return p + n - pos;
}

size_t
prw_period_len(const char *s, size_t len, size_t pos, int *period)
{
	int			w = 0,
				u = 0;
	size_t		n = prw_match_any(s, len, pos, period_words, &w);
	size_t		m = per_phrase_len(s, len, pos, &u);

	if (m > n)
	{
		*period = u;
		return m;
	}
	if (n > 0)
		*period = w;
	return n;
}

/* ---------- options, fractions, fillers ---------- */

const PrWord prw_options[] = {
	{"grace", PRW_OPT_GRACE}, {"宽限期", PRW_OPT_GRACE}, {"宽限", PRW_OPT_GRACE},
	{"cap", PRW_OPT_CAP}, {"上限", PRW_OPT_CAP}, {"最高", PRW_OPT_CAP},
	{"最高不超过", PRW_OPT_CAP}, {"最高不得超过", PRW_OPT_CAP}, {"最多不超过", PRW_OPT_CAP},
	{"不超过", PRW_OPT_CAP}, {"不得超过", PRW_OPT_CAP}, {"不高于", PRW_OPT_CAP},
	{"minimum", PRW_OPT_MIN}, {"min", PRW_OPT_MIN}, {"最低", PRW_OPT_MIN},
	{"不低于", PRW_OPT_MIN}, {"不少于", PRW_OPT_MIN}, {"最低不低于", PRW_OPT_MIN},
	{"最低不少于", PRW_OPT_MIN},
	{"compounded", PRW_OPT_COMPOUND}, {"compound", PRW_OPT_COMPOUND}, {"复利", PRW_OPT_COMPOUND},
	{"floating", PRW_OPT_FLOATING}, {"浮动", PRW_OPT_FLOATING},
	{NULL, 0}
};

const PrWord prw_fractions[] = {
	{"万分之", 5}, {"千分之", 6}, {"百分之", 7}, {NULL, 0}
};

/*
 * Words that carry no part of the rule.  Who pays whom (甲方, 乙方, 违约方,
 * 守约方 ...) is the obligation's business (domain §4b), the name of the
 * charge (违约金, 滞纳金) does not change how it accrues, and the verbs and
 * particles around them (应向…支付, 作为, 按, 以…为基数, 计算) only join
 * the parts.  "If" (若, 如果) only leads to the breach, which is a phrase
 * of its own (breach_len); anything else in a condition (逾期超过三十日的)
 * is not recognised, so the condition is never dropped unread.
 */
static const PrWord fillers[] = {
	/* parties */
	{"甲方", 0}, {"乙方", 0}, {"丙方", 0}, {"对方", 0}, {"守约方", 0}, {"违约方", 0},
	{"买方", 0}, {"卖方", 0}, {"委托方", 0}, {"受托方", 0}, {"供方", 0}, {"需方", 0},
	/* the charge */
	{"违约金", 0}, {"滞纳金", 0}, {"违约赔偿金", 0}, {"赔偿金", 0}, {"罚款", 0},
	{"利息", 0}, {"逾期利息", 0}, {"违约金总额", 0}, {"滞纳金总额", 0},
	{"违约金数额", 0}, {"违约金金额", 0}, {"滞纳金数额", 0}, {"滞纳金金额", 0},
	{"累计", 0}, {"总计", 0}, {"合计", 0},
	/* verbs and particles */
	{"应", 0}, {"应当", 0}, {"须", 0}, {"需", 0}, {"向", 0}, {"由", 0},
	{"支付", 0}, {"偿付", 0}, {"给付", 0}, {"赔付", 0}, {"缴纳", 0}, {"交纳", 0},
	{"计付", 0}, {"计收", 0}, {"计取", 0}, {"收取", 0}, {"加收", 0}, {"承担", 0}, {"赔偿", 0},
	{"按", 0}, {"按照", 0}, {"依", 0}, {"依照", 0}, {"以", 0}, {"为", 0}, {"即", 0},
	{"作为", 0}, {"计", 0}, {"计算", 0}, {"计算方式", 0}, {"计算标准", 0}, {"标准", 0},
	{"基数", 0}, {"为基数", 0},
	{"若", 0}, {"如", 0}, {"如果", 0}, {"倘若", 0}, {"有权要求", 0}, {"要求", 0},
	/* "but" leads to a cap: 但违约金总额不超过… */
	{"但", 0}, {"但是", 0},
	/* the LPR of the rule is the 1-year one, in force at the time (同期) */
	{"同期", 0}, {"一年期", 0},
	{NULL, 0}
};

static const PrWord breach_how[] = {
	{"逾期", 0}, {"迟延", 0}, {"延迟", 0}, {"延期", 0}, {"拖延", 0}, {"未按时", 0},
	{"未按期", 0}, {"未按约定", 0}, {"未按约定时间", 0}, {"未能按时", 0}, {"未能按期", 0},
	{"未能按约定时间", 0}, {NULL, 0}
};

/*
 * The breach a clause is about: 逾期 | 迟延 | 延迟 | 延期 | 拖延 | 未按时 |
 * 未按期 | 未按约定 | 未按约定时间 | 未能按时 | 未能按期 | 未能按约定时间,
 * then 付款 | 支付 | 交付 | 交货 | 履行 | 完成, then what (费用, 款项,
 * 系统实施 ...) and 的 optionally: 逾期付款的, 迟延交付, 未能按时支付费用
 * (001 §9.4), 未能按约定时间完成系统实施 (001 §9.3).
 */
static size_t
breach_len(const char *s, size_t len, size_t pos)
{
	static const PrWord act[] = {
		{"付款", 0}, {"支付", 0}, {"交付", 0}, {"交货", 0}, {"履行", 0}, {"完成", 0}, {NULL, 0}
	};
	static const PrWord what[] = {
		{"费用", 0}, {"款项", 0}, {"货款", 0}, {"价款", 0}, {"开发费用", 0}, {"合同价款", 0},
		{"系统实施", 0}, {"系统开发", 0}, {"系统上线", 0}, {"实施", 0}, {"开发", 0}, {"上线", 0},
		{"项目", 0}, {NULL, 0}
	};
	size_t		p = pos;
	size_t		n;
	int			v;

	if ((n = prw_match_any(s, len, p, breach_how, &v)) == 0)
		return 0;
	p += n;
	if ((n = prw_match_any(s, len, p, act, &v)) == 0)
		return 0;
	p += n;
	p += prw_match_any(s, len, p, what, &v);
	return p + prw_match(s, len, p, "的") - pos;
}

size_t
prw_filler_len(const char *s, size_t len, size_t pos)
{
	int			v;
	size_t		n = prw_match_any(s, len, pos, fillers, &v);
	size_t		b = breach_len(s, len, pos);

	return b > n ? b : n;
}

const PrWord prw_cap_suffixes[] = {
	{"为上限", 0}, {"为限", 0}, {"封顶", 0}, {"为封顶", 0}, {NULL, 0}
};

const PrWord prw_grace_units[] = {
	{"working days", 1}, {"working day", 1}, {"business days", 1}, {"business day", 1},
	{"个工作日", 1}, {"工作日", 1}, {"days", 0}, {"day", 0}, {"天", 0}, {"日", 0},
	{NULL, 0}
};

/* the words prw_may_start stands for: 每 (per_phrase_len) and 以 (the postfix cap) */
static const PrWord single_starts[] = {{"每", 0}, {"以", 0}, {NULL, 0}};

const PrWord *
prw_start_tables(size_t i)
{
	static const PrWord *const tables[] = {
		basis_words, undelivered_lead, period_words, prw_options, fillers, breach_how, single_starts
	};

	return i < sizeof(tables) / sizeof(tables[0]) ? tables[i] : NULL;
}

size_t
prw_duration_len(const char *s, size_t len, size_t pos)
{
	static const PrWord others[] = {
		{"个月", 0}, {"月", 0}, {"年", 0}, {"周", 0}, {"星期", 0}, {"小时", 0}, {"hours", 0},
		{"hour", 0}, {"weeks", 0}, {"week", 0}, {"months", 0}, {"month", 0}, {"years", 0},
		{"year", 0}, {NULL, 0}
	};
	size_t		p = nt_skip_space(s, len, pos);
	int			v;
	size_t		a = prw_match_any(s, len, p, prw_grace_units, &v);
	size_t		b = prw_match_any(s, len, p, others, &v);

	if (a == 0 && b == 0)
		return 0;
	return p + (a > b ? a : b) - pos;
}

/* ---------- separators, connectors, signs, blanks ---------- */

static size_t
literal_len(const char *s, size_t len, size_t pos, const char *lit)
{
	size_t		l = strlen(lit);

	return len - pos >= l && memcmp(s + pos, lit, l) == 0 ? l : 0;
}

size_t
prw_separator_len(const char *s, size_t len, size_t pos, bool *full_stop)
{
	static const char *const seps[] = {",", ";", ":", "，", "、", "；", "：", NULL};
	static const char *const stops[] = {"。", ".", NULL};
	size_t		n;
	int			i;
	unsigned char c = pos < len ? (unsigned char) s[pos] : 0;

	/* every separator starts with one of these bytes */
	if (c != ',' && c != ';' && c != ':' && c != '.' && c != 0xEF && c != 0xE3)
		return 0;
	for (i = 0; seps[i]; i++)
		if ((n = literal_len(s, len, pos, seps[i])) > 0)
		{
			*full_stop = false;
			return n;
		}
	for (i = 0; stops[i]; i++)
		if ((n = literal_len(s, len, pos, stops[i])) > 0)
		{
			*full_stop = true;
			return n;
		}
	return 0;
}

size_t
prw_connector_len(const char *s, size_t len, size_t pos)
{
	size_t		n = prw_match(s, len, pos, "of");

	return n > 0 ? n : prw_match(s, len, pos, "的");
}

size_t
prw_percent_sign(const char *s, size_t len, size_t pos, int *scale)
{
	size_t		p = nt_skip_space(s, len, pos);
	size_t		n;

	if ((n = literal_len(s, len, p, "%")) > 0 || (n = literal_len(s, len, p, "％")) > 0)
		*scale = 7;
	else if ((n = literal_len(s, len, p, "‰")) > 0)
		*scale = 6;
	else if ((n = literal_len(s, len, p, "‱")) > 0)
		*scale = 5;
	else
		return 0;
	return p + n - pos;
}

/* [ ], ［ ］ or 【 】 with at most 60 bytes and no line break inside. */
static size_t
bracket_blank_len(const char *s, size_t len, size_t pos)
{
	static const char *const open[] = {"[", "［", "【", NULL};
	static const char *const close[] = {"]", "］", "】", NULL};
	int			i;

	for (i = 0; open[i]; i++)
	{
		size_t		n = literal_len(s, len, pos, open[i]);
		size_t		p;

		if (n == 0)
			continue;
		for (p = pos + n; p < len && p - pos <= 64; p++)
		{
			size_t		c = literal_len(s, len, p, close[i]);

			if (c > 0)
				return p + c - pos;
			if (s[p] == '\n' || s[p] == '\r' || literal_len(s, len, p, open[i]) > 0)
				return 0;
		}
		return 0;
	}
	return 0;
}

size_t
prw_blank_len(const char *s, size_t len, size_t pos, bool bare_x)
{
	static const char *const units[] = {
		"%", "％", "‰", "‱", "天", "日", "个", "個", "元", "倍", "年", "月", "万", "萬",
		"周", "週", "小时", "小時", NULL
	};
	size_t		p = pos;
	size_t		n;
	int			xs = 0;
	int			i;
	unsigned char c = pos < len ? (unsigned char) s[pos] : 0;

	/* every blank starts with one of these bytes: _ [ X x, or ＿ ［ Ｘ ｘ 【 */
	if (c != '_' && c != '[' && c != 'X' && c != 'x' && c != 0xEF && c != 0xE3)
		return 0;
	while (p < len && ((n = literal_len(s, len, p, "_")) > 0 || (n = literal_len(s, len, p, "＿")) > 0))
		p += n;
	/* ___ stands apart from ASCII words: "per_day" has no blank */
	if (p > pos)
		return (pos > 0 && (nt_is_alpha((unsigned char) s[pos - 1]) || (s[pos - 1] >= '0' && s[pos - 1] <= '9'))) ||
			(p < len && nt_is_alpha((unsigned char) s[p])) ? 0 : p - pos;
	if ((n = bracket_blank_len(s, len, pos)) > 0)
		return n;
	/* X, XX, ｘ: a letter of its own, not a word such as "Xmas" or "max" */
	if (pos > 0 && nt_is_alpha((unsigned char) s[pos - 1]))
		return 0;
	while (p < len && xs < 5 &&
		   ((n = literal_len(s, len, p, "X")) > 0 || (n = literal_len(s, len, p, "x")) > 0 ||
			(n = literal_len(s, len, p, "Ｘ")) > 0 || (n = literal_len(s, len, p, "ｘ")) > 0))
	{
		p += n;
		xs++;
	}
	if (xs == 0 || xs > 4 || (p < len && nt_is_alpha((unsigned char) s[p])))
		return 0;
	if (bare_x)
		return p - pos;
	n = nt_skip_space(s, len, p);
	for (i = 0; units[i]; i++)
		if (literal_len(s, len, n, units[i]) > 0)
			return p - pos;
	return 0;
}
