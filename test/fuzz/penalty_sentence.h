/*
 * penalty_sentence.h - for fuzz_penalty.c: a valid penalty rule written the
 * way the contracts write it, restated here from the seeds rather than taken
 * from the parser's tables, so that parsing the sentence back checks the
 * parser against an independent account of the wording.
 *
 * The sentence takes one of the seeds' shapes (001 §9.3 每延迟一日，应向甲方支付
 * 合同总金额1%的违约金; 004 §9 违约金为合同总额的5%; 003 §4.5 应向乙方支付逾期付款
 * 金额的2%作为违约金; 以…为基数，按每日…计算), a synonym of the basis and the
 * period, the rate as %, ‰, 万分之 or 百分之, amounts plain, grouped
 * (100,000.50) or in 万, options in Chinese in any order, an optional
 * breach before it and full stop after it; then, by chance, full-width
 * digits, traditional characters and a pinyin gloss after a character.
 *
 * Needs rng() (uniform 64-bit) defined before it is included.
 */
#ifndef CRM_PENALTY_SENTENCE_H
#define CRM_PENALTY_SENTENCE_H

#include "penalty_rule.h"

#include <stdio.h>
#include <string.h>

#define SENTENCE_MAX 2048

typedef struct Sentence
{
	char		buf[SENTENCE_MAX];
	size_t		len;
} Sentence;

static void
sen_put(Sentence *b, const char *s)
{
	size_t		l = strlen(s);

	if (b->len + l < sizeof(b->buf))
	{
		memcpy(b->buf + b->len, s, l + 1);
		b->len += l;
	}
}

static const char *
sen_pick(const char *const *list, size_t n)
{
	return list[rng() % n];
}

#define PICK(list) sen_pick(list, sizeof(list) / sizeof(list[0]))

/* v / 10^scale, trailing zeros of the fraction dropped (1.5, 0.0005, 12). */
static void
sen_fixed(Sentence *b, int64_t v, int scale)
{
	char		text[48];
	int64_t		p = 1;
	int			i,
				digits = scale;

	for (i = 0; i < scale; i++)
		p *= 10;
	while (digits > 0 && (v % p) % 10 == 0 && v % p != 0)
	{
		v /= 10;
		p /= 10;
		digits--;
	}
	if (v % p == 0)
		snprintf(text, sizeof(text), "%lld", (long long) (v / p));
	else
		snprintf(text, sizeof(text), "%lld.%0*lld", (long long) (v / p), digits, (long long) (v % p));
	sen_put(b, text);
}

/* An amount of fen: 1234.5 -> 1234.50, 1,234.50, 0.12345万, with 人民币 and 元 by chance. */
static void
sen_amount(Sentence *b, int64_t fen)
{
	char		whole[32];
	char		grouped[48];
	size_t		n,
				i,
				g = 0;

	if (rng() % 4 == 0)
		sen_put(b, "人民币");
	switch (rng() % 3)
	{
		case 0:
			sen_fixed(b, fen, 2);
			break;
		case 1:
			/* 1,234,567.50: groups of three from the right */
			snprintf(whole, sizeof(whole), "%lld", (long long) (fen / 100));
			n = strlen(whole);
			for (i = 0; i < n; i++)
			{
				if (i > 0 && (n - i) % 3 == 0)
					grouped[g++] = ',';
				grouped[g++] = whole[i];
			}
			grouped[g] = '\0';
			sen_put(b, grouped);
			if (fen % 100 != 0)
			{
				snprintf(whole, sizeof(whole), ".%02lld", (long long) (fen % 100));
				sen_put(b, whole);
			}
			break;
		default:
			/* in 万: fen / 10^6, exact in six decimals */
			sen_fixed(b, fen, 6);
			sen_put(b, "万");
			break;
	}
	if (rng() % 2)
		sen_put(b, "元");
}

static const char *
sen_basis(int basis)
{
	static const char *const total[] = {"合同总金额", "合同总额", "合同金额", "合同总价款", "合同价款"};
	static const char *const overdue[] = {"应付金额", "逾期付款金额", "应付款项", "未付款项", "逾期金额", "应付未付金额"};
	static const char *const late[] = {"未交付部分", "迟延交付部分价款", "逾期交货部分货款", "未交付部分的价款"};

	return basis == PR_BASIS_TOTAL ? PICK(total) : basis == PR_BASIS_OVERDUE ? PICK(overdue) : PICK(late);
}

static const char *
sen_period(int period)
{
	static const char *const once[] = {"", "一次性"};
	static const char *const day[] = {"每日", "每天", "每延迟一日", "每逾期一天", "按日", "每迟延一日", "每日按"};
	static const char *const wday[] = {"每个工作日", "每逾期一个工作日"};
	static const char *const week[] = {"每周", "每逾期一周"};
	static const char *const month[] = {"每月", "每逾期一个月", "按月"};
	static const char *const year[] = {"每年", "按年", "年利率"};

	switch (period)
	{
		case PR_PER_DAY:
			return PICK(day);
		case PR_PER_WORKING_DAY:
			return PICK(wday);
		case PR_PER_WEEK:
			return PICK(week);
		case PR_PER_MONTH:
			return PICK(month);
		case PR_PER_YEAR:
			return PICK(year);
		default:
			return PICK(once);
	}
}

