/*
 * notice_date.c - dates as the notices write them, their annotations, counts
 * and festival names.
 *
 * A date is [YYYY年][M月]D日; a year or month left out comes from context
 * (notice_clause.c).  The parenthesis after a date gives its weekday, its
 * lunar date or the festival, in any order: （周四）, （星期日、农历除夕）,
 * （农历五月初五，端午节）, （即农历大年初一至初七）, or a weekday follows with
 * no parenthesis (1月4日星期日, as some reposts write it).  A weekday is checked;
 * lunar dates and names are not (that would need a lunar calendar), but they
 * must look like one, so that text pasted into a parenthesis is not taken
 * for an annotation.
 */
#include "notice_impl.h"
#include "civil.h"

#include <string.h>

static bool
is_digit_at(const NText *t, size_t p, size_t end)
{
	return p < end && t->u[p].cp >= '0' && t->u[p].cp <= '9';
}

int
notice_weekday_at(const NText *t, size_t pos, size_t end, size_t *used)
{
	static const char *const days[] = {"一", "二", "三", "四", "五", "六", "日", "天"};
	size_t		n = ntx_lit(t, pos, end, "星期");
	int			i;

	if (n == 0)
		n = ntx_lit(t, pos, end, "礼拜");
	if (n == 0)
		n = ntx_lit(t, pos, end, "周");
	if (n == 0)
		return 0;
	for (i = 0; i < 8; i++)
		if (ntx_lit(t, pos + n, end, days[i]) == 1)
		{
			*used = n + 1;
			return i < 6 ? i + 1 : 7;
		}
	return 0;
}

/* Words that only a lunar date or a festival's name holds. */
static bool
is_lunar_note(const NText *t, size_t a, size_t b)
{
	static const char *const words[] = {
		"农历", "除夕", "初", "正月", "腊月", "冬月", "节", "元旦", "新年", "当日",
		"大年", "小年", "十五", "三十", "廿", "春节", "端午", "中秋", "清明", "国庆", "劳动",
		"五一", "十一", NULL
	};
	size_t		p;
	int			i;

	if (a >= b)
		return false;
	for (p = a; p < b; p++)
		if (!ntx_is_cjk(t->u[p].cp))
			return false;
	for (i = 0; words[i]; i++)
		if (ntx_find(t, a, b, words[i]) != NTX_NONE)
			return true;
	return false;
}

/*
 * The annotation in (open, close): parts separated by 、 ， ；.  Sets
 * d->weekday.  Two different weekdays, a word like a weekday that is not
 * one (期三), or text that is neither are refused.
 */
static NoticeStatus
read_annotation(NoticeCtx *c, size_t open, size_t close, NDate *d)
{
	const NText *t = &c->t;
	size_t		a = open + 1;

	while (a <= close)
	{
		size_t		b = a,
					used = 0;
		int			wd;

		while (b < close && t->u[b].cp != CP_ENUM_COMMA && t->u[b].cp != ',' &&
			   t->u[b].cp != ';' && t->u[b].cp != 0xB7 && t->u[b].cp != 0x30FB)	/* · ・ */
			b++;
		wd = notice_weekday_at(t, a, b, &used);
		if (wd > 0 && used == b - a)
		{
			if (d->weekday != 0 && d->weekday != wd)
				return notice_fail(c, NOTICE_ERR_UNREADABLE, open, close + 1,
								   "An annotation gives one weekday.");
			d->weekday = wd;
		}
		else if (ntx_find(t, a, b, "星期") != NTX_NONE || ntx_find(t, a, b, "礼拜") != NTX_NONE ||
				 (b > a && t->u[a].cp == 0x5468 /* 周 */ ) || !is_lunar_note(t, a, b))
			return notice_fail(c, NOTICE_ERR_UNREADABLE, open, close + 1,
							   "The parenthesis after a date gives its weekday (周四, 星期四) or its lunar date (农历正月初一, 除夕).");
		a = b + 1;
	}
	return NOTICE_OK;
}

