/*
 * notice_doc.c - the document around the items.
 *
 * A text holds one notice or several, each from its title (国务院办公厅关于…
 * 的通知, 国务院关于…的通知) to the next.  Before the first item come the
 * document number, salutation and approval sentence, passed over; then the
 * items (一、 1、 （一） or a festival head such as 元旦：); then the closing
 * paragraph (节假日期间，…), signature and date, passed over too, but refused
 * if they hold a day off or worked.  The last item ends where that prose
 * begins, so run-on pastes with no line breaks read like the original.  A
 * notice with no items (the 2015 victory-day notice) is read from the
 * salutation to the closing as one item of the festival its title names.
 */
#include "notice_impl.h"
#include "civil.h"

#include <string.h>

#define MAX_ITEMS 32

typedef struct ItemSpan
{
	size_t		start;			/* the marker or head */
	size_t		body;			/* after the head */
	size_t		end;
	int			festival;
	bool		head;
} ItemSpan;

static uint32_t
cp_at(const NText *t, size_t p)
{
	return p < t->n ? t->u[p].cp : 0;
}

static bool
is_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

static bool
is_boundary(const NText *t, size_t p, size_t from)
{
	return p == from || t->u[p].line_start || t->u[p - 1].cp == CP_FULL_STOP;
}

/* ---------- noise removed before reading ---------- */

/* An editor's note: （360常识网注：…）, （编者按：…）, 【注：…】. Units, 0 if none. */
static size_t
note_len(const NText *t, size_t p)
{
	uint32_t	open = t->u[p].cp,
				close = open == '(' ? ')' : 0x3011;
	size_t		q;
	int			depth = 0;
	bool		marked = false;

	if (open != '(' && open != 0x3010)
		return 0;
	/* the mark comes within 30 characters, the note ends within 400 */
	for (q = p; q < t->n && q < p + 400 && (marked || q < p + 30); q++)
	{
		uint32_t	cp = t->u[q].cp;

		if (cp == open)
			depth++;
		else if (cp == close && --depth == 0)
			return marked ? q + 1 - p : 0;
		else if ((cp == 0x6CE8 /* 注 */ || cp == 0x6309 /* 按 */ ) && cp_at(t, q + 1) == ':')
			marked = true;
	}
	return 0;
}

/*
 * Forum anti-copy junk (7q,M2v;  "Crm\UI6  ! i2 R5 h& \" u6 l0 {): a run of
 * ASCII from a line start, a 。 or a ：, with a letter or a symbol that notices
 * never use, to the end of the line or up to the Chinese text it was stuck
 * before.  Digits and punctuation alone are not junk (they may be a date
 * broken over lines), nor the digits that end the run (abc1月4日).  Units,
 * 0 if none.
 */
static size_t
junk_len(const NText *t, size_t p)
{
	size_t		q,
				k;
	bool		odd = false;

	for (k = p; k < t->n && (k == p || !t->u[k].line_start) && t->u[k].cp < 0x80; k++)
		;
	if (k < t->n && k > p && !t->u[k].line_start)
		while (k > p && (is_digit(t->u[k - 1].cp) || strchr(",;:()~.", (int) t->u[k - 1].cp)))
			k--;				/* stuck before Chinese text: keep its digits */
	for (q = p; q < k; q++)
		if (!is_digit(t->u[q].cp) && !strchr(",;:()~.", (int) t->u[q].cp))
			odd = true;
	return odd ? k - p : 0;
}

size_t
notice_strip_noise(NText *t)
{
	size_t		r = 0,
				w = 0;
	bool		pending_break = false;

	while (r < t->n)
	{
		size_t		n = note_len(t, r);

		/* junk starts a line or follows a 。 or ： (of the text as kept) */
		if (n == 0 && (w == 0 || t->u[r].line_start || pending_break ||
					   t->u[w - 1].cp == CP_FULL_STOP || t->u[w - 1].cp == ':'))
			n = junk_len(t, r);
		if (n > 0)
		{
			pending_break |= t->u[r].line_start || (r + n < t->n && t->u[r + n].line_start);
			r += n;
			continue;
		}
		t->u[w] = t->u[r];
		if (pending_break)
			t->u[w].line_start = 1;
		pending_break = false;
		w++;
		r++;
	}
	return w;
}

