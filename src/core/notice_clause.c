/*
 * notice_clause.c - the clauses of one item, into days.
 *
 * An item is sentences (split at 。) of clauses (split at ，；： outside
 * parentheses and book titles).  A clause is a list of dates and what is
 * said of them:
 *
 *   A至B放假[调休|公休] / A放假[N天]   every day off, weekends included
 *   A、B上班 / 调休上班 / 补班           worked (make-up working days)
 *   A补休 / A调休                     off; a single 放假 day and its 补休
 *                                     take in the weekend days between them
 *   其中A为[国庆节]法定(节)假日        off (restating days of the range)
 *   A照常公休 / A为公休日 / A起正常上班 nothing to record
 *   [将]A、B[两个]公休日[及中秋节][分别]调至P、Q
 *                                     P, Q off; A, B worked unless off
 *   延长Y年春节假期至D                 the holiday runs on to D (notice.c)
 *   共N天                             checks the span of the days off so far
 *   与周末连休 / 不调休 / 其中          nothing
 *
 * A clause without a date is prose only if it has no number and says no day
 * is off or worked; anything else is refused with its quote.  Dates alone
 * take what the next clause says (其中：4月4日（清明节），为法定节假日).
 */
#include "notice_impl.h"
#include "civil.h"

#include <string.h>

#define MAX_ELEMS 24
#define MAX_MOVES 24

typedef struct Elem
{
	int64_t		lo;
	int64_t		hi;
} Elem;

typedef struct Item
{
	NoticeCtx  *c;
	NDays	   *days;
	int			index;
	int			festival;
	bool		has_anchor;		/* the month of the item's first range start */
	int64_t		anchor_y;
	int			anchor_m;
	bool		has_prev;		/* the previous date of the item */
	int64_t		prev_y;
	int			prev_m;
	bool		has_off;		/* days off so far: their span, for 共N天 */
	int64_t		off_lo;
	int64_t		off_hi;
	size_t		off_a;
	size_t		off_b;
	bool		has_single;		/* the last single 放假 day, for 补休 */
	int64_t		single_day;
	int64_t		move_src[MAX_MOVES];
	int			nmoves;
	size_t		move_a;
	size_t		move_b;
	int			ndays;			/* days this item set */
	Elem		pending[MAX_ELEMS]; /* a clause of dates alone, waiting for its predicate */
	int			npending;
	size_t		pending_a;
	size_t		pending_b;
} Item;

static const NText *
T(const Item *it)
{
	return &it->c->t;
}

static bool
take(const Item *it, size_t *p, size_t end, const char *lit)
{
	size_t		n = ntx_lit(T(it), *p, end, lit);

	*p += n;
	return n > 0;
}

static NoticeStatus
fail(Item *it, NoticeStatus st, size_t a, size_t b, const char *reason)
{
	return notice_fail(it->c, st, a, b, reason);
}

/* Record day as kind for the clause [a, b). */
static NoticeStatus
set_day(Item *it, int64_t day, int kind, size_t a, size_t b)
{
	NCell	   *cell = &it->days->cell[day - it->c->window_lo];

	if (cell->kind != 0 && (cell->item != it->index || cell->kind != kind))
	{
		NoticeStatus st = fail(it, NOTICE_ERR_CONFLICT, a, b,
							   cell->item != it->index ? "Another item of the notice already arranges this day."
							   : "The notice says this day is both off and worked.");

		it->c->err->aux_offset = T(it)->u[cell->src_a].off;
		it->c->err->aux_length = T(it)->u[cell->src_b - 1].off + T(it)->u[cell->src_b - 1].len -
			T(it)->u[cell->src_a].off;
		it->c->err->expected = day;
		return st;
	}
	if (cell->kind == 0)
		it->ndays++;
	cell->kind = (uint8_t) kind;
	cell->festival = (uint8_t) it->festival;
	cell->item = (int16_t) it->index;
	cell->src_a = (uint32_t) a;
	cell->src_b = (uint32_t) b;
	if (kind == NOTICE_HOLIDAY)
	{
		if (!it->has_off || day < it->off_lo)
			it->off_lo = day;
		if (!it->has_off || day > it->off_hi)
			it->off_hi = day;
		it->has_off = true;
		it->off_a = a;			/* the clause quoted with a wrong count */
		it->off_b = b;
	}
	return NOTICE_OK;
}