/*
 * [YYYY年][M月]D日 at pos, and the annotation after it.  Returns 0 (and
 * leaves *st alone) where pos holds no date: digits followed by something
 * else, a year alone (2015年是), a month alone (2024年11月修订).
 */
size_t
notice_read_date(NoticeCtx *c, size_t pos, size_t end, NDate *d, NoticeStatus *st)
{
	const NText *t = &c->t;
	int64_t		v;
	size_t		l = ntx_digits(t, pos, end, &v),
				q = pos + l;

	memset(d, 0, sizeof(*d));
	d->annot = NTX_NONE;
	d->start = pos;
	if (l == 0)
		return 0;
	if (q < end && t->u[q].cp == 0x5E74 /* 年 */ )
	{
		if (l != 4 || !is_digit_at(t, q + 1, end))
			return 0;
		d->year = v;
		q++;
		l = ntx_digits(t, q, end, &v);
		q += l;
	}
	if (q < end && t->u[q].cp == 0x6708 /* 月 */ )
	{
		if (!is_digit_at(t, q + 1, end))
			return 0;
		d->month = (l > 2 || v == 0) ? 99 : (int) v;	/* 99: refused as impossible */
		q++;
		l = ntx_digits(t, q, end, &v);
		q += l;
	}
	if (q >= end || (t->u[q].cp != 0x65E5 /* 日 */ && t->u[q].cp != 0x53F7 /* 号 */ ) ||
		(d->year != 0 && d->month == 0))
		return 0;
	d->day = (l > 2) ? 99 : (int) v;
	q++;
	d->end = q;
	if (q < end && t->u[q].cp == '(')
	{
		size_t		close = ntx_paren_end(t, q, end);

		if (close == NTX_NONE)
		{
			*st = notice_fail(c, NOTICE_ERR_UNREADABLE, q, end, "A parenthesis is not closed.");
			return q - pos;
		}
		d->annot = q;
		if ((*st = read_annotation(c, q, close, d)) != NOTICE_OK)
			return q - pos;
		d->end = close + 1;
	}
	else
	{
		/* a weekday with no parentheses: 1月4日星期日上班 */
		size_t		used = 0;
		int			wd = notice_weekday_at(t, q, end, &used);

		if (wd > 0)
		{
			d->annot = q;
			d->weekday = wd;
			d->end = q + used;
		}
	}
	return d->end - pos;
}

NoticeStatus
notice_check_date(NoticeCtx *c, NDate *d, int64_t y, int m)
{
	int64_t		day;
	size_t		date_end = d->annot != NTX_NONE ? d->annot : d->end;

	if (m < 1 || m > 12 || d->day < 1 || y < 1 || y > 9999 || d->day > civil_days_in_month(y, m))
	{
		c->err->expected = 0;
		return notice_fail(c, NOTICE_ERR_DATE, d->start, date_end,
						   m < 1 || m > 12 ? "A month is 1 to 12." : "The month has no such day.");
	}
	day = civil_days_from_ymd(y, m, d->day);
	if (day < c->window_lo || day > c->window_hi)
	{
		notice_fail(c, NOTICE_ERR_WINDOW, d->start, date_end,
					"A notice arranges the days from December of the year before to the end of its year.");
		c->err->expected = day;
		return NOTICE_ERR_WINDOW;
	}
	if (d->weekday != 0 && civil_iso_weekday(day) != d->weekday)
	{
		notice_fail(c, NOTICE_ERR_WEEKDAY, d->start, d->end, "The weekday written is not the date's.");
		c->err->written_weekday = d->weekday;
		c->err->actual_weekday = civil_iso_weekday(day);
		return NOTICE_ERR_WEEKDAY;
	}
	d->resolved = day;
	return NOTICE_OK;
}

static int
chinese_digit(uint32_t cp)
{
	static const uint32_t digits[] = {
		0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D
	};							/* 〇一二三四五六七八九 */
	int			i;

	for (i = 0; i < 10; i++)
		if (digits[i] == cp)
			return i;
	if (cp == 0x4E24 /* 两 */ )
		return 2;
	if (cp == 0x96F6 /* 零 */ )
		return 0;
	return -1;
}