/* ---------- titles and notices ---------- */

static bool schedule_clause(const NText *t, size_t p, size_t end, size_t *a, size_t *b);

/*
 * A title at p: 国务院办公厅关于 or 国务院关于, then up to 80 characters with
 * no punctuation, then 通知.  The words between say what the notice does:
 * 部分节假日安排 (yearly), 调整 (replaces an item), 延长 (extends a holiday),
 * anything else adds days (纪念日调休放假).
 */
static bool
title_at(const NText *t, size_t p, size_t end, NTitle *tt)
{
	size_t		n = ntx_lit(t, p, end, "国务院办公厅关于"),
				q,
				k,
				used;
	int64_t		y;

	if (n == 0)
		n = ntx_lit(t, p, end, "国务院关于");
	if (n == 0 && p > 0 && t->u[p - 1].cp == 0x300A)	/* 印发《关于2026年…的通知》 */
		n = ntx_lit(t, p, end, "关于");
	if (n == 0)
		return false;
	q = p + n;
	for (k = q; k < end && k < q + 80; k++)
	{
		uint32_t	cp = t->u[k].cp;

		if (ntx_is_clause_sep(cp) || cp == 0x300B || cp == '(')
			return false;
		if (ntx_lit(t, k, end, "通知"))
			break;
	}
	if (k >= end || k >= q + 80)
		return false;
	memset(tt, 0, sizeof(*tt));
	tt->a = p;
	tt->b = k + 2;
	n = ntx_lit(t, q, k, "调整");
	if (n == 0)
		n = ntx_lit(t, q, k, "延长");
	if (ntx_digits(t, q + n, k, &y) == 4 && ntx_lit(t, q + n + 4, k, "年"))
	{
		tt->year = (int) y;
		tt->year_at = q + n;
	}
	tt->kind = ntx_find(t, q, k, "延长") != NTX_NONE ? NOTICE_EXTENDS :
		ntx_find(t, q, k, "调整") != NTX_NONE ? NOTICE_REPLACES :
		ntx_find(t, q, k, "节假日") != NTX_NONE ? NOTICE_YEARLY : NOTICE_ADDS;
	if (tt->kind != NOTICE_YEARLY)
	{
		for (n = q; n < k && tt->festival == NF_NONE; n++)
			tt->festival = notice_festival_at(t, n, k, &used);
		if (ntx_find(t, q, k, "胜利") != NTX_NONE && ntx_find(t, q, k, "纪念日") != NTX_NONE)
			tt->festival = ntx_find(t, q, k, "70周年") != NTX_NONE ? NF_VICTORY_70 : NF_VICTORY;
	}
	return true;
}

/* Whether [a, b) writes a date with its month (M月D日). */
static bool
has_date(const NText *t, size_t a, size_t b)
{
	size_t		p;

	for (p = a; p + 2 < b; p++)
		if (is_digit(t->u[p].cp) && t->u[p + 1].cp == 0x6708 && is_digit(t->u[p + 2].cp))
			return true;
	return false;
}

/* Two titles of one notice: a page that names it, then prints it. */
static bool
same_notice(const NTitle *x, const NTitle *y)
{
	return x->kind == y->kind && x->year == y->year && x->festival == y->festival;
}

/*
 * Cut the text into notices at their titles.  The same title again, or one
 * with no day off or worked between it and the next, is page chrome or a
 * lead line quoting the title (正在阅读：…, 新华社北京11月4日电 国务院办公厅
 * 关于…的通知，全文如下：): the two are one notice, read from the later.
 */
