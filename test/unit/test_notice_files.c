/*
 * test_notice_files.c - every committed notice text (sql/data/notices) and
 * every noisy paste (test/notices/noisy), read whole.
 *
 * The expected days below were read by hand from each notice, item by item,
 * and checked against the notice's own weekday annotations; the comment
 * above each year says how the less obvious days follow from the text.  The
 * series totals at the end are doc/calendar-cn.md's counts per calendar
 * year, which were made against other sources, not against this parser.
 * Run from the repository root (make unit does).
 */
#include "notice_check.h"

typedef struct YearSpec
{
	const char *file;
	const char *days;
} YearSpec;

static const YearSpec years[] = {
	/*
	 * 2004: 元旦 1月1日放假.  春节 1月22日———28日放假; 将1月17日（六）、18日（日）、
	 * 24日（六）调至26–28日: 24日 lies in the range and stays off, "1月17日、18日上班".
	 * 五一/十一: 1–7日 off; 5月8日、9日 and 10月9日、10日上班.
	 */
	{"2004.txt", "2004-01-01 H Y; 2004-01-17..18 W S; 2004-01-22..28 H S;"
	 "2004-05-01..07 H L; 2004-05-08..09 W L; 2004-10-01..07 H N; 2004-10-09..10 W N"},
	/*
	 * 2005: 元旦 1月1日～3日 (1月1日（星期六）公休日调至3日, inside the range: no
	 * working day).  春节 2月9日～15日, 2月5日、6日上班.  五一 5月1日～7日, 将4月30日、
	 * 5月1日、8日调至4–6日: 4月30日、5月8日上班.  十一 10月1日～7日, 10月8日、9日上班.
	 */
	{"2005.txt", "2005-01-01..03 H Y; 2005-02-05..06 W S; 2005-02-09..15 H S;"
	 "2005-04-30 W L; 2005-05-01..07 H L; 2005-05-08 W L; 2005-10-01..07 H N; 2005-10-08..09 W N"},
	/*
	 * 2006: 元旦 1月1日—3日; "12月31日（星期六）上班" is in the 元旦 item, so
	 * December of 2005 (2005-12-31 was a Saturday).  春节 1月29日—2月4日; the bare
	 * 29日、30日、31日 are January (the range's start month); 1月28日、2月5日上班.
	 * 五一 5月1日—7日, 4月29日、30日上班.  十一 10月1日—7日, 9月30日、10月8日上班.
	 */
	{"2006.txt", "2005-12-31 W Y; 2006-01-01..03 H Y; 2006-01-28 W S; 2006-01-29..02-04 H S;"
	 "2006-02-05 W S; 2006-04-29..30 W L; 2006-05-01..07 H L; 2006-09-30 W N;"
	 "2006-10-01..07 H N; 2006-10-08 W N"},
	/*
	 * 2007: 元旦 1月1日—3日, "2006年12月30日（星期六）、31日（星期日）上班".  春节
	 * 2月18日—24日, 17日、25日上班.  五一 5月1日—7日, 4月28日、29日上班.  十一
	 * 10月1日—7日, 9月29日、30日上班.
	 */
	{"2007.txt", "2006-12-30..31 W Y; 2007-01-01..03 H Y; 2007-02-17 W S; 2007-02-18..24 H S;"
	 "2007-02-25 W S; 2007-04-28..29 W L; 2007-05-01..07 H L; 2007-09-29..30 W N; 2007-10-01..07 H N"},
	/*
	 * 2008: 元旦 2007年12月30日—2008年1月1日, 12月29日（星期六）上班 (元旦 item:
	 * 2007).  春节 2月6日—12日, 2月2日、3日上班.  清明 4月4日—6日.  五一 5月1日—3日,
	 * 5月4日上班.  端午 6月7日—9日.  中秋 9月13日—15日.  国庆 9月29日—10月5日;
	 * "9月27日、9月28日两个公休日调至9月29日、30日" and no 上班 sentence: the moved
	 * rest days are worked.
	 */
	{"2008.txt", "2007-12-29 W Y; 2007-12-30..31 H Y; 2008-01-01 H Y; 2008-02-02..03 W S;"
	 "2008-02-06..12 H S; 2008-04-04..06 H Q; 2008-05-01..03 H L; 2008-05-04 W L;"
	 "2008-06-07..09 H D; 2008-09-13..15 H M; 2008-09-27..28 W N; 2008-09-29..10-05 H N"},
	/*
	 * 2009: 元旦 1月1日至3日, 1月4日上班.  春节 1月25日至31日, 1月24日、2月1日上班.
	 * 清明 4月4日至6日.  劳动节 5月1日至3日.  端午 5月28日至30日, 5月31日上班.
	 * 国庆节、中秋节 10月1日至8日 (one item for both), 9月27日、10月10日上班.
	 */
	{"2009.txt", "2009-01-01..03 H Y; 2009-01-04 W Y; 2009-01-24 W S; 2009-01-25..31 H S;"
	 "2009-02-01 W S; 2009-04-04..06 H Q; 2009-05-01..03 H L; 2009-05-28..30 H D;"
	 "2009-05-31 W D; 2009-09-27 W B; 2009-10-01..08 H B; 2009-10-10 W B"},
	/* 2010: bare 21日 after 2月20日 and 25日 after 9月19日 keep their month */
	{"2010.txt", "2010-01-01..03 H Y; 2010-02-13..19 H S; 2010-02-20..21 W S; 2010-04-03..05 H Q;"
	 "2010-05-01..03 H L; 2010-06-12..13 W D; 2010-06-14..16 H D; 2010-09-19 W M;"
	 "2010-09-22..24 H M; 2010-09-25 W M; 2010-09-26 W N; 2010-10-01..07 H N; 2010-10-09 W N"},
	/* 2011: 春节 2月2日（农历除夕）至8日, 1月30日、2月12日上班 */
	{"2011.txt", "2011-01-01..03 H Y; 2011-01-30 W S; 2011-02-02..08 H S; 2011-02-12 W S;"
	 "2011-04-02 W Q; 2011-04-03..05 H Q; 2011-04-30..05-02 H L; 2011-06-04..06 H D;"
	 "2011-09-10..12 H M; 2011-10-01..07 H N; 2011-10-08..09 W N"},
	/* 2012: 2011年12月31日（星期六）上班; 中秋节、国庆节 9月30日至10月7日 */
	{"2012.txt", "2011-12-31 W Y; 2012-01-01..03 H Y; 2012-01-21 W S; 2012-01-22..28 H S;"
	 "2012-01-29 W S; 2012-03-31..04-01 W Q; 2012-04-02..04 H Q; 2012-04-28 W L;"
	 "2012-04-29..05-01 H L; 2012-06-22..24 H D; 2012-09-29 W B; 2012-09-30..10-07 H B"},
	{"2013.txt", "2013-01-01..03 H Y; 2013-01-05..06 W Y; 2013-02-09..15 H S; 2013-02-16..17 W S;"
	 "2013-04-04..06 H Q; 2013-04-07 W Q; 2013-04-27..28 W L; 2013-04-29..05-01 H L;"
	 "2013-06-08..09 W D; 2013-06-10..12 H D; 2013-09-19..21 H M; 2013-09-22 W M;"
	 "2013-09-29 W N; 2013-10-01..07 H N; 2013-10-12 W N"},
	/*
	 * 2014: 清明 4月5日放假，4月7日（星期一）补休: 4月5日 (Sat), the Sunday 4月6日
	 * between them, and 4月7日 are off.  端午 6月2日 and 中秋 9月8日 放假，与周末连休:
	 * only the day named.
	 */
	{"2014.txt", "2014-01-01 H Y; 2014-01-26 W S; 2014-01-31..02-06 H S; 2014-02-08 W S;"
	 "2014-04-05..07 H Q; 2014-05-01..03 H L; 2014-05-04 W L; 2014-06-02 H D; 2014-09-08 H M;"
	 "2014-09-28 W N; 2014-10-01..07 H N; 2014-10-11 W N"},
	/*
	 * 2015: 清明 4月5日 (Sun) 放假, 4月6日（星期一）补休: nothing between.  端午
	 * 6月20日 (Sat) 放假, 6月22日（星期一）补休: Sunday 6月21日 is off too.  中秋
	 * 9月27日放假.
	 */
	{"2015.txt", "2015-01-01..03 H Y; 2015-01-04 W Y; 2015-02-15 W S; 2015-02-18..24 H S;"
	 "2015-02-28 W S; 2015-04-05..06 H Q; 2015-05-01 H L; 2015-06-20..22 H D; 2015-09-27 H M;"
	 "2015-10-01..07 H N; 2015-10-10 W N"},
	/* 2016: 劳动节 5月1日放假，5月2日（星期一）补休 */
	{"2016.txt", "2016-01-01 H Y; 2016-02-06 W S; 2016-02-07..13 H S; 2016-02-14 W S; 2016-04-04 H Q;"
	 "2016-05-01..02 H L; 2016-06-09..11 H D; 2016-06-12 W D; 2016-09-15..17 H M; 2016-09-18 W M;"
	 "2016-10-01..07 H N; 2016-10-08..09 W N"},
	/* 2017: 元旦 1月1日放假，1月2日（星期一）补休; 中秋节、国庆节 10月1日至8日 */
	{"2017.txt", "2017-01-01..02 H Y; 2017-01-22 W S; 2017-01-27..02-02 H S; 2017-02-04 W S;"
	 "2017-04-01 W Q; 2017-04-02..04 H Q; 2017-05-01 H L; 2017-05-27 W D; 2017-05-28..30 H D;"
	 "2017-09-30 W B; 2017-10-01..08 H B"},
	{"2018.txt", "2018-01-01 H Y; 2018-02-11 W S; 2018-02-15..21 H S; 2018-02-24 W S;"
	 "2018-04-05..07 H Q; 2018-04-08 W Q; 2018-04-28 W L; 2018-04-29..05-01 H L; 2018-06-18 H D;"
	 "2018-09-24 H M; 2018-09-29..30 W N; 2018-10-01..07 H N"},
	/* 2019: 元旦 2018年12月30日至2019年1月1日, 2018年12月29日上班; 劳动节 5月1日放假 */
	{"2019.txt", "2018-12-29 W Y; 2018-12-30..31 H Y; 2019-01-01 H Y; 2019-02-02..03 W S;"
	 "2019-02-04..10 H S; 2019-04-05 H Q; 2019-05-01 H L; 2019-06-07 H D; 2019-09-13 H M;"
	 "2019-09-29 W N; 2019-10-01..07 H N; 2019-10-12 W N"},
	/* 2020: 2月1日（星期六）上班 in the yearly notice (the extension undoes it) */
	{"2020.txt", "2020-01-01 H Y; 2020-01-19 W S; 2020-01-24..30 H S; 2020-02-01 W S;"
	 "2020-04-04..06 H Q; 2020-04-26 W L; 2020-05-01..05 H L; 2020-05-09 W L; 2020-06-25..27 H D;"
	 "2020-06-28 W D; 2020-09-27 W B; 2020-10-01..08 H B; 2020-10-10 W B"},
	{"2021.txt", "2021-01-01..03 H Y; 2021-02-07 W S; 2021-02-11..17 H S; 2021-02-20 W S;"
	 "2021-04-03..05 H Q; 2021-04-25 W L; 2021-05-01..05 H L; 2021-05-08 W L; 2021-06-12..14 H D;"
	 "2021-09-18 W M; 2021-09-19..21 H M; 2021-09-26 W N; 2021-10-01..07 H N; 2021-10-09 W N"},
	{"2022.txt", "2022-01-01..03 H Y; 2022-01-29..30 W S; 2022-01-31..02-06 H S; 2022-04-02 W Q;"
	 "2022-04-03..05 H Q; 2022-04-24 W L; 2022-04-30..05-04 H L; 2022-05-07 W L; 2022-06-03..05 H D;"
	 "2022-09-10..12 H M; 2022-10-01..07 H N; 2022-10-08..09 W N"},
	/* 2023: 元旦 2022年12月31日至2023年1月2日; 中秋节、国庆节 9月29日至10月6日 */
	{"2023.txt", "2022-12-31 H Y; 2023-01-01..02 H Y; 2023-01-21..27 H S; 2023-01-28..29 W S;"
	 "2023-04-05 H Q; 2023-04-23 W L; 2023-04-29..05-03 H L; 2023-05-06 W L; 2023-06-22..24 H D;"
	 "2023-06-25 W D; 2023-09-29..10-06 H B; 2023-10-07..08 W B"},
	/*
	 * 2024: "鼓励各单位…安排职工在除夕（2月9日）休息" encourages, it does not give
	 * the day off: 2月9日 is no row.
	 */
	{"2024.txt", "2024-01-01 H Y; 2024-02-04 W S; 2024-02-10..17 H S; 2024-02-18 W S;"
	 "2024-04-04..06 H Q; 2024-04-07 W Q; 2024-04-28 W L; 2024-05-01..05 H L; 2024-05-11 W L;"
	 "2024-06-10 H D; 2024-09-14 W M; 2024-09-15..17 H M; 2024-09-29 W N; 2024-10-01..07 H N;"
	 "2024-10-12 W N"},
	/* 2025: the preamble's 自2025年1月1日起 is a rule, not a day off */
	{"2025.txt", "2025-01-01 H Y; 2025-01-26 W S; 2025-01-28..02-04 H S; 2025-02-08 W S;"
	 "2025-04-04..06 H Q; 2025-04-27 W L; 2025-05-01..05 H L; 2025-05-31..06-02 H D;"
	 "2025-09-28 W B; 2025-10-01..08 H B; 2025-10-11 W B"},
	/* 2026: 春节 2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）, 9 days */
	{"2026.txt", "2026-01-01..03 H Y; 2026-01-04 W Y; 2026-02-14 W S; 2026-02-15..23 H S;"
	 "2026-02-28 W S; 2026-04-04..06 H Q; 2026-05-01..05 H L; 2026-05-09 W L; 2026-06-19..21 H D;"
	 "2026-09-20 W N; 2026-09-25..27 H M; 2026-10-01..07 H N; 2026-10-10 W N"},
	/* alone, the supplementary notices give only their own days */
	/* 2015年9月3日全国放假1天; 9月3日至5日调休放假，共3天; 9月6日（星期日）上班 */
	{"2015-victory-day.txt", "2015-09-03..05 H V; 2015-09-06 W V"},
	/* 一、2019年5月1日至4日放假调休，共4天。4月28日、5月5日上班 (劳动节 from the title) */
	{"2019-labour-day.txt", "2019-04-28 W L; 2019-05-01..04 H L; 2019-05-05 W L"},
};