/* ASCII digits (up to 4) or a Chinese numeral below 100 (三, 十五, 二十四). */
size_t
notice_number_at(const NText *t, size_t pos, size_t end, int64_t *value)
{
	size_t		l = ntx_digits(t, pos, end, value),
				p = pos;
	int			tens = 0,
				d;

	if (l > 0)
		return l <= 4 ? l : 0;
	if (p < end && (d = chinese_digit(t->u[p].cp)) > 0)
	{
		p++;
		if (p >= end || t->u[p].cp != 0x5341 /* 十 */ )
		{
			*value = d;
			return 1;
		}
		tens = d;
	}
	if (p >= end || t->u[p].cp != 0x5341)
		return 0;
	p++;
	*value = (tens ? tens : 1) * 10;
	if (p < end && (d = chinese_digit(t->u[p].cp)) > 0)
	{
		*value += d;
		p++;
	}
	return p - pos;
}

typedef struct FestivalWord
{
	const char *word;
	int			festival;
} FestivalWord;

/* Longest spellings first: 国庆节、中秋节 before 国庆节. */
static const FestivalWord festival_words[] = {
	{"中秋节、国庆节", NF_MID_AUTUMN_NATIONAL}, {"国庆节、中秋节", NF_MID_AUTUMN_NATIONAL},
	{"中秋节和国庆节", NF_MID_AUTUMN_NATIONAL}, {"国庆节和中秋节", NF_MID_AUTUMN_NATIONAL},
	{"中秋、国庆", NF_MID_AUTUMN_NATIONAL}, {"国庆、中秋", NF_MID_AUTUMN_NATIONAL},
	{"五一国际劳动节", NF_LABOUR}, {"国际劳动节", NF_LABOUR},
	{"元旦", NF_NEW_YEAR}, {"春节", NF_SPRING}, {"清明节", NF_QINGMING}, {"清明", NF_QINGMING},
	{"劳动节", NF_LABOUR}, {"五一", NF_LABOUR}, {"端午节", NF_DRAGON_BOAT}, {"端午", NF_DRAGON_BOAT},
	{"中秋节", NF_MID_AUTUMN}, {"中秋", NF_MID_AUTUMN}, {"国庆节", NF_NATIONAL}, {"国庆", NF_NATIONAL},
	{"十一", NF_NATIONAL},
	{"抗战胜利纪念日", NF_VICTORY}, {"胜利纪念日", NF_VICTORY}, {"胜利日", NF_VICTORY},
	{NULL, 0}
};

int
notice_festival_at(const NText *t, size_t pos, size_t end, size_t *used)
{
	const FestivalWord *f;

	for (f = festival_words; f->word; f++)
		if ((*used = ntx_lit(t, pos, end, f->word)) > 0)
			return f->festival;
	*used = 0;
	return NF_NONE;
}

/*
 * Every date written in [a, b) must exist, lie in the window and match its
 * weekday (in parentheses or right after it: 1月1日星期五), though the text
 * gives no days: advisory sentences, the notes a site put in an item head.
 * A day without its month is left alone (nothing to check it against).
 */
NoticeStatus
notice_check_dates_in(NoticeCtx *c, size_t a, size_t b, int festival)
{
	const NText *t = &c->t;
	size_t		p = a;

	while (p < b)
	{
		NDate		d;
		NoticeStatus st = NOTICE_OK;
		size_t		n;

		if (!is_digit_at(t, p, b) || (p > a && is_digit_at(t, p - 1, b)))
		{
			p++;
			continue;
		}
		n = notice_read_date(c, p, b, &d, &st);
		if (st != NOTICE_OK)
			return st;
		if (n == 0 || d.month == 0)
		{
			p += n > 0 ? n : 1;
			continue;
		}
		st = notice_check_date(c, &d, d.year ? d.year :
							   (festival == NF_NEW_YEAR && d.month == 12 ? c->year - 1 : c->year),
							   d.month);
		if (st != NOTICE_OK)
			return st;
		p = d.end;
	}
	return NOTICE_OK;
}
