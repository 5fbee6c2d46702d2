/*
 * notice.c - the API: notices read one after the other, each amending the
 * days read before it, and the names of the rows.
 *
 * A yearly notice replaces the days of its year; one that adjusts an item
 * (调整2019年劳动节假期) replaces the rows of the festivals it arranges; one
 * that extends a holiday (延长2020年春节假期至2月2日) adds the days from the
 * holiday's last day to the new one, over any make-up working day there
 * (2020-02-01); others add days (the 2015 victory day).  The structure of
 * a notice is read in notice_doc.c, its items in notice_clause.c.
 */
#include "notice_impl.h"
#include "civil.h"

#include <string.h>

NoticeStatus
notice_fail(NoticeCtx *c, NoticeStatus st, size_t a, size_t b, const char *reason)
{
	NoticeError *e = c->err;

	e->status = st;
	e->reason = reason;
	if (a < b && b <= c->t.n)
	{
		e->offset = c->t.u[a].off;
		e->length = (size_t) c->t.u[b - 1].off + c->t.u[b - 1].len - e->offset;
	}
	else
	{
		e->offset = a < c->t.n ? c->t.u[a].off : c->t.srclen;
		e->length = 0;
	}
	return st;
}

typedef struct Acc
{
	NoticeDay  *days;
	size_t		n;
	bool		owned;			/* allocated here, not the caller's base */
} Acc;

static int
base_festival(int f)
{
	return f & ~NF_EXTENDED;
}

/*
 * 延长春节假期至D: the days after the holiday's last day off (in the days
 * read before, or this notice's own) up to D are off.
 */
static NoticeStatus
apply_extension(NoticeCtx *c, const Acc *acc, NDays *days)
{
	int64_t		last = INT64_MIN,
				d;
	size_t		i;
	int			f = days->ext_festival;

	for (i = 0; i < acc->n; i++)
		if (acc->days[i].year == c->year && acc->days[i].kind == NOTICE_HOLIDAY &&
			base_festival(acc->days[i].festival) == f && acc->days[i].day > last)
			last = acc->days[i].day;
	for (i = 0; i < NOTICE_WINDOW_DAYS; i++)
		if (days->cell[i].kind == NOTICE_HOLIDAY && base_festival(days->cell[i].festival) == f)
			last = c->window_lo + (int64_t) i;
	if (last == INT64_MIN)
		return notice_fail(c, NOTICE_ERR_NEEDS_BASE, days->ext_a, days->ext_b,
						   "An extension continues a holiday of a notice read before it.");
	if (days->ext_to <= last)
	{
		notice_fail(c, NOTICE_ERR_RANGE_ORDER, days->ext_a, days->ext_b,
					"An extension ends after the last day of the holiday it extends.");
		c->err->expected = last;
		c->err->found = days->ext_to;
		return NOTICE_ERR_RANGE_ORDER;
	}
	for (d = last + 1; d <= days->ext_to; d++)
	{
		NCell	   *cell = &days->cell[d - c->window_lo];

		cell->kind = NOTICE_HOLIDAY;
		cell->festival = (uint8_t) (f | NF_EXTENDED);
	}
	return NOTICE_OK;
}

/*
 * acc as amended by one notice: a yearly notice replaces its year; one that
 * adjusts (调整2019年劳动节假期) replaces the rows of the festivals it
 * arranges; others add days.  On a day both have, the later notice wins.
 */