static NoticeStatus
set_elems(Item *it, const Elem *el, int n, int kind, size_t a, size_t b)
{
	int			i;
	int64_t		d;
	NoticeStatus st;

	for (i = 0; i < n; i++)
		for (d = el[i].lo; d <= el[i].hi; d++)
			if ((st = set_day(it, d, kind, a, b)) != NOTICE_OK)
				return st;
	return NOTICE_OK;
}

static int64_t
elems_days(const Elem *el, int n)
{
	int64_t		total = 0;
	int			i;

	for (i = 0; i < n; i++)
		total += el[i].hi - el[i].lo + 1;
	return total;
}

/*
 * Year and month of a date from what is written and the context: a bare day
 * takes the month of the date before it in the list, or at the start of a
 * list the month of the item's range start (2006: 1月29日—2月4日 … 其中，
 * 29日、30日、31日); a month without a year is the notice year, except
 * December in the 元旦 item, the year before.
 */
static NoticeStatus
resolve(Item *it, NDate *d, bool has_ctx, int64_t ctx_y, int ctx_m)
{
	int64_t		y = d->year;
	int			m = d->month;

	if (m == 0)
	{
		if (!has_ctx && it->has_anchor)
		{
			has_ctx = true;
			ctx_y = it->anchor_y;
			ctx_m = it->anchor_m;
		}
		if (!has_ctx && it->has_prev)
		{
			has_ctx = true;
			ctx_y = it->prev_y;
			ctx_m = it->prev_m;
		}
		if (!has_ctx)
			return fail(it, NOTICE_ERR_UNREADABLE, d->start, d->end,
						"A day without its month needs a date with a month before it.");
		y = ctx_y;
		m = ctx_m;
	}
	else if (y == 0)
		y = (it->festival == NF_NEW_YEAR && m == 12) ? it->c->year - 1 : it->c->year;
	d->year = y;
	d->month = m;
	return notice_check_date(it->c, d, y, m);
}

/* A至B: the end takes the start's month and year when it leaves them out. */
static NoticeStatus
resolve_range_end(Item *it, const NDate *s, NDate *e)
{
	int64_t		y = e->year;
	int			m = e->month;
	NoticeStatus st;

	if (m == 0)
	{
		y = s->year;
		m = s->month;
	}
	else if (y == 0)
		y = (s->month == 12 && m == 1) ? s->year + 1 : s->year;	/* 12月30日至1月1日 */
	if ((st = notice_check_date(it->c, e, y, m)) != NOTICE_OK)
		return st;
	e->year = y;
	e->month = m;
	if (e->resolved < s->resolved)
	{
		fail(it, NOTICE_ERR_RANGE_ORDER, s->start, e->end, "A range ends on or after the day it starts.");
		it->c->err->expected = s->resolved;
		return NOTICE_ERR_RANGE_ORDER;
	}
	return NOTICE_OK;
}

static bool
is_range_sign(const Item *it, size_t p, size_t end)
{
	return p < end && (T(it)->u[p].cp == '~' || T(it)->u[p].cp == 0x81F3 /* 至 */ );
}

static bool
is_list_sign(const Item *it, size_t p, size_t end)
{
	return p < end && (T(it)->u[p].cp == CP_ENUM_COMMA || T(it)->u[p].cp == 0x548C /* 和 */ ||
					   T(it)->u[p].cp == 0x53CA /* 及 */ );
}

/*
 * A list of dates and ranges at pos: A、B、C至D.  Returns the units used (0:
 * no date at pos); *n gets the elements.
 */