static void
sen_rate(Sentence *b, const PenaltyRule *r)
{
	if (r->lpr_mult != 0)
	{
		static const char *const lead[] = {"LPR的", "同期LPR的", "LPR×"};
		const char *l = PICK(lead);

		sen_put(b, l);
		sen_fixed(b, r->lpr_mult, 3);
		if (strstr(l, "的"))
			sen_put(b, "倍");
		return;
	}
	switch (rng() % 5)
	{
		case 0:
			sen_fixed(b, r->rate, 7);
			sen_put(b, rng() % 2 ? "%" : "％");
			break;
		case 1:
			sen_fixed(b, r->rate, 6);
			sen_put(b, "‰");
			break;
		case 2:
			sen_put(b, "万分之");
			sen_fixed(b, r->rate, 5);
			break;
		case 3:
			sen_put(b, "千分之");
			sen_fixed(b, r->rate, 6);
			break;
		default:
			sen_put(b, "百分之");
			sen_fixed(b, r->rate, 7);
			break;
	}
}

/* The rule's clause: rate, basis and period in one of the seeds' shapes. */
static void
sen_clause(Sentence *b, const PenaltyRule *r)
{
	const char *basis = r->basis != PR_BASIS_OVERDUE || rng() % 2 ? sen_basis(r->basis) : "";
	const char *period = sen_period(r->period);
	const char *of = *basis ? "的" : "";
	const char *sep = rng() % 2 ? "，" : ",";

	switch (rng() % 5)
	{
		case 0:				/* 001 §9.3 */
			sen_put(b, period);
			sen_put(b, *period ? sep : "");
			sen_put(b, rng() % 2 ? "应向甲方支付" : "应向乙方支付");
			sen_put(b, basis);
			sen_rate(b, r);
			sen_put(b, rng() % 2 ? "的违约金" : "的滞纳金");
			break;
		case 1:				/* 004 §9 */
			sen_put(b, rng() % 2 ? "违约金为" : "滞纳金为");
			sen_put(b, basis);
			sen_put(b, of);
			sen_rate(b, r);
			sen_put(b, *period ? sep : "");
			sen_put(b, period);
			break;
		case 2:				/* 003 §4.5 */
			sen_put(b, period);
			sen_put(b, "应向乙方支付");
			sen_put(b, basis);
			sen_put(b, of);
			sen_rate(b, r);
			sen_put(b, "作为违约金");
			break;
		case 3:				/* 以…为基数，按每日…计算 */
			if (*basis)
			{
				sen_put(b, "以");
				sen_put(b, basis);
				sen_put(b, "为基数");
				sen_put(b, sep);
			}
			sen_put(b, "按");
			sen_put(b, period);
			sen_rate(b, r);
			sen_put(b, "计算");
			break;
		default:			/* 合同总金额的1%，每日 */
			sen_put(b, basis);
			sen_put(b, of);
			sen_rate(b, r);
			sen_put(b, " ");
			sen_put(b, period);
			break;
	}
}

/* One option of the rule, numbered 0-4, in Chinese; nothing if the rule has none. */
static void
sen_option(Sentence *b, const PenaltyRule *r, int which)
{
	switch (which)
	{
		case 0:
			if (r->grace == 0)
				return;
			sen_put(b, rng() % 2 ? "宽限期" : "宽限期为");
			sen_fixed(b, r->grace, 0);
			sen_put(b, (r->flags & PR_FLAG_GRACE_WORKING) ? (rng() % 2 ? "个工作日" : "工作日")
					: (rng() % 2 ? "天" : "日"));
			return;
		case 1:
			if (r->cap_kind == PR_CAP_SHARE && r->cap == PR_RATE_SCALE && rng() % 3 == 0)
			{
				/* 100%: the whole basis, 以合同总价款为限 */
				sen_put(b, rng() % 2 ? "违约金总额以" : "以");
				sen_put(b, sen_basis(r->basis));
				sen_put(b, rng() % 2 ? "为限" : "为上限");
			}
			else if (r->cap_kind == PR_CAP_SHARE)
			{
				static const char *const lead[] = {"违约金总额不超过", "最高不超过", "上限为", "以"};
				const char *l = PICK(lead);
				const char *basis = rng() % 2 ? sen_basis(r->basis) : "";

				sen_put(b, l);
				sen_put(b, basis);
				sen_put(b, *basis ? "的" : "");
				sen_fixed(b, r->cap, 7);
				sen_put(b, "%");
				sen_put(b, strcmp(l, "以") == 0 ? "为上限" : "");
			}
			else if (r->cap_kind == PR_CAP_AMOUNT)
			{
				bool		postfix = rng() % 3 == 0;

				sen_put(b, postfix ? "以" : rng() % 2 ? "最高不超过" : "上限");
				sen_amount(b, r->cap);
				sen_put(b, postfix ? "为限" : "");
			}
			return;
		case 2:
			if (r->minimum == 0)
				return;
			sen_put(b, rng() % 2 ? "最低" : "不低于");
			sen_amount(b, r->minimum);
			return;
		case 3:
			if (r->flags & PR_FLAG_COMPOUND)
				sen_put(b, "复利");
			return;
		default:
			if (r->flags & PR_FLAG_FLOATING)
				sen_put(b, "浮动");
			return;
	}
}