NoticeStatus
notice_find_notices(NoticeCtx *c, NSegment *seg, int *nseg)
{
	const NText *t = &c->t;
	size_t		p,
				qa,
				qb;
	int			n = 0;

	seg[0].a = 0;
	memset(&seg[0].title, 0, sizeof(NTitle));
	for (p = 0; p < t->n; p++)
	{
		NTitle		tt;

		if (!title_at(t, p, t->n, &tt))
			continue;
		if (n > 0 && (same_notice(&seg[n - 1].title, &tt) ||
					  !schedule_clause(t, seg[n - 1].title.b, tt.a, &qa, &qb)))
		{
			if (seg[n - 1].title.year && tt.year && seg[n - 1].title.year != tt.year)
			{
				notice_fail(c, NOTICE_ERR_YEAR_CONFLICT, tt.year_at, tt.year_at + 4,
							"A lead line and the title it quotes name one year.");
				c->err->found = tt.year;
				c->err->expected = seg[n - 1].title.year;
				return NOTICE_ERR_YEAR_CONFLICT;
			}
			seg[n - 1].title = tt;
		}
		else
		{
			if (n == MAX_NOTICES)
				return notice_fail(c, NOTICE_ERR_UNREADABLE, tt.a, tt.b, "A text holds at most 16 notices.");
			if (n > 0)
				seg[n].a = tt.a;
			seg[n].title = tt;
			n++;
		}
		p = tt.b - 1;
	}
	if (n == 0)
		n = 1;					/* no title: the text is one notice */
	for (p = 0; p < (size_t) n; p++)
		seg[p].b = p + 1 < (size_t) n ? seg[p + 1].a : t->n;
	*nseg = n;
	return NOTICE_OK;
}

/*
 * A notice pasted without its title says what it is in the approval
 * sentence: 现将调整2019年劳动节放假安排通知如下, 现将延长2020年春节假期的
 * 具体安排通知如下, 现将2026年元旦、春节…的具体安排通知如下; the 2015
 * victory-day notice, which has none, in its first sentence (胜利70周年).
 */
void
notice_title_from_text(const NText *t, NSegment *s)
{
	size_t		p = ntx_find(t, s->a, s->b, "现将"),
				q,
				used;
	int64_t		y;
	NTitle	   *tt = &s->title;

	if (tt->b > tt->a)
		return;
	q = p == NTX_NONE ? s->b : p + 2;
	if (ntx_lit(t, q, s->b, "调整"))
		tt->kind = NOTICE_REPLACES;
	else if (ntx_lit(t, q, s->b, "延长"))
		tt->kind = NOTICE_EXTENDS;
	if (tt->kind != NOTICE_YEARLY)
		q += 2;
	if (ntx_digits(t, q, s->b, &y) == 4 && cp_at(t, q + 4) == 0x5E74)
	{
		tt->year = (int) y;
		tt->year_at = q;
		q += 5;
	}
	if (tt->kind != NOTICE_YEARLY)
		tt->festival = notice_festival_at(t, q, s->b, &used);
	/* 2015年是中国人民抗日战争暨世界反法西斯战争胜利70周年 */
	else if (ntx_find(t, s->a, s->b, "部分节假日") == NTX_NONE &&
			 (p = ntx_find(t, s->a, s->b, "胜利")) != NTX_NONE && ntx_find(t, p, s->b, "周年") != NTX_NONE &&
			 ntx_find(t, p, s->b, "纪念") != NTX_NONE)
	{
		tt->kind = NOTICE_ADDS;
		tt->festival = ntx_find(t, p, s->b, "70周年") != NTX_NONE ? NF_VICTORY_70 : NF_VICTORY;
	}
}

/* The year of the signature's date at p (国务院办公厅\n2019年3月22日), 0 if none. */
static int
signed_year(const NText *t, size_t p, size_t end)
{
	size_t		n = ntx_lit(t, p, end, "国务院办公厅");
	int64_t		v;

	if (n == 0)
		n = ntx_lit(t, p, end, "国务院");
	if (n == 0)
		return 0;
	p += n;
	if (cp_at(t, p) == ',')
		p++;
	return ntx_digits(t, p, end, &v) == 4 && cp_at(t, p + 4) == 0x5E74 ? (int) v : 0;
}

/*
 * The notice year: the title's, else the hint, else the first YYYY年
 * standing alone, else for a notice that amends one its signature's year.
 */