static size_t
read_list(Item *it, size_t pos, size_t end, Elem *el, int *n, NoticeStatus *st)
{
	size_t		p = pos;
	bool		has_ctx = false;
	int64_t		ctx_y = 0;
	int			ctx_m = 0;

	*n = 0;
	*st = NOTICE_OK;
	for (;;)
	{
		NDate		s,
					e;
		size_t		l = notice_read_date(it->c, p, end, &s, st);

		if (*st != NOTICE_OK || l == 0)
			break;
		if (*n >= MAX_ELEMS)
		{
			*st = fail(it, NOTICE_ERR_UNREADABLE, pos, p + l, "A list holds at most 24 dates.");
			break;
		}
		if ((*st = resolve(it, &s, has_ctx, ctx_y, ctx_m)) != NOTICE_OK)
			break;
		p += l;
		el[*n].lo = el[*n].hi = s.resolved;
		ctx_y = s.year;
		ctx_m = s.month;
		if (is_range_sign(it, p, end))
		{
			size_t		l2 = notice_read_date(it->c, p + 1, end, &e, st);

			if (*st != NOTICE_OK)
				break;
			if (l2 == 0)
			{
				*st = fail(it, NOTICE_ERR_UNREADABLE, s.start, p + 1, "A range ends with a date.");
				break;
			}
			if ((*st = resolve_range_end(it, &s, &e)) != NOTICE_OK)
				break;
			p += 1 + l2;
			el[*n].hi = e.resolved;
			if (!it->has_anchor)
			{
				it->has_anchor = true;
				it->anchor_y = s.year;
				it->anchor_m = s.month;
			}
			ctx_y = e.year;
			ctx_m = e.month;
		}
		has_ctx = true;
		it->has_prev = true;
		it->prev_y = ctx_y;
		it->prev_m = ctx_m;
		(*n)++;
		/* 、 and 及 join dates; before anything else they belong to the predicate */
		if (is_list_sign(it, p, end) && p + 1 < end &&
			T(it)->u[p + 1].cp >= '0' && T(it)->u[p + 1].cp <= '9')
			p++;
		else
			break;
	}
	return *st == NOTICE_OK ? p - pos : 0;
}

/* 共N天 or 放假N天: the span of the days off so far must be N days. */
static NoticeStatus
check_count(Item *it, int64_t n, size_t a, size_t b)
{
	int64_t		span = it->has_off ? it->off_hi - it->off_lo + 1 : 0;

	if (!it->has_off)
		return fail(it, NOTICE_ERR_UNREADABLE, a, b, "A count of days follows the days it counts.");
	if (n != span)
	{
		fail(it, NOTICE_ERR_COUNT, a, b, "The count is the number of days from the first day off to the last.");
		it->c->err->expected = span;
		it->c->err->found = n;
		it->c->err->aux_offset = T(it)->u[it->off_a].off;
		it->c->err->aux_length = T(it)->u[it->off_b - 1].off + T(it)->u[it->off_b - 1].len -
			T(it)->u[it->off_a].off;
		return NOTICE_ERR_COUNT;
	}
	return NOTICE_OK;
}