static char *
notice_file(const char *name)
{
	char		path[256];

	snprintf(path, sizeof(path), "sql/data/notices/%s", name);
	return nc_read_file(path);
}

/* Each file alone, the year of its name as the hint. */
static void
each_file(void)
{
	size_t		i;

	for (i = 0; i < sizeof(years) / sizeof(years[0]); i++)
	{
		char	   *text = notice_file(years[i].file);

		if (!ok(text != NULL, "%s is readable", years[i].file))
			continue;
		nc_expect(years[i].file, text, atoi(years[i].file), NULL, years[i].days);
		/* and with no hint: the title names the year (the victory day: its body) */
		nc_expect(years[i].file, text, 0, NULL, years[i].days);
		free(text);
	}
}

/*
 * The extension alone cannot say where the holiday it extends ended: refused,
 * quoting the sentence.  After the 2020 notice, in one text or as a base, it
 * gives 1月31日 to 2月2日 off, 2月1日 included; 2月3日起正常上班 is no row.
 */
static void
extension(void)
{
	char	   *ext = notice_file("2020-spring-festival-extension.txt"),
			   *y2020 = notice_file("2020.txt"),
			   *both;
	const char *with_ext =
		"2020-01-01 H Y; 2020-01-19 W S; 2020-01-24..30 H S; 2020-01-31..02-02 H E;"
		"2020-04-04..06 H Q; 2020-04-26 W L; 2020-05-01..05 H L; 2020-05-09 W L; 2020-06-25..27 H D;"
		"2020-06-28 W D; 2020-09-27 W B; 2020-10-01..08 H B; 2020-10-10 W B";
	NoticeResult base;
	NoticeError e;