NoticeStatus
notice_year(NoticeCtx *c, const NSegment *s, int hint)
{
	const NText *t = &c->t;
	const NTitle *tt = &s->title;
	int			y = tt->year;
	size_t		p;

	if (y && hint && y != hint)
	{
		notice_fail(c, NOTICE_ERR_YEAR_CONFLICT, tt->year_at, tt->year_at + 4,
					"The title names another year than the one given.");
		c->err->found = y;
		c->err->expected = hint;
		return NOTICE_ERR_YEAR_CONFLICT;
	}
	if (!y)
		y = hint;
	for (p = tt->b > s->a ? tt->b : s->a; !y && p + 4 < s->b; p++)
	{
		int64_t		v;

		if ((p == 0 || !is_digit(t->u[p - 1].cp)) && ntx_digits(t, p, s->b, &v) == 4 &&
			cp_at(t, p + 4) == 0x5E74 && !is_digit(cp_at(t, p + 5)))
			y = (int) v;
	}
	/*
	 * a notice that amends one is dated in the year it amends (2015年5月13日,
	 * 2019年3月22日, 2020年1月26日): its date line; a yearly one is not
	 */
	for (p = s->b; !y && tt->kind != NOTICE_YEARLY && p-- > s->a;)
		y = signed_year(t, p, s->b);
	if (!y)
		return notice_fail(c, NOTICE_ERR_NO_YEAR, tt->a, tt->b,
						   "The title (关于2026年部分节假日安排的通知) or the text names the year.");
	if (y < 1900 || y > 2999)
		return notice_fail(c, NOTICE_ERR_NO_YEAR, tt->year_at, tt->year_at + (tt->year ? 4 : 0),
						   "A notice year is between 1900 and 2999.");
	c->year = y;
	c->window_lo = civil_days_from_ymd(y - 1, 12, 1);
	c->window_hi = civil_days_from_ymd(y, 12, 31);
	return NOTICE_OK;
}

/* ---------- items and the prose around them ---------- */

/*
 * An item at p: a number (一、 1、 1. （一）) and/or a festival head (元旦：,
 * 元旦（1月1日星期五）：, or after a number 清明节4月4日… with no colon).
 * A site's note inside the head is checked (its dates exist, its weekdays
 * are right) and otherwise passed over.  Returns false if p starts no item.
 */
static NoticeStatus
item_at(NoticeCtx *c, size_t p, size_t end, ItemSpan *it, int *num, bool *found)
{
	const NText *t = &c->t;
	size_t		q = p,
				l,
				used,
				r;
	int64_t		v;
	int			f;
	NoticeStatus st;

	*found = false;
	*num = 0;
	memset(it, 0, sizeof(*it));
	if (cp_at(t, q) == '(' && (l = notice_number_at(t, q + 1, end, &v)) > 0 &&
		cp_at(t, q + 1 + l) == ')' && q + 2 + l < end)
	{
		*num = (int) v;
		q += l + 2;
	}
	else if ((l = notice_number_at(t, q, end, &v)) > 0 && q + l < end &&
			 (t->u[q + l].cp == CP_ENUM_COMMA || (is_digit(t->u[q].cp) && t->u[q + l].cp == '.')))
	{
		*num = (int) v;
		q += l + 1;
	}
	it->start = p;
	it->body = q;
	if ((f = notice_festival_at(t, q, end, &used)) != NF_NONE)
	{
		r = q + used;
		if (cp_at(t, r) == '(' && r < end)
		{
			/* a site's note in the head is short: (徐夕2月11日星期四) */
			size_t		close = ntx_paren_end(t, r, r + 40 < end ? r + 40 : end);

			if (close != NTX_NONE && cp_at(t, close + 1) == ':')
			{
				if ((st = notice_check_dates_in(c, r + 1, close, f)) != NOTICE_OK)
					return st;
				r = close + 1;
			}
		}
		if (r < end && (t->u[r].cp == ':' || (*num && is_digit(t->u[r].cp))))
		{
			it->head = true;
			it->festival = f;
			it->body = t->u[r].cp == ':' ? r + 1 : r;
		}
	}
	*found = *num > 0 || it->head;
	return NOTICE_OK;
}