/* [N个]公休日[及中秋节][分别]调至P、Q after the source dates. */
static NoticeStatus
read_move(Item *it, const Elem *src, int nsrc, size_t *pp, size_t a, size_t b)
{
	size_t		p = *pp,
				used;
	int64_t		count = 0;
	size_t		nl = notice_number_at(T(it), p, b, &count);
	int			extra = 0,
				ntgt,
				i;
	Elem		tgt[MAX_ELEMS];
	NoticeStatus st;

	if (nl > 0 && ntx_lit(T(it), p + nl, b, "个"))
		p += nl + 1;
	else
		count = -1;
	if (!take(it, &p, b, "公休日"))
		return fail(it, NOTICE_ERR_UNREADABLE, a, b, "Expected 放假, 上班, 补休 or 公休日调至 after the dates.");
	if (take(it, &p, b, "及") && notice_festival_at(T(it), p, b, &used) != NF_NONE)
	{
		p += used;
		extra = 1;				/* 2009: 10月3日公休日及中秋节分别调至… */
	}
	take(it, &p, b, "分别");
	if (!take(it, &p, b, "调至") && !take(it, &p, b, "调到"))
		return fail(it, NOTICE_ERR_UNREADABLE, a, b, "Expected 公休日调至 and the days the rest days move to.");
	if ((used = read_list(it, p, b, tgt, &ntgt, &st)) == 0)
		return st != NOTICE_OK ? st : fail(it, NOTICE_ERR_UNREADABLE, a, b, "Rest days move to dates.");
	p += used;
	if (count >= 0 && count != elems_days(src, nsrc))
	{
		fail(it, NOTICE_ERR_COUNT, a, b, "The number of rest days is the number of dates listed.");
		it->c->err->expected = elems_days(src, nsrc);
		it->c->err->found = count;
		return NOTICE_ERR_COUNT;
	}
	if (elems_days(src, nsrc) + extra != elems_days(tgt, ntgt))
		return fail(it, NOTICE_ERR_UNREADABLE, a, b, "As many days are moved to as are moved from.");
	for (i = 0; i < nsrc; i++)
	{
		int64_t		d;

		for (d = src[i].lo; d <= src[i].hi; d++)
		{
			if (it->nmoves >= MAX_MOVES)
				return fail(it, NOTICE_ERR_UNREADABLE, a, b, "An item moves at most 24 rest days.");
			it->move_src[it->nmoves++] = d;
		}
	}
	it->move_a = a;
	it->move_b = b;
	*pp = p;
	return set_elems(it, tgt, ntgt, NOTICE_HOLIDAY, a, b);
}

/* A补休: off, and the weekend days between the single 放假 day and A. */
static NoticeStatus
read_makeup(Item *it, const Elem *el, int n, size_t a, size_t b)
{
	int			i;
	NoticeStatus st;

	for (i = 0; i < n; i++)
	{
		int64_t		d;
		bool		weekend = it->has_single && it->single_day < el[i].lo;

		for (d = it->single_day + 1; weekend && d < el[i].lo; d++)
			weekend = civil_iso_weekday(d) >= 6;
		for (d = it->single_day + 1; weekend && d < el[i].lo; d++)
			if ((st = set_day(it, d, NOTICE_HOLIDAY, a, b)) != NOTICE_OK)
				return st;
	}
	return set_elems(it, el, n, NOTICE_HOLIDAY, a, b);
}

/* 为[国庆节]法定(节)假日 at p: units, 0 if not. */
static size_t
statutory_len(const Item *it, size_t p, size_t b)
{
	size_t		q = p,
				f;

	if (!take(it, &q, b, "为"))
		return 0;
	if (notice_festival_at(T(it), q, b, &f) != NF_NONE)
		q += f;
	if (take(it, &q, b, "法定节假日") || take(it, &q, b, "法定假日") || take(it, &q, b, "法定节日"))
		return q - p;
	return 0;
}

/* 放假 and its suffixes at p: the dates are off; 放假N天 counts them. */
static NoticeStatus
read_off(Item *it, const Elem *el, int n, size_t *p, size_t a, size_t b)
{
	int64_t		count;
	size_t		nl,
				co;
	NoticeStatus st;

	if ((st = set_elems(it, el, n, NOTICE_HOLIDAY, a, b)) != NOTICE_OK)
		return st;
	it->has_single = (n == 1 && el[0].lo == el[0].hi);
	it->single_day = el[0].lo;
	co = ntx_lit(T(it), *p, b, "共");	/* 放假共3天, 放假3天 */
	nl = notice_number_at(T(it), *p + co, b, &count);
	if (nl > 0 && ntx_lit(T(it), *p + co + nl, b, "天"))
	{
		*p += co + nl + 1;
		return check_count(it, count, a, b);
	}
	return NOTICE_OK;
}

