/*
 * gen_calendar_cn.c - write sql/data/25_calendar_cn.sql from the notice texts
 * in sql/data/notices/ (make calendar-data).  Plain C against src/core, no
 * PostgreSQL:
 *
 *   cc -std=c11 -Isrc/core tools/notices/gen_calendar_cn.c src/core/[a-z]*.c -o gen
 *   ./gen sql/data/notices > sql/data/25_calendar_cn.sql
 *
 * The notices are read in the order the State Council issued them: each
 * year's notice (YYYY.txt), then that year's supplementary notices
 * (YYYY-*.txt, by name), each amending the days read before it (the 2019
 * Labour Day adjustment replaces the item, the 2020 extension runs the
 * Spring Festival on to 2 February).  The year of a file's name is the year
 * hint, so a title naming another year is refused.  Rows come out by day,
 * with a comment line at each calendar year.
 */
#define _POSIX_C_SOURCE 200809L	/* opendir, strdup */

#include "notice.h"
#include "civil.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILES 256

static void *
std_alloc(void *ctx, size_t n)
{
	(void) ctx;
	return malloc(n ? n : 1);
}

static void
std_release(void *ctx, void *p)
{
	(void) ctx;
	free(p);
}

/* YYYY.txt or YYYY-name.txt: the year, 0 for any other file. */
static int
file_year(const char *name)
{
	size_t		l = strlen(name);
	int			i;

	if (l < 8 || strcmp(name + l - 4, ".txt") != 0)
		return 0;
	for (i = 0; i < 4; i++)
		if (name[i] < '0' || name[i] > '9')
			return 0;
	if (name[4] != '.' && name[4] != '-')
		return 0;
	return atoi(name);
}

/* Year, then the yearly notice before the supplementary ones, then name. */
static int
issue_order(const void *a, const void *b)
{
	const char *x = *(const char *const *) a,
			   *y = *(const char *const *) b;
	int			d = file_year(x) - file_year(y);

	if (d != 0)
		return d;
	if ((x[4] == '.') != (y[4] == '.'))
		return x[4] == '.' ? -1 : 1;
	return strcmp(x, y);
}

static char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
	{
		fprintf(stderr, "gen_calendar_cn: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	buf = malloc((size_t) n + 1);
	if (!buf || fread(buf, 1, (size_t) n, f) != (size_t) n)
	{
		fprintf(stderr, "gen_calendar_cn: %s: cannot read\n", path);
		exit(1);
	}
	fclose(f);
	*len = (size_t) n;
	return buf;
}

/* The SQL text of a row name: quotes doubled. */
static void
put_sql_string(FILE *out, const char *s)
{
	fputc('\'', out);
	for (; *s; s++)
	{
		if (*s == '\'')
			fputc('\'', out);
		fputc(*s, out);
	}
	fputc('\'', out);
}

static void
write_sql(FILE *out, const NoticeResult *r, int first_year, int last_year)
{
	size_t		i;
	int64_t		year_shown = 0;

	fprintf(out,
			"-- China's statutory holidays and make-up working days (调休), %d-%d,\n"
			"-- as announced by the State Council General Office (国务院办公厅). One row per day.\n"
			"-- Generated from the notice texts in sql/data/notices/ by tools/notices/gen_calendar_cn.c\n"
			"-- (make calendar-data): do not edit by hand, correct the notice text and regenerate.\n"
			"-- Verified against: npm chinese-days 1.5.7 (2004-2026), npm chinese-workday 1.16.1 (2011-2026),\n"
			"-- LKI/chinese-calendar constants.py (2004-2019), NateScarlet/holiday-cn (2007-2023) and the notice texts;\n"
			"-- re-check with tools/verify-cn-calendar.sh.\n"
			"INSERT INTO crm_contract.calendar_exception (calendar, day, kind, name) VALUES\n",
			first_year, last_year);
	for (i = 0; i < r->ndays; i++)
	{
		const NoticeDay *d = &r->days[i];
		int64_t		y;
		int			m,
					dd;

		civil_ymd_from_days(d->day, &y, &m, &dd);
		if (y != year_shown)
		{
			fprintf(out, "-- %lld\n", (long long) y);
			year_shown = y;
		}
		fprintf(out, "('CN', '%04lld-%02d-%02d', '%s', ", (long long) y, m, dd,
				d->kind == NOTICE_HOLIDAY ? "holiday" : "working");
		put_sql_string(out, notice_day_name(d->festival, d->kind));
		fputs(i + 1 < r->ndays ? "),\n" : ");\n", out);
	}
}

int
main(int argc, char **argv)
{
	const NoticeAllocator mem = {std_alloc, std_release, NULL};
	char	   *names[MAX_FILES];
	int			n = 0,
				i;
	DIR		   *dir;
	struct dirent *e;
	NoticeResult acc = {NULL, 0, 0, false, 0};

	if (argc != 2)
	{
		fprintf(stderr, "usage: gen_calendar_cn DIR > 25_calendar_cn.sql\n");
		return 2;
	}
	if (!(dir = opendir(argv[1])))
	{
		fprintf(stderr, "gen_calendar_cn: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	while ((e = readdir(dir)) != NULL)
		if (file_year(e->d_name) && n < MAX_FILES)
			names[n++] = strdup(e->d_name);
	closedir(dir);
	if (n == 0)
	{
		fprintf(stderr, "gen_calendar_cn: no YYYY.txt notice in %s\n", argv[1]);
		return 1;
	}
	qsort(names, (size_t) n, sizeof(names[0]), issue_order);
	for (i = 0; i < n; i++)
	{
		char		path[4096];
		size_t		len;
		char	   *text;
		NoticeResult r;
		NoticeError err;
		NoticeStatus st;

		snprintf(path, sizeof(path), "%s/%s", argv[1], names[i]);
		text = read_file(path, &len);
		st = notice_parse(text, len, file_year(names[i]), &acc, &mem, &r, &err);
		if (st != NOTICE_OK)
		{
			fprintf(stderr, "gen_calendar_cn: %s: %s at byte %zu: \"%.*s\": %s\n", path,
					notice_status_name(st), err.offset, (int) err.length, text + err.offset,
					err.reason ? err.reason : "");
			return 1;
		}
		free(acc.days);
		acc = r;
		free(text);
	}
	write_sql(stdout, &acc, file_year(names[0]), file_year(names[n - 1]));
	free(acc.days);
	for (i = 0; i < n; i++)
		free(names[i]);
	return fflush(stdout) == 0 ? 0 : 1;
}