static bool
is_date_line_char(uint32_t cp)
{
	return is_digit(cp) || cp == 0x3007 || cp == 0x25CB || cp == 0x96F6 ||
		cp == 0x5E74 || cp == 0x6708 || cp == 0x65E5 ||
		cp == 0x4E00 || cp == 0x4E8C || cp == 0x4E09 || cp == 0x56DB || cp == 0x4E94 ||
		cp == 0x516D || cp == 0x4E03 || cp == 0x516B || cp == 0x4E5D || cp == 0x5341;
}

/*
 * The prose after the items at p: the signature (国务院办公厅, 国务院, then a
 * date or the line's end), a date line, or a sentence that opens with …期间，
 * (节假日期间, 调休放假期间), 通知还要求 or 各地区、各部门要.
 */
/*
 * The signature at p: 国务院办公厅 or 国务院, then the end, a line break, a
 * comma or the date (run-on pastes: 国务院办公厅2019年11月21日); not 国务院：
 * (a caption).
 */
static bool
signature_at(const NText *t, size_t p, size_t end)
{
	size_t		n = ntx_lit(t, p, end, "国务院办公厅");

	if (n == 0)
		n = ntx_lit(t, p, end, "国务院");
	return n > 0 && (p + n >= end || t->u[p + n].line_start || is_date_line_char(t->u[p + n].cp) ||
					 t->u[p + n].cp == ',');
}

/*
 * A date line with no signature before it, 2025年11月4日 or 二〇〇六年十二月
 * 十四日: the last line of the notice (a date alone on a line elsewhere is a
 * date broken over lines).
 */
static bool
date_line_at(const NText *t, size_t p, size_t end)
{
	size_t		q;

	if (!t->u[p].line_start || !is_date_line_char(t->u[p].cp))
		return false;
	for (q = p; q < end; q++)
		if (!is_date_line_char(t->u[q].cp) || (q > p && t->u[q].line_start))
			return false;
	return ntx_find(t, p, q, "年") != NTX_NONE && ntx_find(t, p, q, "日") != NTX_NONE;
}

static bool
closing_at(const NText *t, size_t p, size_t end)
{
	size_t		q;

	if (signature_at(t, p, end) || date_line_at(t, p, end))
		return true;
	if (ntx_lit(t, p, end, "通知还要求") || ntx_lit(t, p, end, "通知要求") ||
		ntx_lit(t, p, end, "各地区、各部门要") || ntx_lit(t, p, end, "各地区各部门要"))
		return true;
	for (q = p; q < end && q < p + 16 && !ntx_is_clause_sep(t->u[q].cp); q++)
		;
	return q > p + 2 && q < end && t->u[q].cp == ',' && ntx_lit(t, q - 2, q, "期间");
}

/* M月D日 at p. */
static bool
date_at(const NText *t, size_t p, size_t end)
{
	return p + 2 < end && is_digit(t->u[p].cp) && t->u[p + 1].cp == 0x6708 && is_digit(t->u[p + 2].cp);
}

/*
 * The first clause of [p, end) that gives a date and then says it is off or
 * worked (…9月3日至5日调休放假…), as units [*a, *b); false if none.  One pass.
 */
static bool
schedule_clause(const NText *t, size_t p, size_t end, size_t *a, size_t *b)
{
	static const char *const verbs[] = {"放假", "上班", "补休", "调休", NULL};
	size_t		q;
	bool		dated = false;
	int			i;

	*a = p;
	for (q = p; q < end; q++)
	{
		if (ntx_is_clause_sep(t->u[q].cp))
		{
			*a = q + 1;
			dated = false;
			continue;
		}
		dated |= date_at(t, q, end);
		for (i = 0; dated && verbs[i]; i++)
			if (ntx_lit(t, q, end, verbs[i]))
			{
				for (*b = q; *b < end && !ntx_is_clause_sep(t->u[*b].cp); (*b)++)
					;
				return true;
			}
	}
	return false;
}

/*
 * The items of notice s from its title on: an item runs to the next item or
 * to the closing prose.  Before the first item all is header (salutation,
 * approval sentence, the 2025 preamble with its 自2025年1月1日起): passed
 * over.
 */