/* What a clause says of its dates, from p to b. */
static NoticeStatus
read_predicate(Item *it, const Elem *el, int n, size_t p, size_t a, size_t b)
{
	NoticeStatus st;
	size_t		used;

	take(it, &p, b, "全国");
	if (take(it, &p, b, "放假调休") || take(it, &p, b, "放假公休") ||
		take(it, &p, b, "调休放假") || take(it, &p, b, "放假"))
		st = read_off(it, el, n, &p, a, b);
	else if (take(it, &p, b, "补休"))
		st = read_makeup(it, el, n, a, b);
	else if (take(it, &p, b, "调休上班") || take(it, &p, b, "照常上班") ||
			 take(it, &p, b, "上班") || take(it, &p, b, "补班"))
		st = set_elems(it, el, n, NOTICE_WORKING, a, b);
	else if (take(it, &p, b, "调休"))
		st = set_elems(it, el, n, NOTICE_HOLIDAY, a, b);
	else if (take(it, &p, b, "起正常上班") || take(it, &p, b, "起照常上班") ||
			 take(it, &p, b, "照常公休") || take(it, &p, b, "为公休日"))
		st = NOTICE_OK;
	else if ((used = statutory_len(it, p, b)) > 0)
	{
		p += used;
		st = set_elems(it, el, n, NOTICE_HOLIDAY, a, b);
	}
	else
		st = read_move(it, el, n, &p, a, b);
	if (st != NOTICE_OK)
		return st;
	if (p != b)
		return fail(it, NOTICE_ERR_UNREADABLE, a, b, "Unexpected words after what the clause says of its dates.");
	return NOTICE_OK;
}

/* 《…》 at p: the units up to and with its 》, 0 if p holds no 《. */
static size_t
book_title_len(const Item *it, size_t p, size_t b)
{
	size_t		q;
	int			depth = 0;

	if (T(it)->u[p].cp != 0x300A)
		return 0;
	for (q = p; q < b; q++)
	{
		if (T(it)->u[q].cp == 0x300A)
			depth++;
		else if (T(it)->u[q].cp == 0x300B && --depth == 0)
			return q + 1 - p;
	}
	return b - p;
}

/*
 * Characters of Chinese prose: CJK, CJK and full-width punctuation, general
 * punctuation (— … “”), parentheses.  Latin letters, ASCII symbols and bad
 * bytes in an item are not prose but text that cannot be read.
 */
static bool
is_prose_char(uint32_t cp)
{
	return ntx_is_cjk(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF && cp != 0xFFFD) ||
		(cp >= 0x2010 && cp <= 0x206F) || cp == '(' || cp == ')' || cp == '.' || cp == '~' || cp == '%' ||
		cp == '/' || cp == CP_ENUM_COMMA || cp == 0x300A || cp == 0x300B;
}

/*
 * A clause without dates: 共N天, 与周末连休, 不调休, or prose: Chinese text
 * with balanced parentheses and no number (but a year, 2015年, or an
 * anniversary, 70周年) that says of no day that it is off or worked (特作如下
 * 调休 announces what follows).
 */