	if (!ok(ext && y2020, "the 2020 files are readable"))
		return;
	nc_refuse("extension alone", ext, 2020, NULL, NOTICE_ERR_NEEDS_BASE,
			  "延长2020年春节假期至2月2日（农历正月初九，星期日）");
	both = malloc(strlen(ext) + strlen(y2020) + 1);
	strcpy(both, y2020);
	strcat(both, ext);
	nc_expect("2020 notice and its extension in one text", both, 0, NULL, with_ext);
	if (ok(notice_parse(y2020, strlen(y2020), 2020, NULL, &nc_mem, &base, &e) == NOTICE_OK,
		   "2020 as a base"))
	{
		NoticeResult r;

		nc_expect("extension over the 2020 base", ext, 2020, &base, with_ext);
		if (ok(notice_parse(ext, strlen(ext), 2020, &base, &nc_mem, &r, &e) == NOTICE_OK,
			   "extension: flags"))
		{
			ok(r.supplementary && r.year == 2020 && r.notices == 1, "extension: supplementary, 2020");
			nc_free(&r);
		}
		nc_free(&base);
	}
	free(both);
	free(ext);
	free(y2020);
}

/* The 2019 adjustment replaces the yearly 劳动节 item (5月1日 alone) over a base. */
static void
labour_day(void)
{
	char	   *adj = notice_file("2019-labour-day.txt"),
			   *y2019 = notice_file("2019.txt");
	NoticeResult base;
	NoticeError e;

	if (!ok(adj && y2019 && notice_parse(y2019, strlen(y2019), 0, NULL, &nc_mem, &base, &e) == NOTICE_OK,
			"2019 as a base"))
		return;
	nc_expect("labour day over the 2019 base", adj, 0, &base,
			  "2018-12-29 W Y; 2018-12-30..31 H Y; 2019-01-01 H Y; 2019-02-02..03 W S;"
			  "2019-02-04..10 H S; 2019-04-05 H Q; 2019-04-28 W L; 2019-05-01..04 H L; 2019-05-05 W L;"
			  "2019-06-07 H D; 2019-09-13 H M; 2019-09-29 W N; 2019-10-01..07 H N; 2019-10-12 W N");
	nc_free(&base);
	free(adj);
	free(y2019);
}