static NoticeStatus
find_items(NoticeCtx *c, const NSegment *s, ItemSpan *items, int *nitems, size_t *closing)
{
	const NText *t = &c->t;
	size_t		from = s->title.b > s->a ? s->title.b : s->a,
				p;
	int			n = 0,
				last = 0;
	enum
	{
		HEADER, ITEMS, CLOSING
	}			state = HEADER;
	NoticeStatus st;

	for (p = from; p < s->b; p++)
	{
		ItemSpan	it;
		int			num;
		bool		found;

		if (!is_boundary(t, p, from))
			continue;
		if ((st = item_at(c, p, s->b, &it, &num, &found)) != NOTICE_OK)
			return st;
		if (found && num > 0 && num != last + 1)
		{
			/* a pasted item may come alone (二、春节：…); a bare number is not one */
			if (state == HEADER && !it.head)
				continue;
			if (state == HEADER)
				last = num - 1;
		}
		if (found && num > 0 && num != last + 1)
		{
			return notice_fail(c, NOTICE_ERR_UNREADABLE, p, it.body,
							   "The items are numbered one after the other (一、二、三、…).");
		}
		if (found)
		{
			if (n == MAX_ITEMS)
				return notice_fail(c, NOTICE_ERR_UNREADABLE, p, it.body, "A notice has at most 32 items.");
			if (n > 0)
				items[n - 1].end = p;
			if (num > 0)
				last = num;
			items[n++] = it;
			state = ITEMS;
		}
		else if (state == ITEMS && closing_at(t, p, s->b))
		{
			items[n - 1].end = p;
			state = CLOSING;
			*closing = p;
			break;				/* the rest is closing prose */
		}
	}
	if (state == ITEMS)
		items[n - 1].end = s->b;
	*nitems = n;
	return NOTICE_OK;
}

/*
 * A notice with no items (2015: 各省…：2015年是…胜利70周年。…9月3日至5日调休
 * 放假，共3天。…): its body runs from the salutation (or the document
 * number, or the title) to the closing prose.
 */
static NoticeStatus
find_body(NoticeCtx *c, const NSegment *s, ItemSpan *body, size_t *closing)
{
	const NText *t = &c->t;
	size_t		from = s->title.b > s->a ? s->title.b : s->a,
				limit,
				p,
				q;
	int64_t		v;

	memset(body, 0, sizeof(*body));
	body->body = from;
	/* the document number, …〔2015〕1号, right after the title */
	for (p = from; p < s->b && p < from + 24; p++)
		if ((t->u[p].cp == 0x3014 || t->u[p].cp == '[') && ntx_digits(t, p + 1, s->b, &v) == 4)
		{
			limit = p + 16 < s->b ? p + 16 : s->b;
			if ((q = ntx_find(t, p, limit, "号")) != NTX_NONE)
				body->body = q + 1;
			break;
		}
	/* the salutation, 各省、自治区、直辖市人民政府，国务院各部委、各直属机构： */
	limit = body->body + 600 < s->b ? body->body + 600 : s->b;
	if ((p = ntx_find(t, body->body, limit, "各省")) != NTX_NONE &&
		(q = ntx_find(t, p, p + 48 < s->b ? p + 48 : s->b, ":")) != NTX_NONE)
		body->body = q + 1;
	body->start = body->body;
	body->end = s->b;
	for (p = body->body + 1; p < s->b; p++)
		if (is_boundary(t, p, body->body) && closing_at(t, p, s->b))
		{
			body->end = *closing = p;
			break;
		}
	if (!has_date(t, body->body, body->end))
		return notice_fail(c, NOTICE_ERR_NO_SCHEDULE, s->title.a, s->title.b,
						   "A notice arranges days in numbered items (一、元旦：1月1日至3日放假调休，共3天。).");
	return NOTICE_OK;
}

/*
 * The closing paragraph [p, signature) is passed over, but not an item in it
 * (八、国庆节：…), nor a clause that arranges a day otherwise than the items
 * did: either means the items were taken to end too early.  A clause that
 * only repeats days of the items (9月3日放假1天 as a caption) is passed over,
 * and so is one that cannot be read; after the signature anything goes
 * (page chrome, a commentary restating the days).
 */