static NoticeStatus
read_dateless(Item *it, size_t p, size_t a, size_t b)
{
	static const char *const verbs[] = {"放假", "上班", "补休", "调休", "公休", "休息", NULL};
	int64_t		v;
	size_t		nl,
				q;
	int			i;
	bool		announces = ntx_find(T(it), a, b, "如下") != NTX_NONE;
	int			depth = 0;

	if (take(it, &p, b, "共") && (nl = notice_number_at(T(it), p, b, &v)) > 0 &&
		ntx_lit(T(it), p + nl, b, "天") && p + nl + 1 == b)
		return check_count(it, v, a, b);
	p = a;
	if (ntx_lit(T(it), p, b, "与周末连休") == b - p || ntx_lit(T(it), p, b, "与周六连休") == b - p ||
		ntx_lit(T(it), p, b, "与周日连休") == b - p || ntx_lit(T(it), p, b, "不调休") == b - p)
		return NOTICE_OK;
	for (q = a; q < b; q++)
	{
		size_t		bt = book_title_len(it, q, b),
					l;
		uint32_t	cp = T(it)->u[q].cp;

		if (bt > 0)
		{
			q += bt - 1;
			continue;
		}
		depth += cp == '(' ? 1 : cp == ')' ? -1 : 0;
		if (depth < 0 || (!is_prose_char(cp) && !(cp >= '0' && cp <= '9')))
			return fail(it, NOTICE_ERR_UNREADABLE, a, b, "An item holds dates and Chinese text, nothing else.");
		if ((l = ntx_digits(T(it), q, b, &v)) == 0)
		{
			for (i = 0; verbs[i]; i++)
				if (!announces && ntx_lit(T(it), q, b, verbs[i]))
					return fail(it, NOTICE_ERR_UNREADABLE, a, b,
								"A clause that says days are off or worked gives their dates (M月D日).");
			continue;
		}
		if (!((l == 4 && ntx_lit(T(it), q + l, b, "年") && !(q + l + 1 < b && T(it)->u[q + l + 1].cp >= '0' &&
															   T(it)->u[q + l + 1].cp <= '9')) ||
			  ntx_lit(T(it), q + l, b, "周年")))
			return fail(it, NOTICE_ERR_UNREADABLE, a, b, "A date is written M月D日 or D日.");
		q += l - 1;
	}
	if (depth != 0)
		return fail(it, NOTICE_ERR_UNREADABLE, a, b, "A parenthesis is not closed.");
	return NOTICE_OK;
}

/*
 * 延长[YYYY年]春节假期至D / 春节假期延长至D: the holiday runs on to D from
 * where the notice it amends ended it (notice.c applies it).
 */
static NoticeStatus
read_extension(Item *it, size_t p, size_t a, size_t b)
{
	int64_t		y;
	size_t		l,
				used;
	int			f,
				n;
	bool		lead = take(it, &p, b, "延长");
	Elem		el[MAX_ELEMS];
	NoticeStatus st;

	if (lead && (l = ntx_digits(T(it), p, b, &y)) == 4 && ntx_lit(T(it), p + 4, b, "年"))
	{
		if (y != it->c->year)
		{
			fail(it, NOTICE_ERR_YEAR_CONFLICT, p, p + 5, "The notice extends a holiday of its own year.");
			it->c->err->found = y;
			return NOTICE_ERR_YEAR_CONFLICT;
		}
		p += 5;
	}
	if ((f = notice_festival_at(T(it), p, b, &used)) == NF_NONE)
		f = it->festival;
	p += used;
	if (f == NF_NONE || f == NF_MID_AUTUMN_NATIONAL)
		return fail(it, NOTICE_ERR_UNREADABLE, a, b, "An extension names the holiday it extends (延长春节假期至…).");
	take(it, &p, b, "假期");
	if (!lead)
		take(it, &p, b, "延长");
	if (!take(it, &p, b, "至") && !take(it, &p, b, "到"))
		return fail(it, NOTICE_ERR_UNREADABLE, a, b, "An extension gives its last day (延长春节假期至2月2日).");
	if ((l = read_list(it, p, b, el, &n, &st)) == 0 || n != 1 || el[0].lo != el[0].hi || p + l != b)
		return st != NOTICE_OK ? st :
			fail(it, NOTICE_ERR_UNREADABLE, a, b, "An extension gives its last day (延长春节假期至2月2日).");
	if (it->days->extends)
		return fail(it, NOTICE_ERR_UNREADABLE, a, b, "A notice extends one holiday.");
	it->days->extends = true;
	it->days->ext_festival = (uint8_t) f;
	it->days->ext_to = el[0].lo;
	it->days->ext_a = (uint32_t) a;
	it->days->ext_b = (uint32_t) b;
	return NOTICE_OK;
}