/*
 * All files in the order issued, each over the days before (as the generator
 * reads them): doc/calendar-cn.md's counts per calendar year.
 */
static void
series(void)
{
	static const char *const order[] = {
		"2004.txt", "2005.txt", "2006.txt", "2007.txt", "2008.txt", "2009.txt", "2010.txt",
		"2011.txt", "2012.txt", "2013.txt", "2014.txt", "2015.txt", "2015-victory-day.txt",
		"2016.txt", "2017.txt", "2018.txt", "2019.txt", "2019-labour-day.txt", "2020.txt",
		"2020-spring-festival-extension.txt", "2021.txt", "2022.txt", "2023.txt", "2024.txt",
		"2025.txt", "2026.txt"
	};
	/* holiday/working rows per calendar year 2004..2026, doc/calendar-cn.md */
	static const int counts[23][2] = {
		{22, 6}, {24, 7}, {24, 8}, {26, 7}, {27, 5}, {27, 6}, {29, 8}, {29, 6}, {27, 6},
		{29, 12}, {23, 5}, {27, 5}, {24, 6}, {24, 5}, {25, 7}, {22, 6}, {30, 6}, {31, 7},
		{32, 7}, {26, 7}, {28, 8}, {28, 5}, {33, 6}
	};
	NoticeResult acc = {NULL, 0, 0, false, 0};
	int			got[23][2] = {{0}},
				bad = 0;
	size_t		i;

	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
	{
		char	   *text = notice_file(order[i]);
		NoticeResult r;
		NoticeError e;

		if (!text || notice_parse(text, strlen(text), atoi(order[i]), &acc, &nc_mem, &r, &e) != NOTICE_OK)
		{
			ok(false, "series: %s", order[i]);
			free(text);
			nc_free(&acc);
			return;
		}
		nc_free(&acc);
		acc = r;
		free(text);
	}
	is_int((int64_t) acc.ndays, 768, "series: 768 rows");
	for (i = 0; i < acc.ndays; i++)
	{
		int64_t		y;
		int			m, d;

		civil_ymd_from_days(acc.days[i].day, &y, &m, &d);
		if (y >= 2004 && y <= 2026)
			got[y - 2004][acc.days[i].kind == NOTICE_HOLIDAY ? 0 : 1]++;
	}
	for (i = 0; i < 23; i++)
		if (got[i][0] != counts[i][0] || got[i][1] != counts[i][1])
		{
			diag("%zu: %d/%d, expected %d/%d", 2004 + i, got[i][0], got[i][1], counts[i][0], counts[i][1]);
			bad++;
		}
	ok(bad == 0, "series: holiday and working rows of each calendar year");
	nc_free(&acc);
}