/* Simplified characters and a traditional form of each (the seeds' converted texts). */
static const char *const sen_traditional[][2] = {
	{"违", "違"}, {"约", "約"}, {"总", "總"}, {"额", "額"}, {"应", "應"}, {"滞", "滯"},
	{"纳", "納"}, {"迟", "遲"}, {"价", "價"}, {"项", "項"}, {"计", "計"}, {"为", "為"},
	{"宽", "寬"}, {"个", "個"}, {"复", "複"}, {"动", "動"}, {"万", "萬"}, {"货", "貨"},
	{"过", "過"}, {"币", "幣"}, {"周", "週"}, {"时", "時"}
};

/* Chinese numerals: a gloss after one of them would split the numeral. */
static bool
sen_numeral(const char *c)
{
	static const char *const numerals[] = {
		"零", "〇", "一", "二", "两", "兩", "三", "四", "五", "六", "七", "八", "九", "十",
		"百", "千", "万", "萬"
	};
	size_t		i;

	for (i = 0; i < sizeof(numerals) / sizeof(numerals[0]); i++)
		if (memcmp(c, numerals[i], 3) == 0)
			return true;
	return false;
}

/* Full-width digits, traditional characters and one gloss, each by chance. */
static void
sen_disguise(const Sentence *in, Sentence *out)
{
	bool		wide = rng() % 4 == 0;
	bool		trad = rng() % 2 == 0;
	int			gloss = rng() % 3 == 0 ? (int) (rng() % 16) : -1;
	int			han = 0;
	size_t		i = 0;

	out->len = 0;
	out->buf[0] = '\0';
	while (i < in->len)
	{
		unsigned char c = (unsigned char) in->buf[i];
		char		one[8];
		size_t		k;

		if (wide && c >= '0' && c <= '9')
		{
			/* U+FF10 + d = EF BC 90+d */
			one[0] = (char) 0xEF;
			one[1] = (char) 0xBC;
			one[2] = (char) (0x90 + (c - '0'));
			one[3] = '\0';
			sen_put(out, one);
			i++;
			continue;
		}
		if (c < 0xE0 || c >= 0xF0 || i + 3 > in->len)
		{
			one[0] = (char) c;
			one[1] = '\0';
			sen_put(out, one);
			i++;
			continue;
		}
		memcpy(one, in->buf + i, 3);
		one[3] = '\0';
		if (trad && rng() % 2)
			for (k = 0; k < sizeof(sen_traditional) / sizeof(sen_traditional[0]); k++)
				if (strcmp(one, sen_traditional[k][0]) == 0)
				{
					strcpy(one, sen_traditional[k][1]);
					break;
				}
		sen_put(out, one);
		/* 、，；：（ are not Han (E3 80 .., EF BC ..); a gloss follows a Han character only */
		if (c >= 0xE4 && c <= 0xE9 && !sen_numeral(in->buf + i) && han++ == gloss)
			sen_put(out, rng() % 2 ? "(yīng)" : "（zé）");
		i += 3;
	}
}

/* r (valid) as a contract sentence: a breach, the clause and the options in any order. */
static void
sentence_of(const PenaltyRule *r, Sentence *out)
{
	static const char *const breach[] = {"", "", "若甲方逾期付款，", "甲方逾期付款的，", "如果乙方未能按约定时间完成系统实施，"};
	static const char *const seps[] = {"，", ",", "；", "、"};
	static Sentence parts[6];
	Sentence	b;
	int			order[5] = {0, 1, 2, 3, 4};
	int			n = 0,
				i,
				at;

	for (i = 4; i > 0; i--)
	{
		int			j = (int) (rng() % (uint64_t) (i + 1));
		int			t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
	for (i = 0; i < 5; i++)
	{
		parts[n].len = 0;
		parts[n].buf[0] = '\0';
		sen_option(&parts[n], r, order[i]);
		if (parts[n].len > 0)
			n++;
	}
	/* the clause goes in at a place of its own */
	at = (int) (rng() % (uint64_t) (n + 1));
	memmove(&parts[at + 1], &parts[at], sizeof(parts[0]) * (size_t) (n - at));
	parts[at].len = 0;
	parts[at].buf[0] = '\0';
	sen_clause(&parts[at], r);
	b.len = 0;
	b.buf[0] = '\0';
	sen_put(&b, PICK(breach));
	for (i = 0; i <= n; i++)
	{
		if (i > 0)
			sen_put(&b, PICK(seps));
		sen_put(&b, parts[i].buf);
	}
	if (rng() % 3 == 0)
		sen_put(&b, "。");
	sen_disguise(&b, out);
}

#endif