static NoticeStatus
check_closing(NoticeCtx *c, size_t p, size_t end, const NDays *days, int festival)
{
	const NText *t = &c->t;
	size_t		stop = end,
				q,
				a,
				b;
	NoticeStatus st;

	for (q = p; q < end && stop == end; q++)
		if (is_boundary(t, q, p) && (signature_at(t, q, end) || date_line_at(t, q, end)))
			stop = q;
	for (q = p; q < stop; q++)
	{
		ItemSpan	it;
		int			num;
		bool		found;

		if (!is_boundary(t, q, p))
			continue;
		if ((st = item_at(c, q, stop, &it, &num, &found)) != NOTICE_OK)
			return st;
		if (found && it.head)
			return notice_fail(c, NOTICE_ERR_UNREADABLE, q, it.body,
							   "An item comes after the closing paragraph (节假日期间，…).");
	}
	for (q = p; q < stop && schedule_clause(t, q, stop, &a, &b); q = b + 1)
	{
		NDays		scratch;
		NoticeError saved = *c->err;
		int			nd,
					i;

		memset(&scratch, 0, sizeof(scratch));
		st = notice_read_item(c, &scratch, 0, festival, a, b, &nd);
		*c->err = saved;
		for (i = 0; st == NOTICE_OK && i < NOTICE_WINDOW_DAYS; i++)
			if (scratch.cell[i].kind && scratch.cell[i].kind != days->cell[i].kind)
				return notice_fail(c, NOTICE_ERR_UNREADABLE, a, b,
								   "Days off or worked are arranged in the numbered items, not after the closing paragraph.");
	}
	return NOTICE_OK;
}

/* ---------- one notice ---------- */

static bool
has_digit(const NText *t, size_t a, size_t b)
{
	for (; a < b; a++)
		if (is_digit(t->u[a].cp))
			return true;
	return false;
}

/* Read the items (or the body) of notice s into days. */
NoticeStatus
notice_read_notice(NoticeCtx *c, const NSegment *s, NDays *days)
{
	ItemSpan	items[MAX_ITEMS];
	int			n = 0,
				i,
				total = 0,
				festival = NF_NONE;
	size_t		closing = NTX_NONE;
	NoticeStatus st;

	memset(days, 0, sizeof(*days));
	if ((st = find_items(c, s, items, &n, &closing)) != NOTICE_OK)
		return st;
	if (n == 0)
	{
		if ((st = find_body(c, s, &items[0], &closing)) != NOTICE_OK)
			return st;
		n = 1;
	}
	for (i = 0; i < n; i++)
	{
		ItemSpan   *it = &items[i];
		int			nd = 0;
		size_t		quote_end = it->end < it->body + 24 ? it->end : it->body + 24;
		bool		extended = days->extends;

		festival = it->head ? it->festival : s->title.festival;
		/* the 70th anniversary is the one day of 2015 (1945 + 70) */
		if (festival == NF_VICTORY && c->year == 2015)
			festival = NF_VICTORY_70;

		if (!it->head && !has_digit(&c->t, it->body, it->end))
			continue;			/* a paragraph of prose (2020: 二、各地大专院校…推迟开学) */
		if ((st = notice_read_item(c, days, i, festival, it->body, it->end, &nd)) != NOTICE_OK)
			return st;
		if (nd > 0 && festival == NF_NONE)
			return notice_fail(c, NOTICE_ERR_UNREADABLE, it->start, quote_end,
							   "An item names the holiday it arranges (一、元旦：…).");
		if (it->head && nd == 0 && days->extends == extended)
			return notice_fail(c, NOTICE_ERR_UNREADABLE, it->start, quote_end,
							   "The item gives no dates (元旦：1月1日至3日放假调休，共3天。).");
		total += nd;
	}
	if (total == 0 && !days->extends)
		return notice_fail(c, NOTICE_ERR_NO_SCHEDULE, s->title.a, s->title.b,
						   "A notice arranges days in numbered items (一、元旦：1月1日至3日放假调休，共3天。).");
	return closing == NTX_NONE ? NOTICE_OK : check_closing(c, closing, s->b, days, festival);
}