/*
 * The noisy pastes read to the days of the canonical text (the specs above),
 * except the one whose 月 and 日 were lost: refused at its first damaged date.
 */
static void
noisy(void)
{
	static const struct
	{
		const char *file;
		const char *same_as;
	}			pastes[] = {
		{"2012-line-breaks-inside-items.txt", "2012.txt"},
		{"2013-forum-antiscrape-garbage.txt", "2013.txt"},
		{"2014-editor-note-inside-item.txt", "2014.txt"},	/* the note's 上班 is no row */
		{"2020-traditional-pinyin-glosses.txt", "2020.txt"},	/* cut after 六, the last item */
		{"2021-inserted-annotations.txt", "2021.txt"},	/* the site's (1月1日星期五) are checked, not read */
		{"2021-traditional-conversion-artefacts.txt", "2021.txt"},
	};
	size_t		i,
				k;
	char		path[256];
	char	   *text;

	for (i = 0; i < sizeof(pastes) / sizeof(pastes[0]); i++)
	{
		snprintf(path, sizeof(path), "test/notices/noisy/%s", pastes[i].file);
		text = nc_read_file(path);
		for (k = 0; k < sizeof(years) / sizeof(years[0]); k++)
			if (strcmp(years[k].file, pastes[i].same_as) == 0 && ok(text != NULL, "%s", path))
				nc_expect(pastes[i].file, text, 0, NULL, years[k].days);
		free(text);
	}
	/* the yearly notice and the extension glued together: the 2020 rows, extended */
	text = nc_read_file("test/notices/noisy/2020-run-on-with-extension.txt");
	if (ok(text != NULL, "run-on paste"))
		nc_expect("2020-run-on-with-extension.txt", text, 0, NULL,
				  "2020-01-01 H Y; 2020-01-19 W S; 2020-01-24..30 H S; 2020-01-31..02-02 H E;"
				  "2020-04-04..06 H Q; 2020-04-26 W L; 2020-05-01..05 H L; 2020-05-09 W L;"
				  "2020-06-25..27 H D; 2020-06-28 W D; 2020-09-27 W B; 2020-10-01..08 H B;"
				  "2020-10-10 W B");
	free(text);
	/* 一、元旦: 11-3日放假: 1月1日–3日 or 11月…? not guessed */
	text = nc_read_file("test/notices/noisy/2007-month-day-characters-lost.txt");
	if (ok(text != NULL, "lost 月/日 paste"))
		nc_refuse("2007-month-day-characters-lost.txt", text, 0, NULL, NOTICE_ERR_UNREADABLE,
				  "11-3日放假");
	free(text);
}

int
main(void)
{
	each_file();
	extension();
	labour_day();
	series();
	noisy();
	is_int(nc_outstanding, 0, "every allocation released");
	return tap_done();
}