static NoticeStatus
read_clause(Item *it, size_t a, size_t b)
{
	size_t		p = a,
				l,
				used;
	int			n;
	Elem		el[MAX_ELEMS];
	NoticeStatus st;

	take(it, &p, b, "其中");
	if (p == b)
		return NOTICE_OK;
	if (ntx_lit(T(it), p, b, "延长") ||
		(notice_festival_at(T(it), p, b, &used) != NF_NONE &&
		 ntx_lit(T(it), p + used, b, "假期延长")))
		return read_extension(it, p, a, b);
	take(it, &p, b, "将");
	l = read_list(it, p, b, el, &n, &st);
	if (st != NOTICE_OK)
		return st;
	if (it->npending > 0)
	{
		/* 4月4日（清明节），为法定节假日: the dates of the clause before */
		size_t		pa = it->pending_a;
		int			np = it->npending;

		it->npending = 0;
		if (l > 0)
			return fail(it, NOTICE_ERR_UNREADABLE, pa, it->pending_b,
						"A date is followed by what it is: 放假, 上班, 补休, 为法定节假日….");
		return read_predicate(it, it->pending, np, p, pa, b);
	}
	if (l == 0)
		return read_dateless(it, p, a, b);
	if (p + l == b)
	{
		/* dates alone: what they are may follow after a comma */
		memcpy(it->pending, el, (size_t) n * sizeof(Elem));
		it->npending = n;
		it->pending_a = a;
		it->pending_b = b;
		return NOTICE_OK;
	}
	return read_predicate(it, el, n, p + l, a, b);
}

/* The end of the sentence or clause from p: a separator outside brackets. */
static size_t
next_sep(const Item *it, size_t p, size_t b, bool sentence)
{
	int			depth = 0;

	for (; p < b; p++)
	{
		uint32_t	cp = T(it)->u[p].cp;

		if (cp == '(' || cp == 0x300A)
			depth++;
		else if ((cp == ')' || cp == 0x300B) && depth > 0)
			depth--;
		else if (depth == 0 && (sentence ? cp == CP_FULL_STOP : ntx_is_clause_sep(cp)))
			return p;
	}
	return b;
}

/* Rest days moved away are worked unless a range of the notice has them off. */
static NoticeStatus
finish_item(Item *it)
{
	int			i;
	NoticeStatus st;

	for (i = 0; i < it->nmoves; i++)
		if (it->days->cell[it->move_src[i] - it->c->window_lo].kind == 0 &&
			(st = set_day(it, it->move_src[i], NOTICE_WORKING, it->move_a, it->move_b)) != NOTICE_OK)
			return st;
	return NOTICE_OK;
}

/*
 * Read the item body [a, b).  A sentence that encourages (鼓励各单位…安排
 * 职工在除夕（2月9日）休息) arranges nothing; its dates are still checked.
 */
NoticeStatus
notice_read_item(NoticeCtx *c, NDays *days, int item, int festival, size_t a, size_t b,
				 int *ndays)
{
	Item		it;
	size_t		p = a;
	NoticeStatus st;

	memset(&it, 0, sizeof(it));
	it.c = c;
	it.days = days;
	it.index = item;
	it.festival = festival;
	while (p < b)
	{
		size_t		s = next_sep(&it, p, b, true);

		if (ntx_lit(&c->t, p, s, "鼓励") || ntx_lit(&c->t, p, s, "提倡") || ntx_lit(&c->t, p, s, "倡导"))
		{
			if ((st = notice_check_dates_in(c, p, s, festival)) != NOTICE_OK)
				return st;
		}
		else
		{
			size_t		q = p;

			while (q < s)
			{
				size_t		e = next_sep(&it, q, s, false);

				if (e > q && (st = read_clause(&it, q, e)) != NOTICE_OK)
					return st;
				q = e + 1;
			}
			if (it.npending > 0)
				return notice_fail(c, NOTICE_ERR_UNREADABLE, it.pending_a, it.pending_b,
								   "A date is followed by what it is: 放假, 上班, 补休, 为法定节假日….");
		}
		p = s + 1;
	}
	if ((st = finish_item(&it)) != NOTICE_OK)
		return st;
	*ndays = it.ndays;
	return NOTICE_OK;
}
