/*
 * notice_check.h - helpers for the notice parser's unit tests
 * (test_notice.c, test_notice_files.c).
 *
 * Expected days are written as a spec, by hand from the notice text:
 *   "2026-01-01..03 H Y; 2026-01-04 W Y; 2020-01-31..02-02 H E"
 * a day or a range (..DD, or ..MM-DD into the next month), H (off) or W
 * (worked), and the festival: Y 元旦, S 春节, Q 清明节, L 劳动节, D 端午节,
 * M 中秋节, N 国庆节, B 中秋节、国庆节, V the 2015 victory day, E 春节
 * (延长假期).  The parse must give exactly these rows.
 */
#ifndef CRM_NOTICE_CHECK_H
#define CRM_NOTICE_CHECK_H

#include "tap.h"
#include "notice.h"
#include "civil.h"

#include <stdlib.h>

static long nc_outstanding;		/* allocations not yet released */
static long nc_fail_after = -1; /* fail the allocation after this many (-1: never) */

static void *
nc_alloc(void *ctx, size_t n)
{
	(void) ctx;
	if (nc_fail_after == 0)
		return NULL;
	if (nc_fail_after > 0)
		nc_fail_after--;
	nc_outstanding++;
	return malloc(n ? n : 1);
}

static void
nc_release(void *ctx, void *p)
{
	(void) ctx;
	if (p)
		nc_outstanding--;
	free(p);
}

static const NoticeAllocator nc_mem = {nc_alloc, nc_release, NULL};

static inline void
nc_free(NoticeResult *r)
{
	nc_release(NULL, r->days);
	r->days = NULL;
	r->ndays = 0;
}

static inline int
nc_festival(char c)
{
	switch (c)
	{
		case 'Y': return NF_NEW_YEAR;
		case 'S': return NF_SPRING;
		case 'Q': return NF_QINGMING;
		case 'L': return NF_LABOUR;
		case 'D': return NF_DRAGON_BOAT;
		case 'M': return NF_MID_AUTUMN;
		case 'N': return NF_NATIONAL;
		case 'B': return NF_MID_AUTUMN_NATIONAL;
		case 'V': return NF_VICTORY_70;
		case 'E': return NF_SPRING | NF_EXTENDED;
	}
	return -1;
}

static inline char
nc_letter(int f)
{
	static const char letters[] = "?YSQLDMNBV?";

	if (f == (NF_SPRING | NF_EXTENDED))
		return 'E';
	return f >= 0 && f <= NF_MAX ? letters[f] : '?';
}

static int
nc_day_cmp(const void *a, const void *b)
{
	int64_t		x = ((const NoticeDay *) a)->day,
				y = ((const NoticeDay *) b)->day;

	return x < y ? -1 : x > y;
}

/* Expand a spec into rows sorted by day; returns the count (-1: bad spec). */
static inline long
nc_expand(const char *spec, NoticeDay *out, long cap)
{
	long		n = 0;
	const char *p = spec;

	while (*p)
	{
		int			y, m, d, m2, d2, used = 0;
		char		kind, fest;
		int64_t		lo, hi, day;

		while (*p == ' ' || *p == ';')
			p++;
		if (!*p)
			break;
		if (sscanf(p, "%d-%d-%d%n", &y, &m, &d, &used) != 3)
			return -1;
		p += used;
		m2 = m;
		d2 = d;
		if (p[0] == '.' && p[1] == '.')
		{
			int			a, b;

			p += 2;
			if (sscanf(p, "%d-%d%n", &a, &b, &used) == 2)
			{
				m2 = a;
				d2 = b;
			}
			else if (sscanf(p, "%d%n", &a, &used) == 1)
				d2 = a;
			else
				return -1;
			p += used;
		}
		if (sscanf(p, " %c %c%n", &kind, &fest, &used) != 2 || nc_festival(fest) < 0 ||
			(kind != 'H' && kind != 'W'))
			return -1;
		p += used;
		lo = civil_days_from_ymd(y, m, d);
		hi = civil_days_from_ymd(y, m2, d2);
		for (day = lo; day <= hi; day++)
		{
			if (n >= cap)
				return -1;
			out[n].day = day;
			out[n].kind = kind == 'H' ? NOTICE_HOLIDAY : NOTICE_WORKING;
			out[n].festival = (uint8_t) nc_festival(fest);
			out[n].year = 0;
			n++;
		}
	}
	qsort(out, (size_t) n, sizeof(NoticeDay), nc_day_cmp);
	return n;
}