static NoticeStatus
amend(NoticeCtx *c, const NoticeAllocator *mem, Acc *acc, NDays *days, int kind)
{
	NoticeDay	own[NOTICE_WINDOW_DAYS];
	size_t		nown = 0,
				i,
				j = 0,
				k = 0;
	unsigned	replaced = 0;
	NoticeDay  *merged;
	NoticeStatus st;

	if (days->extends && (st = apply_extension(c, acc, days)) != NOTICE_OK)
		return st;
	for (i = 0; i < NOTICE_WINDOW_DAYS; i++)
		if (days->cell[i].kind)
		{
			own[nown].day = c->window_lo + (int64_t) i;
			own[nown].kind = days->cell[i].kind;
			own[nown].festival = days->cell[i].festival;
			own[nown].year = (int16_t) c->year;
			replaced |= 1u << base_festival(own[nown].festival);
			nown++;
		}
	merged = acc->n + nown ? mem->alloc(mem->ctx, (acc->n + nown) * sizeof(NoticeDay)) : NULL;
	if (acc->n + nown && !merged)
		return notice_fail(c, NOTICE_ERR_NO_MEMORY, 0, 0, "Out of memory.");
	for (i = 0; i < acc->n || j < nown;)
	{
		const NoticeDay *a = i < acc->n ? &acc->days[i] : NULL;
		bool		drop = a && a->year == c->year &&
			(kind == NOTICE_YEARLY ||
			 (kind == NOTICE_REPLACES && (replaced >> base_festival(a->festival) & 1)));

		if (a && (drop || (j < nown && own[j].day == a->day)))
			i++;				/* replaced, or overridden by the notice's own day */
		else if (a && (j >= nown || a->day < own[j].day))
			merged[k++] = acc->days[i++];
		else
			merged[k++] = own[j++];
	}
	if (acc->owned && acc->days && mem->release)
		mem->release(mem->ctx, acc->days);
	acc->days = merged;
	acc->n = k;
	acc->owned = true;
	return NOTICE_OK;
}

/* ---------- API ---------- */

/* A base as notice_parse makes them: sorted, known codes, each day in its year's window. */
static bool
base_ok(const NoticeResult *base)
{
	size_t		i;

	if (base->ndays > 0 && !base->days)
		return false;
	for (i = 0; i < base->ndays; i++)
	{
		const NoticeDay *d = &base->days[i];

		if ((i > 0 && d->day <= base->days[i - 1].day) ||
			(d->kind != NOTICE_HOLIDAY && d->kind != NOTICE_WORKING) ||
			!notice_day_name(d->festival, d->kind) || d->year < 1900 || d->year > 2999 ||
			d->day < civil_days_from_ymd(d->year - 1, 12, 1) || d->day > civil_days_from_ymd(d->year, 12, 31))
			return false;
	}
	return true;
}