static inline const char *
nc_date(int64_t day)
{
	static char buf[4][16];
	static int	which;
	char	   *b = buf[which++ % 4];
	int64_t		y;
	int			m, d;

	civil_ymd_from_days(day, &y, &m, &d);
	snprintf(b, 16, "%04d-%02d-%02d", (int) y, m, d);
	return b;
}

/* The result has exactly the rows of spec. */
static inline bool
nc_same(const char *label, const NoticeResult *r, const char *spec)
{
	static NoticeDay want[4096];
	long		n = nc_expand(spec, want, 4096),
				i;

	if (n < 0)
		return ok(false, "%s: the spec is well formed", label);
	for (i = 0; i < n && i < (long) r->ndays; i++)
		if (want[i].day != r->days[i].day || want[i].kind != r->days[i].kind ||
			want[i].festival != r->days[i].festival)
		{
			diag("%s: row %ld: got %s %c %c, expected %s %c %c", label, i,
				 nc_date(r->days[i].day), r->days[i].kind == NOTICE_HOLIDAY ? 'H' : 'W',
				 nc_letter(r->days[i].festival), nc_date(want[i].day),
				 want[i].kind == NOTICE_HOLIDAY ? 'H' : 'W', nc_letter(want[i].festival));
			return ok(false, "%s: the days", label);
		}
	if (n != (long) r->ndays)
	{
		diag("%s: %zu rows, expected %ld; first extra: %s", label, r->ndays, n,
			 n < (long) r->ndays ? nc_date(r->days[n].day) : nc_date(want[r->ndays].day));
		return ok(false, "%s: the days", label);
	}
	return ok(true, "%s: %ld days as read by hand", label, n);
}

/* Parse text (with hint and base) and compare with spec. */
static inline void
nc_expect(const char *label, const char *text, int hint, const NoticeResult *base, const char *spec)
{
	NoticeResult r;
	NoticeError e;
	NoticeStatus st = notice_parse(text, strlen(text), hint, base, &nc_mem, &r, &e);

	if (!is_str(notice_status_name(st), "ok", "%s: parses", label))
	{
		diag("%s: %s at byte %zu: \"%.*s\" (%s)", label, notice_status_name(st), e.offset,
			 (int) e.length, text + e.offset, e.reason ? e.reason : "");
		return;
	}
	nc_same(label, &r, spec);
	nc_free(&r);
}

/*
 * Parse text and expect status st quoting fragment (NULL: not checked; ""
 * nothing quoted).  Returns the error for further checks.
 */
static inline NoticeError
nc_refuse(const char *label, const char *text, int hint, const NoticeResult *base,
		  NoticeStatus st, const char *fragment)
{
	NoticeResult r;
	NoticeError e;
	NoticeStatus got = notice_parse(text, strlen(text), hint, base, &nc_mem, &r, &e);
	char		quoted[512];

	if (got == NOTICE_OK)
		nc_free(&r);
	is_str(notice_status_name(got), notice_status_name(st), "%s: refused as %s", label,
		   notice_status_name(st));
	if (got != NOTICE_OK && fragment)
	{
		snprintf(quoted, sizeof(quoted), "%.*s", (int) e.length, text + e.offset);
		is_str(quoted, fragment, "%s: quotes the fragment", label);
	}
	ok(got == NOTICE_OK || (e.reason && *e.reason), "%s: says what was expected", label);
	return e;
}

/* The whole of a file (relative to the repository root), NUL-terminated. */
static inline char *
nc_read_file(const char *path)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t) n + 1);
	if (fread(buf, 1, (size_t) n, f) != (size_t) n)
		n = 0;
	buf[n] = '\0';
	fclose(f);
	return buf;
}

#endif