NoticeStatus
notice_parse(const char *text, size_t len, int year_hint, const NoticeResult *base,
			 const NoticeAllocator *mem, NoticeResult *out, NoticeError *err)
{
	NoticeCtx	c;
	NSegment	seg[MAX_NOTICES];
	Acc			acc = {NULL, 0, false};
	int			nseg = 0,
				i;
	bool		all_supplementary = true;
	NoticeStatus st;

	memset(err, 0, sizeof(*err));
	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.err = err;
	c.t.src = text;
	c.t.srclen = len;
	if (len > NOTICE_TEXT_MAX)
		return notice_fail(&c, NOTICE_ERR_TOO_LONG, 0, 0, "A notice is a few kilobytes of text.");
	if (base && !base_ok(base))
		return notice_fail(&c, NOTICE_ERR_UNREADABLE, 0, 0,
						   "The base is a result of notice_parse: sorted by day, one known row per day.");
	if (base)
	{
		acc.days = base->days;
		acc.n = base->ndays;
	}
	if (len == 0 || !text)
		return notice_fail(&c, NOTICE_ERR_EMPTY, 0, 0, "The text of a notice is expected.");
	c.t.u = mem->alloc(mem->ctx, (len + 1) * sizeof(NUnit));
	if (!c.t.u)
		return notice_fail(&c, NOTICE_ERR_NO_MEMORY, 0, 0, "Out of memory.");
	c.t.n = ntx_normalize(text, len, c.t.u);
	c.t.n = notice_strip_noise(&c.t);
	if (c.t.n == 0)
		st = notice_fail(&c, NOTICE_ERR_EMPTY, 0, 0, "The text of a notice is expected.");
	else
		st = notice_find_notices(&c, seg, &nseg);
	for (i = 0; st == NOTICE_OK && i < nseg; i++)
	{
		NDays		days;

		notice_title_from_text(&c.t, &seg[i]);
		if ((st = notice_year(&c, &seg[i], year_hint)) != NOTICE_OK ||
			(st = notice_read_notice(&c, &seg[i], &days)) != NOTICE_OK ||
			(st = amend(&c, mem, &acc, &days, seg[i].title.kind)) != NOTICE_OK)
			break;
		if (i == 0)
			out->year = c.year;
		all_supplementary &= seg[i].title.kind != NOTICE_YEARLY;
	}
	if (mem->release)
		mem->release(mem->ctx, c.t.u);
	if (st != NOTICE_OK)
	{
		if (acc.owned && acc.days && mem->release)
			mem->release(mem->ctx, acc.days);
		memset(out, 0, sizeof(*out));
		return st;
	}
	if (!acc.owned && acc.n > 0)
	{
		/* nothing amended (cannot happen: every notice gives days); copy anyway */
		NoticeDay  *copy = mem->alloc(mem->ctx, acc.n * sizeof(NoticeDay));

		if (!copy)
			return notice_fail(&c, NOTICE_ERR_NO_MEMORY, 0, 0, "Out of memory.");
		memcpy(copy, acc.days, acc.n * sizeof(NoticeDay));
		acc.days = copy;
	}
	out->days = acc.n ? acc.days : NULL;
	if (!acc.n && acc.owned && acc.days && mem->release)
		mem->release(mem->ctx, acc.days);
	out->ndays = acc.n;
	out->supplementary = all_supplementary;
	out->notices = nseg;
	return NOTICE_OK;
}

/* Row names: "元旦 / New Year's Day", its make-up days, its extension. */
#define FESTIVAL_NAMES(zh, en) \
	{zh " / " en, zh "调休上班 / " en " make-up working day", \
	 zh "（延长假期） / " en " (extended)", zh "（延长假期）调休上班 / " en " (extended) make-up working day"}

static const char *const festival_names[NF_MAX + 1][4] = {
	{NULL, NULL, NULL, NULL},
	FESTIVAL_NAMES("元旦", "New Year's Day"),
	FESTIVAL_NAMES("春节", "Spring Festival"),
	FESTIVAL_NAMES("清明节", "Qingming Festival"),
	FESTIVAL_NAMES("劳动节", "Labour Day"),
	FESTIVAL_NAMES("端午节", "Dragon Boat Festival"),
	FESTIVAL_NAMES("中秋节", "Mid-Autumn Festival"),
	FESTIVAL_NAMES("国庆节", "National Day"),
	FESTIVAL_NAMES("中秋节、国庆节", "Mid-Autumn Festival and National Day"),
	FESTIVAL_NAMES("抗战胜利70周年纪念日", "Victory Day (70th anniversary of the War of Resistance)"),
	FESTIVAL_NAMES("抗战胜利纪念日", "Victory Day (War of Resistance)"),
};

const char *
notice_day_name(int festival, int kind)
{
	int			f = festival & ~NF_EXTENDED;
	int			ext = (festival & NF_EXTENDED) ? 2 : 0;

	if (f < 1 || f > NF_MAX || (festival & ~(NF_EXTENDED | 0x7F)) != 0 ||
		(kind != NOTICE_HOLIDAY && kind != NOTICE_WORKING))
		return NULL;
	return festival_names[f][ext + (kind == NOTICE_WORKING ? 1 : 0)];
}

const char *
notice_status_name(NoticeStatus st)
{
	static const char *const names[] = {
		"ok", "empty", "too long", "no year", "year conflict", "no schedule", "unreadable",
		"weekday mismatch", "impossible date", "range order", "count mismatch",
		"outside the window", "conflict", "needs base", "no memory"
	};

	return (int) st >= 0 && st <= NOTICE_STATUS_MAX ? names[st] : "?";
}
