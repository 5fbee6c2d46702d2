/*
 * test_notice.c - notice_parse on every sentence pattern of the notices since
 * 2004, their noise, and every refusal; notice_day_name.
 *
 * Expected days are read by hand from each snippet (the comment beside it
 * says how, with the weekdays of the dates involved), never from the
 * parser's output.  Whole notices and the noisy pastes are in
 * test_notice_files.c.  Spec letters: notice_check.h.
 */
#include "notice_check.h"

#include <time.h>

/* ---------- sentence patterns ---------- */

static void
patterns(void)
{
	/* modern: range 放假调休, 共N天, a list of make-up days (2026 元旦: Thu..Sat, Sun) */
	nc_expect("range, count, 上班", "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。",
			  2026, NULL, "2026-01-01..03 H Y; 2026-01-04 W Y");
	/* lunar notes inside the annotations, a range over 9 days (2026 春节) */
	nc_expect("lunar annotations", "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。"
			  "2月14日（周六）、2月28日（周六）上班。", 2026, NULL, "2026-02-14 W S; 2026-02-15..23 H S; 2026-02-28 W S");
	/* 放假，与周末连休: the day named only (2016 元旦, a Friday) */
	nc_expect("与周末连休", "一、元旦：1月1日放假，与周末连休。", 2016, NULL, "2016-01-01 H Y");
	/* 放假 + 补休 with a Sunday between (2014-04-05 Sat, 04-07 Mon): all three off */
	nc_expect("补休 takes in the weekend", "三、清明节：4月5日放假，4月7日（星期一）补休。", 2014, NULL,
			  "2014-04-05..07 H Q");
	/* 放假 Sunday, 补休 Monday: nothing between (2015-04-05, 04-06) */
	nc_expect("补休 the next day", "三、清明节：4月5日放假，4月6日（星期一）补休。", 2015, NULL, "2015-04-05..06 H Q");
	/* 放假1天，不调休 (2025-01-01 a Wednesday) */
	nc_expect("放假1天，不调休", "一、元旦：1月1日（周三）放假1天，不调休。", 2025, NULL, "2025-01-01 H Y");
	/* 放假，共1天 with the year written (2020) */
	nc_expect("放假，共1天", "一、元旦：2020年1月1日放假，共1天。", 2020, NULL, "2020-01-01 H Y");
	/* 放假公休 (2010) and 放假 alone */
	nc_expect("放假公休", "三、清明节：4月3日至5日放假公休，共3天。", 2010, NULL, "2010-04-03..05 H Q");
	nc_expect("放假3天 without 共", "四、劳动节：5月1日至3日放假3天。", 2009, NULL, "2009-05-01..03 H L");
	nc_expect("共三天 in Chinese numerals", "一、元旦：1月1日—3日放假，共三天。", 2007, NULL, "2007-01-01..03 H Y");
	/* a range over New Year with the years written (2019, 2023) */
	nc_expect("across New Year, years written", "一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。"
			  "2018年12月29日（星期六）上班。", 2019, NULL, "2018-12-29 W Y; 2018-12-30..31 H Y; 2019-01-01 H Y");
	nc_expect("across New Year from the 31st", "一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。", 2023, NULL,
			  "2022-12-31 H Y; 2023-01-01..02 H Y");
	/* no years written: December in the 元旦 item is the year before; 2018-12-29 a Saturday */
	nc_expect("across New Year, no years", "一、元旦：12月30日至1月1日放假调休，共3天。12月29日（星期六）上班。",
			  2019, NULL, "2018-12-29 W Y; 2018-12-30..31 H Y; 2019-01-01 H Y");
	/* a make-up day in the previous December, no year (2006: 2005-12-31 a Saturday) */
	nc_expect("previous December, no year", "一、元旦：1月1日—3日放假，共3天。其中1月1日为法定假日，将12月31日（星期六）、"
			  "1月1日（星期日）两个公休日调至1月2日（星期一）、3日（星期二），12月31日（星期六）上班。", 2006, NULL,
			  "2005-12-31 W Y; 2006-01-01..03 H Y");
	nc_expect("previous December, year written", "一、元旦：2012年1月1日至3日放假调休，共3天。2011年12月31日（星期六）上班。",
			  2012, NULL, "2011-12-31 W Y; 2012-01-01..03 H Y");
	/* 2008: 12月29日 (Sat) moved to 12月31日 (Mon), worked; 12月30日 a Sunday */
	nc_expect("2008 New Year", "一、元旦：2007年12月30日—2008年1月1日放假，共3天。其中，1月1日（星期二）为法定节假日，"
			  "12月30日（星期日）为公休日，12月29日（星期六）公休日调至12月31日（星期一），12月29日（星期六）上班。",
			  2008, NULL, "2007-12-29 W Y; 2007-12-30..31 H Y; 2008-01-01 H Y");
	/* 将…两个公休日调至…，…上班 (2004 五一: 5月1日 Sat, 5月8日 Sat) */
	nc_expect("rest days moved", "三、“五一”：5月1日———7日放假，共7天。其中，1日、2日、3日为法定假日，将5月1日（星期六）、"
			  "2日（星期日）两个公休日调至5月4日（星期二）、5日（星期三），5月8日（星期六）、5月9日（星期日）两个公休日"
			  "调至5月6日（星期四）、7日（星期五），5月8日、9日上班。", 2004, NULL, "2004-05-01..07 H L; 2004-05-08..09 W L");
	/* a moved rest day inside the range stays off (2004 春节: 24日 Sat, a 法定假日) */
	nc_expect("moved rest day inside the range", "二、春节：1月22日———28日（即农历大年初一至初七）放假，共7天。其中，22日、23日、"
			  "24日为法定假日，1月25日（星期日）照常公休，将1月17日（星期六）、18日（星期日）、24日（星期六）三个公休日调至"
			  "1月26日（星期一）、27日（星期二）、28日（星期三），1月17日、18日上班。", 2004, NULL,
			  "2004-01-17..18 W S; 2004-01-22..28 H S");
	/* moved with no 上班 sentence: the rest days are worked (2008 国庆: 9月27日 Sat, 28日 Sun) */
	nc_expect("moved, no 上班", "七、国庆节：9月29日—10月5日放假，共7天。其中，10月1日、2日、3日为法定节假日，9月27日（星期六）、"
			  "9月28日（星期日）两个公休日调至9月29日（星期一）、30日（星期二），10月4日（星期六）、5日（星期日）照常公休。",
			  2008, NULL, "2008-09-27..28 W N; 2008-09-29..10-05 H N");
	/* 公休日及中秋节分别调至 and 为国庆节法定节假日 (2009: 10月3日 Sat, 9月27日 Sun, 10月10日 Sat) */
	nc_expect("公休日及中秋节", "六、国庆节、中秋节：10月1日至8日放假，共8天。其中，10月1日（星期四）、10月2日（星期五）、"
			  "10月3日（星期六）为国庆节法定节假日，10月4日（星期日）照常公休；10月3日（星期六）公休日及中秋节分别调至10月5日"
			  "（星期一）、10月6日（星期二），9月27日（星期日）、10月10日（星期六）公休日调至10月7日（星期三）、10月8日（星期四）。"
			  "9月27日（星期日）、10月10日（星期六）上班。", 2009, NULL, "2009-09-27 W B; 2009-10-01..08 H B; 2009-10-10 W B");
	/* bare days: the month of the range start, not of its end (2006 春节) */
	nc_expect("bare days", "二、春节：1月29日—2月4日（即农历大年初一至初七）放假，共7天。其中，29日、30日、31日为法定假日，"
			  "将1月28日（星期六）、29日（星期日）、2月5日（星期日）三个公休日调至2月1日（星期三）、2日（星期四）、3日（星期五），"
			  "2月4日（星期六）照常公休，1月28日、2月5日上班。", 2006, NULL,
			  "2006-01-28 W S; 2006-01-29..02-04 H S; 2006-02-05 W S");
	/* a bare day after a full date takes its month: 21日 after 2月20日 (2010) */
	nc_expect("bare day in a list", "二、春节：2月13日至19日放假调休，共7天。2月20日（星期六）、21日（星期日）上班。", 2010, NULL,
			  "2010-02-13..19 H S; 2010-02-20..21 W S");
	/* 2008 端午: 6月8日 both a 法定节假日 and a Sunday moved to 6月9日, inside the range */
	nc_expect("lunar note with a comma", "五、端午节：6月7日—9日放假，共3天。其中，6月7日（星期六）照常公休，6月8日（农历五月初五，"
			  "端午节）为法定节假日，6月8日（星期日）公休日调至6月9日（星期一）。", 2008, NULL, "2008-06-07..09 H D");
	/* 2005 ～ and 1月1日（星期六） moved to 3日 inside the range: no working day */
	nc_expect("～ ranges", "一、元旦：1月1日～3日放假，共3天。其中1月1日为法定假日，将1月1日（星期六）公休日调至1月3日（星期一），"
			  "1月2日（星期日）照常公休。", 2005, NULL, "2005-01-01..03 H Y");
	nc_expect("ASCII dash and tilde", "七、国庆节：10月1日-7日放假。10月8日~9日上班。", 2011, NULL,
			  "2011-10-01..07 H N; 2011-10-08..09 W N");
	/* the 2007 公报 text: 分别调至2007年1月2日、3日; 2006-12-30 Sat, 31 Sun */
	nc_expect("2007 New Year", "一、元旦：1月1日—3日放假，共3天。其中1月1日为法定假日，将2006年12月30日（星期六）、31日（星期日）"
			  "两个公休日分别调至2007年1月2日、3日，2006年12月30日（星期六）、31日（星期日）上班。", 2007, NULL,
			  "2006-12-30..31 W Y; 2007-01-01..03 H Y");
	/* 2007 春节: bare days only, a ； between clauses (2月17日 Sat, 25日 Sun) */
	nc_expect("semicolon", "二、春节：2月18日—24日（即农历大年初一至初七）放假，共7天。其中18日、19日、20日为法定假日，将17日（星期六）、"
			  "18日（星期日）、25日（星期日）三个公休日分别调至21日（星期三）、22日（星期四）、23日（星期五）；24日（星期六）照常公休，"
			  "17日、25日上班。", 2007, NULL, "2007-02-17 W S; 2007-02-18..24 H S; 2007-02-25 W S");
	/* 2008 春节: annotations that are names (除夕, 春节, 正月初二) */
	nc_expect("name annotations", "二、春节：2月6日—12日（农历除夕至正月初六）放假，共7天。其中，2月6日（除夕）、2月7日（春节）、2月8日"
			  "（正月初二）为法定节假日，2月9日（星期六）、2月10日（星期日）照常公休，2月2日（星期六）、2月3日（星期日）两个公休日"
			  "调至2月11日（星期一）、2月12日（星期二），2月2日（星期六）、2月3日（星期日）上班。", 2008, NULL,
			  "2008-02-02..03 W S; 2008-02-06..12 H S");
	/* 2009: annotations with weekday and a name, in either order */
	nc_expect("weekday and name", "二、春节：1月25日至31日放假，共7天。其中，1月25日（星期日、农历除夕）、1月26日（星期一、农历正月初一）"
			  "为法定节假日。1月24日（星期六）、2月1日（星期日）上班。", 2009, NULL,
			  "2009-01-24 W S; 2009-01-25..31 H S; 2009-02-01 W S");
	/* 2013-01-05 a Saturday, 01-06 a Sunday */
	nc_expect("星期天 and 礼拜", "一、元旦：1月1日至3日放假调休，共3天。1月5日（礼拜六）、1月6日（星期天）上班。", 2013, NULL,
			  "2013-01-01..03 H Y; 2013-01-05..06 W Y");
	/* 2024: encouraged, not given: 2月9日 is no row */
	nc_expect("鼓励 is not a holiday", "二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。"
			  "鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。", 2024, NULL,
			  "2024-02-04 W S; 2024-02-10..17 H S; 2024-02-18 W S");
	/* the victory-day body: 全国放假1天, 调休放假, 调休 (9月4日 Fri), 上班 (9月6日 Sun) */
	nc_expect("调休放假 and 调休", "国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知\n"
			  "2015年9月3日全国放假1天。为方便公众安排假日期间生产生活，特作如下调休：9月3日至5日调休放假，共3天。"
			  "其中9月3日（星期四）放假，9月4日（星期五）调休，9月6日（星期日）上班。", 2015, NULL,
			  "2015-09-03..05 H V; 2015-09-06 W V");
	/* combined items in either order have one name */
	nc_expect("国庆节、中秋节", "六、国庆节、中秋节：10月1日至8日放假调休，共8天。", 2020, NULL, "2020-10-01..08 H B");
	nc_expect("中秋节、国庆节", "六、中秋节、国庆节：9月30日至10月7日放假调休，共8天。", 2012, NULL, "2012-09-30..10-07 H B");
	/* heads: “五一”, “十一”, 国际劳动节, 1、 and （一） numbers, a head with no number */
	nc_expect("“十一”", "四、“十一”：10月1日———7日放假，共7天。", 2004, NULL, "2004-10-01..07 H N");
	nc_expect("国际劳动节", "四、“五一”国际劳动节：5月1日—3日放假，共3天。", 2008, NULL, "2008-05-01..03 H L");
	nc_expect("1、 numbers", "1、元旦：1月1日放假。\n2、清明节：4月4日放假。", 2016, NULL, "2016-01-01 H Y; 2016-04-04 H Q");
	nc_expect("（一） numbers", "（一）元旦：1月1日放假。（二）清明节：4月4日放假。", 2016, NULL, "2016-01-01 H Y; 2016-04-04 H Q");
	nc_expect("heads without numbers", "元旦：1月1日放假。\n清明节：4月4日放假。", 2016, NULL, "2016-01-01 H Y; 2016-04-04 H Q");
	nc_expect("an item pasted alone", "五、端午节：6月10日放假，与周末连休。", 2024, NULL, "2024-06-10 H D");
	/* foodmate's 2009 copy: no colon after the head */
	nc_expect("head without colon", "三、清明节4月4日至6日放假，共3天。", 2009, NULL, "2009-04-04..06 H Q");
	/* a comma between the dates and what they are (a 2008 relay: 其中：4月4日（清明节），为法定节假日) */
	nc_expect("dates, then their predicate", "三、清明节：4月4日—6日放假，共3天。其中：4月4日（清明节），为法定节假日，4月5日（星期六）、"
			  "4月6日（星期日）照常公休。", 2008, NULL, "2008-04-04..06 H Q");
	nc_expect("make-up days, then 上班", "二、春节：2月6日—12日放假，共7天。2月2日（星期六）、2月3日（星期日），上班。", 2008, NULL,
			  "2008-02-02..03 W S; 2008-02-06..12 H S");
	/* 调休上班 and 补班 are make-up working days */
	nc_expect("调休上班, 补班", "一、元旦：1月1日至3日放假，共3天。1月5日（周六）调休上班，1月6日（周日）补班。", 2013, NULL,
			  "2013-01-01..03 H Y; 2013-01-05..06 W Y");
}

/* ---------- titles, years, structure ---------- */

static void
structure(void)
{
	NoticeResult r;
	NoticeError e;
	const char *t2026 = "国务院办公厅关于2026年部分节假日安排的通知\n国办发明电〔2025〕7号\n"
		"各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
		"经国务院批准，现将2026年元旦、春节放假调休日期的具体安排通知如下。\n"
		"一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。\n"
		"鼓励单位和个人结合落实带薪年休假等制度，实际形成较长假期，推动错峰出行。"
		"节假日期间，各地区、各部门要妥善安排好值班工作。\n国务院办公厅\n2025年11月4日\n";

	nc_expect("title, number, salutation, closing, signature, date", t2026, 0, NULL,
			  "2026-01-01..03 H Y; 2026-01-04 W Y");
	if (ok(notice_parse(t2026, strlen(t2026), 0, NULL, &nc_mem, &r, &e) == NOTICE_OK, "2026: flags"))
	{
		ok(r.year == 2026 && !r.supplementary && r.notices == 1, "2026: year, yearly, one notice");
		ok(r.days[0].year == 2026, "2026: rows carry the notice year");
		nc_free(&r);
	}
	nc_expect("the hint agrees with the title", t2026, 2026, NULL, "2026-01-01..03 H Y; 2026-01-04 W Y");
	/* the 2025 preamble: 自2025年1月1日起 and 国庆节自10月1日起放假调休7天 are rules */
	nc_expect("preamble", "国务院办公厅关于2025年部分节假日安排的通知\n经党中央、国务院批准，根据2024年11月修订的《全国年节及"
			  "纪念日放假办法》，自2025年1月1日起，全体公民放假的假日增加2天。国庆节自10月1日起放假调休7天。\n"
			  "按照上述原则，现将2025年元旦放假调休日期的具体安排通知如下。\n一、元旦：1月1日（周三）放假1天，不调休。\n",
			  0, NULL, "2025-01-01 H Y");
	/* a lead line quoting the title, then the title: one notice */
	nc_expect("lead line", "新华社北京11月4日电 国务院办公厅日前印发《国务院办公厅关于2026年部分节假日安排的通知》，全文如下：\n"
			  "国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日至3日放假调休，共3天。", 0, NULL, "2026-01-01..03 H Y");
	nc_expect("《关于…》 lead", "国务院办公厅印发《关于2026年部分节假日安排的通知》。\n一、元旦：1月1日至3日放假调休，共3天。",
			  0, NULL, "2026-01-01..03 H Y");
	/* no title: the year of the approval sentence (现将2016年元旦…), then the items */
	nc_expect("year from the text", "经国务院批准，现将2016年元旦放假调休日期的具体安排通知如下。\n一、元旦：1月1日放假，与周末连休。",
			  0, NULL, "2016-01-01 H Y");
	/* the 2014 paste's title variant …节假日放假安排的通知: */
	nc_expect("放假安排 title", "国务院办公厅关于2014年部分节假日放假安排的通知:\n一、元旦:1月1日放假1天。", 0, NULL, "2014-01-01 H Y");
	/* closing prose with a bare 期间, signature directly after the last item (run-on) */
	nc_expect("signature after the last item", "一、元旦：1月1日放假。国务院办公厅2015年12月10日", 2016, NULL, "2016-01-01 H Y");
	/* a page that names the notice, restates its days in a lead line, then prints it */
	nc_expect("title, lead restating the days, title", "国务院办公厅关于调整2019年劳动节假期安排通知\n人民网北京3月22日电 "
			  "据消息，2019年5月1日至4日放假调休，共4天。\n国务院办公厅关于调整2019年劳动节假期安排的通知\n"
			  "一、2019年5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）上班。", 0, NULL,
			  "2019-04-28 W L; 2019-05-01..04 H L; 2019-05-05 W L");
	nc_expect("page chrome and two titles", "正在阅读：国务院办公厅关于2026年部分节假日安排的通知\n首页> 时政 > 正文\n"
			  "国务院办公厅关于2026年部分节假日安排的通知\n来源：新华网2025-11-04 22:15\n新华社北京11月4日电 国务院办公厅"
			  "关于2026年部分节假日安排的通知，全文如下：\n一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。", 0, NULL,
			  "2026-01-01..03 H Y");
	/* no title: the approval sentence says what the notice does (劳动节 from 现将调整2019年劳动节…) */
	if (ok(notice_parse("经国务院批准，现将调整2019年劳动节放假安排通知如下。\n一、2019年5月1日至4日放假调休，共4天。",
						strlen("经国务院批准，现将调整2019年劳动节放假安排通知如下。\n一、2019年5月1日至4日放假调休，共4天。"),
						0, NULL, &nc_mem, &r, &e) == NOTICE_OK, "adjustment without its title"))
	{
		ok(r.supplementary && r.year == 2019 && r.ndays == 4 && r.days[0].festival == NF_LABOUR,
		   "adjustment without its title: 劳动节, supplementary");
		nc_free(&r);
	}
	/* a signature with a comma, then an editor line and a commentary restating the days */
	nc_expect("after the signature", "一、元旦：1月1日放假。\n国务院办公厅，2015年12月10日\n（责任编辑：某）\n解读：元旦：1月1日放假，"
			  "与周末连休。", 2016, NULL, "2016-01-01 H Y");
	/* a caption in the closing that repeats a day of the items is passed over */
	nc_expect("caption repeating a day", "国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知\n"
			  "各省、自治区、直辖市人民政府：\n9月3日至5日调休放假，共3天。9月6日（星期日）上班。\n调休放假期间，各地区要妥善安排。\n"
			  "9月3日放假1天\n国务院\n2015年5月13日", 2015, NULL, "2015-09-03..05 H V; 2015-09-06 W V");
	/* the victory-day notice without its title: its first sentence names the day */
	nc_expect("victory day without its title", "国务院：9月3日至5日调休放假3天\n各省、自治区、直辖市人民政府，国务院各部委、"
			  "各直属机构： . C% Q' u.\n2015年是中国人民抗日战争暨世界反法西斯战争胜利70周年。为使全国人民参与纪念活动，"
			  "2015年9月3日全国放假1天。特作如下调休：9月3日至5日调休放假，共3天。9月6日（星期日）上班。\n国务院 2015年5月13日",
			  0, NULL, "2015-09-03..05 H V; 2015-09-06 W V");
	/* no year but the date line: an amending notice is dated in its year */
	nc_expect("victory day dated only", "国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知\n"
			  "9月3日至5日调休放假，共3天。9月6日（星期日）上班。\n国务院\n2015年5月13日", 0, NULL,
			  "2015-09-03..05 H V; 2015-09-06 W V");
	nc_refuse("a yearly notice dated only", "一、元旦：1月1日放假。\n国务院办公厅\n2015年12月10日", 0, NULL, NOTICE_ERR_NO_YEAR, "");
	nc_expect("prose items", "国务院办公厅关于调整2019年劳动节假期安排的通知\n一、2019年5月1日至4日放假调休，共4天。\n"
			  "二、各地区、各部门要抓紧做好本地区、本领域的劳动节假期调整落实工作。\n三、劳动节期间，要妥善安排好值班。",
			  0, NULL, "2019-05-01..04 H L");
}

/* ---------- noise ---------- */

static void
noise(void)
{
	const char *spec = "2026-01-01..03 H Y; 2026-01-04 W Y";

	nc_expect("half-width punctuation", "一、元旦:1月1日(周四)至3日(周六)放假调休,共3天。1月4日(周日)上班。", 2026, NULL, spec);
	nc_expect("spaces and line breaks inside dates", "一、元旦：1 月\n1 日（周四）至\n3日（ 周六 ）放假调休，共 3 天。\r\n1月4日"
			  "（周日）\n上班。", 2026, NULL, spec);
	nc_expect("full-width digits", "一、元旦：１月１日（周四）至３日（周六）放假调休，共３天。１月４日（周日）上班。", 2026, NULL, spec);
	nc_expect("traditional", "國務院辦公廳關於2026年部分節假日安排的通知\n一、元旦：1月1日（週四）至3日（週六）放假調休，共3天。"
			  "1月4日（週日）上班。", 0, NULL, spec);
	nc_expect("traditional 補休", "三、清明節：4月5日放假，4月7日（星期一）補休。", 2014, NULL, "2014-04-05..07 H Q");
	nc_expect("pinyin glosses", "國(guó)務(wù)院辦公廳關(guān)于2026年部分節(jié)假日安排的通知\n一(yi)、元(yuan)旦:1月1日(ri)(ri)"
			  "(星期(qi)(qi)四(si))至3日(ri)放(fang)假調(diao)休,共3天。1月4日(ri)(星期日)上班(ban)。", 0, NULL, spec);
	nc_expect("doubled separators", "一,、元旦:1月1日至3日放假調休,,共3天,。1月4日(星期日),、1月10日(星期六)上班,。", 2026, NULL,
			  "2026-01-01..03 H Y; 2026-01-04 W Y; 2026-01-10 W Y");
	nc_expect("junk stuck before the closing", "一、元旦：1月1日至3日放假调休，共3天。1月4日（周日）上班。\n! i2 R5 h& u6 l0 "
			  "{节假日期间，各地区、各部门要妥善安排好值班。", 2026, NULL, spec);
	nc_expect("junk lines", "一、元旦：1月1日至3日放假调休，共3天。 mbRN W\n7U {g'<\n1月4日（周日）上班。 +{S^A)\n", 2026,
			  NULL, spec);
	nc_expect("editor's note", "一、元旦：1月1日至3日放假调休，共3天。1月4日（周日）上班。(360常识网注:2026年1月10日也要上班)",
			  2026, NULL, spec);
	nc_expect("inserted head note", "一、元旦(1月1日星期四):2026年1月1日至3日放假调休,共3天。1月4日(星期日)上班。", 2026, NULL,
			  spec);
	nc_expect("run-on, space before 。", "国务院办公厅关于2026年部分节假日安排的通知国办发明电〔2025〕7号各省、自治区、直辖市人民政府,"
			  "国务院各部委、各直属机构:经国务院批准,现将2026年元旦放假调休日期的具体安排通知如下 。一、元旦:1月1日至3日放假调休,"
			  "共3天 。1月4日(星期日)上班 。节假日期间,各地区、各部门要妥善安排好值班 。国务院办公厅2025年11月4日", 0, NULL, spec);
	nc_expect("weekdays without parentheses", "一、元旦：1月1日星期四至3日星期六放假调休，共3天。1月4日周日上班。", 2026, NULL, spec);
	nc_expect("HTML left in", "一、元旦：1月1日（周四）至&nbsp;3日（周六）放假调休，共3天。<br>1月4日（周日）上班。<BR/>", 2026,
			  NULL, spec);
	/* 2026-02-15 is 腊月二十八, written here with a · and another lunar word */
	nc_expect("· in an annotation", "二、春节：2月15日（周日·农历腊月廿八）至23日（周一）放假调休，共9天。", 2026, NULL,
			  "2026-02-15..23 H S");
	nc_expect("line break between head and body", "一、元旦:\n1月1日至3日放假调休,共3天。\n二、春节:\n2月15日至23日放假调休,共9天。",
			  2026, NULL, "2026-01-01..03 H Y; 2026-02-15..23 H S");
}

/* ---------- supplementary notices ---------- */

static void
supplements(void)
{
	NoticeResult base;
	NoticeError e;
	const char *y2020 = "国务院办公厅关于2020年部分节假日安排的通知\n"
		"二、春节：1月24日至30日放假调休，共7天。1月19日（星期日）、2月1日（星期六）上班。\n";
	const char *ext = "国务院办公厅关于延长2020年春节假期的通知\n"
		"一、延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。\n"
		"二、因疫情防控不能休假的职工，应根据《中华人民共和国劳动法》规定安排补休。\n";
	const char *victory = "国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知\n"
		"各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n2015年是胜利70周年。9月3日至5日调休放假，共3天。"
		"其中9月3日（星期四）放假，9月4日（星期五）调休，9月6日（星期日）上班。\n调休放假期间，各地区、各部门要妥善安排好值班。\n"
		"国务院\n2015年5月13日\n";

	/* the extension runs from the day after 1月30日 to 2月2日, over 2月1日's 上班 */
	if (ok(notice_parse(y2020, strlen(y2020), 0, NULL, &nc_mem, &base, &e) == NOTICE_OK, "2020 base"))
	{
		nc_expect("extension over a base", ext, 0, &base,
				  "2020-01-19 W S; 2020-01-24..30 H S; 2020-01-31..02-02 H E");
		nc_free(&base);
	}
	nc_refuse("extension alone", ext, 0, NULL, NOTICE_ERR_NEEDS_BASE,
			  "延长2020年春节假期至2月2日（农历正月初九，星期日）");
	/* an extension must end after the holiday's last day */
	nc_refuse("extension backwards", "国务院办公厅关于2020年部分节假日安排的通知\n二、春节：1月24日至30日放假调休，共7天。\n"
			  "国务院办公厅关于延长2020年春节假期的通知\n一、延长2020年春节假期至1月28日。", 0, NULL,
			  NOTICE_ERR_RANGE_ORDER, "延长2020年春节假期至1月28日");
	nc_refuse("extension of another year", "国务院办公厅关于2020年部分节假日安排的通知\n二、春节：1月24日至30日放假调休，共7天。\n"
			  "国务院办公厅关于延长2020年春节假期的通知\n一、延长2021年春节假期至2月2日。", 0, NULL,
			  NOTICE_ERR_YEAR_CONFLICT, "2021年");
	/* the victory day has no items: the body after the salutation is read */
	nc_expect("victory day", victory, 0, NULL, "2015-09-03..05 H V; 2015-09-06 W V");
	/* a yearly notice read twice over itself gives the same days */
	if (ok(notice_parse(y2020, strlen(y2020), 0, NULL, &nc_mem, &base, &e) == NOTICE_OK, "2020 base again"))
	{
		nc_expect("yearly over itself", y2020, 0, &base, "2020-01-19 W S; 2020-01-24..30 H S; 2020-02-01 W S");
		nc_free(&base);
	}
	/* a base that is not sorted is refused */
	{
		NoticeDay	bad[2] = {{10, NOTICE_HOLIDAY, NF_SPRING, 2000}, {5, NOTICE_HOLIDAY, NF_SPRING, 2000}};
		NoticeResult b = {bad, 2, 2000, false, 1};

		nc_refuse("unsorted base", y2020, 0, &b, NOTICE_ERR_UNREADABLE, "");
	}
}

/* ---------- refusals ---------- */

static void
refusals(void)
{
	NoticeError e;
	char	   *big;

	nc_refuse("empty", "", 2026, NULL, NOTICE_ERR_EMPTY, "");
	nc_refuse("white space", " \n\t\xE3\x80\x80\r\n", 2026, NULL, NOTICE_ERR_EMPTY, "");
	big = calloc(NOTICE_TEXT_MAX + 2, 1);
	memset(big, 'x', NOTICE_TEXT_MAX + 1);
	nc_refuse("too long", big, 0, NULL, NOTICE_ERR_TOO_LONG, "");
	free(big);
	nc_refuse("no year", "一、元旦：1月1日至3日放假调休，共3天。", 0, NULL, NOTICE_ERR_NO_YEAR, "");
	e = nc_refuse("hint against the title", "国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日至3日放假调休，共3天。",
				  2025, NULL, NOTICE_ERR_YEAR_CONFLICT, "2026");
	ok(e.found == 2026 && e.expected == 2025, "year conflict: title 2026, hint 2025");
	nc_refuse("lead line against the title", "印发《国务院办公厅关于2025年部分节假日安排的通知》。\n国务院办公厅关于2026年部分节假日"
			  "安排的通知\n一、元旦：1月1日放假。", 0, NULL, NOTICE_ERR_YEAR_CONFLICT, "2026");
	nc_refuse("title only", "国务院办公厅关于2026年部分节假日安排的通知", 0, NULL, NOTICE_ERR_NO_SCHEDULE,
			  "国务院办公厅关于2026年部分节假日安排的通知");
	/* 2026-01-04 is a Sunday, written 周一 */
	e = nc_refuse("weekday", "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周一）上班。", 2026, NULL,
				  NOTICE_ERR_WEEKDAY, "1月4日（周一）");
	ok(e.written_weekday == 1 && e.actual_weekday == 7, "weekday: written Monday, really Sunday");
	/* the weekday of a range's end, inside a lunar annotation: 23日 is a Monday */
	e = nc_refuse("weekday in a lunar annotation", "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周二）放假调休，共9天。",
				  2026, NULL, NOTICE_ERR_WEEKDAY, "23日（农历正月初七、周二）");
	ok(e.written_weekday == 2 && e.actual_weekday == 1, "weekday: written Tuesday, really Monday");
	nc_refuse("weekday in a head note", "一、元旦(1月1日星期五):1月1日至3日放假调休,共3天。", 2026, NULL,
			  NOTICE_ERR_WEEKDAY, "1月1日星期五");
	nc_refuse("2月30日", "二、春节：2月15日至23日放假调休，共9天。2月30日（周一）上班。", 2026, NULL, NOTICE_ERR_DATE, "2月30日");
	nc_refuse("0月1日 (a digit lost)", "六、中秋节、国庆节：0月1日至8日放假调休，共8天。", 2017, NULL, NOTICE_ERR_DATE, "0月1日");
	nc_refuse("13月", "一、元旦：13月1日放假。", 2026, NULL, NOTICE_ERR_DATE, "13月1日");
	nc_refuse("bare 30日 in February", "二、春节：2月15日至23日放假调休。其中，30日为法定节假日。", 2026, NULL, NOTICE_ERR_DATE, "30日");
	e = nc_refuse("range backwards", "七、国庆节：10月7日至1日放假调休，共7天。", 2026, NULL, NOTICE_ERR_RANGE_ORDER, "10月7日至1日");
	e = nc_refuse("count", "一、元旦：1月1日（周四）至3日（周六）放假调休，共9天。", 2026, NULL, NOTICE_ERR_COUNT, "共9天");
	ok(e.expected == 3 && e.found == 9, "count: 3 days, written 9");
	is_int((int64_t) e.aux_length, (int64_t) strlen("1月1日（周四）至3日（周六）放假调休"), "count: quotes the range too");
	/* a count after days given off by 调休, not 放假 */
	nc_refuse("count after 调休", "四、劳动节：5月1日至5日调休，共7天。", 2021, NULL, NOTICE_ERR_COUNT, "共7天");
	nc_refuse("inline count", "一、元旦：1月1日至3日放假2天。", 2026, NULL, NOTICE_ERR_COUNT, "1月1日至3日放假2天");
	nc_refuse("count of moved rest days", "二、春节：2月9日～15日放假，共7天。将2月5日（星期六）、6日（星期日）三个公休日调至2月14日（星期一）、"
			  "15日（星期二）。", 2005, NULL, NOTICE_ERR_COUNT, NULL);
	nc_refuse("outside the window", "一、元旦：2028年1月1日放假。", 2026, NULL, NOTICE_ERR_WINDOW, "2028年1月1日");
	nc_refuse("November before", "一、元旦：2025年11月30日上班。", 2026, NULL, NOTICE_ERR_WINDOW, "2025年11月30日");
	nc_refuse("New Year outside its item", "七、国庆节：12月30日至1月1日放假。", 2026, NULL, NOTICE_ERR_WINDOW, NULL);
	nc_refuse("off and worked", "一、元旦：1月1日至3日放假，共3天。1月3日上班。", 2026, NULL, NOTICE_ERR_CONFLICT, "1月3日上班");
	nc_refuse("two items, one day", "一、元旦：1月1日至3日放假。\n二、春节：1月3日放假。", 2026, NULL, NOTICE_ERR_CONFLICT, "1月3日放假");
	/* unreadable text is quoted, never skipped */
	nc_refuse("lost 月/日", "一、元旦: 11-3日放假,共三天。", 2007, NULL, NOTICE_ERR_UNREADABLE, "11-3日放假");
	nc_refuse("a word after the verb", "一、元旦：1月1日至3日放假（含周末），共3天。", 2026, NULL, NOTICE_ERR_UNREADABLE,
			  "1月1日至3日放假（含周末）");
	nc_refuse("not a weekday", "二、春节：2月21日（期三）放假。", 2007, NULL, NOTICE_ERR_UNREADABLE, "（期三）");
	nc_refuse("weekday without parentheses", "一、元旦：1月1日至3日放假调休，共3天。1月4日周一上班。", 2026, NULL,
			  NOTICE_ERR_WEEKDAY, "1月4日周一");
	nc_refuse("not an annotation", "一、元旦：1月1日（见附件）放假。", 2026, NULL, NOTICE_ERR_UNREADABLE, "（见附件）");
	nc_refuse("a date with nothing said", "一、元旦：1月1日至3日放假。1月4日。", 2026, NULL, NOTICE_ERR_UNREADABLE, "1月4日");
	nc_refuse("dates, then more dates", "一、元旦：1月1日至3日放假，共3天。1月4日，1月5日上班。", 2026, NULL, NOTICE_ERR_UNREADABLE,
			  "1月4日");
	nc_refuse("worked without a date", "一、元旦：1月1日至3日放假，共3天。周日上班。", 2026, NULL, NOTICE_ERR_UNREADABLE, "周日上班");
	nc_refuse("a day without a month", "一、元旦：3日放假。", 2026, NULL, NOTICE_ERR_UNREADABLE, "3日");
	nc_refuse("a count before its days", "一、元旦：共3天。1月1日至3日放假。", 2026, NULL, NOTICE_ERR_UNREADABLE, "共3天");
	nc_refuse("an item with no festival", "一、1月1日至3日放假，共3天。", 2026, NULL, NOTICE_ERR_UNREADABLE, NULL);
	nc_refuse("a head with no dates", "一、元旦：放假安排另行通知。", 2026, NULL, NOTICE_ERR_UNREADABLE, NULL);
	nc_refuse("items out of order", "一、元旦：1月1日放假。\n三、清明节：4月4日放假。", 2026, NULL, NOTICE_ERR_UNREADABLE, "三、清明节：");
	nc_refuse("days after the closing", "一、元旦：1月1日放假。\n节假日期间，各地区要妥善安排。\n八、国庆节：10月1日至7日放假。",
			  2026, NULL, NOTICE_ERR_UNREADABLE, NULL);
	/* the last item taken to end at 国庆期间，…: the make-up day after it is not lost */
	nc_refuse("a day after the closing", "七、国庆节：10月1日至7日放假调休，共7天。国庆期间，各地要做好值班。9月29日（星期日）上班。",
			  2019, NULL, NOTICE_ERR_UNREADABLE, "9月29日（星期日）上班");
	nc_refuse("an unclosed parenthesis", "一、元旦：1月1日（周四放假。", 2026, NULL, NOTICE_ERR_UNREADABLE, NULL);
	nc_refuse("invalid UTF-8", "一、元旦：1月1日\xFF\xFE放假。", 2026, NULL, NOTICE_ERR_UNREADABLE, NULL);
	nc_refuse("Latin letters in an item", "一、元旦：1月1日至3日放假，共3天，see below。", 2026, NULL,
			  NOTICE_ERR_UNREADABLE, "see below");
	nc_refuse("a stray parenthesis", "一、元旦：1月1日至3日放假，共3天。（见下", 2026, NULL, NOTICE_ERR_UNREADABLE, "（见下");
}

/*
 * Texts of the longest length made to be slow: every step is bounded or
 * linear, so each is refused (or read) at once.
 */
static void
long_texts(void)
{
	static const char *const units[] = {"(", "(注:", "\n元旦(", "如下放假", "1月1日、", "\n", "\n2025年", "日(ri)"};
	size_t		i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
	{
		const char *head = "一、元旦：1月1日放假。";
		size_t		hl = strlen(head),
					ul = strlen(units[i]),
					n = hl;
		char	   *buf = malloc(NOTICE_TEXT_MAX + 1);
		NoticeResult r;
		NoticeError e;
		clock_t		t0;
		double		secs;

		memcpy(buf, head, hl);
		while (n + ul <= NOTICE_TEXT_MAX)
		{
			memcpy(buf + n, units[i], ul);
			n += ul;
		}
		t0 = clock();
		if (notice_parse(buf, n, 2026, NULL, &nc_mem, &r, &e) == NOTICE_OK)
			nc_free(&r);
		secs = (double) (clock() - t0) / CLOCKS_PER_SEC;
		ok(secs < 3.0, "1 MB of \"%s\": %.2f s", esc(units[i]), secs);
		free(buf);
	}
}

/* ---------- names, memory, status names ---------- */

static void
names(void)
{
	static const struct
	{
		int			festival;
		int			kind;
		const char *name;
	}			shipped[] = {
		/* every name of sql/data/25_calendar_cn.sql, quotes undoubled */
		{NF_NEW_YEAR, NOTICE_HOLIDAY, "元旦 / New Year's Day"},
		{NF_NEW_YEAR, NOTICE_WORKING, "元旦调休上班 / New Year's Day make-up working day"},
		{NF_SPRING, NOTICE_HOLIDAY, "春节 / Spring Festival"},
		{NF_SPRING, NOTICE_WORKING, "春节调休上班 / Spring Festival make-up working day"},
		{NF_SPRING | NF_EXTENDED, NOTICE_HOLIDAY, "春节（延长假期） / Spring Festival (extended)"},
		{NF_QINGMING, NOTICE_HOLIDAY, "清明节 / Qingming Festival"},
		{NF_QINGMING, NOTICE_WORKING, "清明节调休上班 / Qingming Festival make-up working day"},
		{NF_LABOUR, NOTICE_HOLIDAY, "劳动节 / Labour Day"},
		{NF_LABOUR, NOTICE_WORKING, "劳动节调休上班 / Labour Day make-up working day"},
		{NF_DRAGON_BOAT, NOTICE_HOLIDAY, "端午节 / Dragon Boat Festival"},
		{NF_DRAGON_BOAT, NOTICE_WORKING, "端午节调休上班 / Dragon Boat Festival make-up working day"},
		{NF_MID_AUTUMN, NOTICE_HOLIDAY, "中秋节 / Mid-Autumn Festival"},
		{NF_MID_AUTUMN, NOTICE_WORKING, "中秋节调休上班 / Mid-Autumn Festival make-up working day"},
		{NF_NATIONAL, NOTICE_HOLIDAY, "国庆节 / National Day"},
		{NF_NATIONAL, NOTICE_WORKING, "国庆节调休上班 / National Day make-up working day"},
		{NF_MID_AUTUMN_NATIONAL, NOTICE_HOLIDAY, "中秋节、国庆节 / Mid-Autumn Festival and National Day"},
		{NF_MID_AUTUMN_NATIONAL, NOTICE_WORKING,
		 "中秋节、国庆节调休上班 / Mid-Autumn Festival and National Day make-up working day"},
		{NF_VICTORY_70, NOTICE_HOLIDAY, "抗战胜利70周年纪念日 / Victory Day (70th anniversary of the War of Resistance)"},
		{NF_VICTORY_70, NOTICE_WORKING,
		 "抗战胜利70周年纪念日调休上班 / Victory Day (70th anniversary of the War of Resistance) make-up working day"},
	};
	size_t		i;

	for (i = 0; i < sizeof(shipped) / sizeof(shipped[0]); i++)
		is_str(notice_day_name(shipped[i].festival, shipped[i].kind), shipped[i].name, "name %zu", i);
	ok(notice_day_name(NF_NONE, NOTICE_HOLIDAY) == NULL, "no name for NF_NONE");
	ok(notice_day_name(NF_MAX + 1, NOTICE_HOLIDAY) == NULL, "no name past NF_MAX");
	ok(notice_day_name(NF_SPRING, 0) == NULL && notice_day_name(NF_SPRING, 3) == NULL, "no name for kind 0 or 3");
	ok(notice_day_name(NF_SPRING | 0x40, NOTICE_HOLIDAY) == NULL, "no name for unknown bits");
	is_str(notice_status_name(NOTICE_ERR_WEEKDAY), "weekday mismatch", "status name");
	is_str(notice_status_name((NoticeStatus) 99), "?", "unknown status name");
}

static void
memory(void)
{
	const char *text = "国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日至3日放假调休，共3天。";
	NoticeResult r;
	NoticeError e;
	long		n;

	/* each allocation in turn fails: refused as no memory, nothing left allocated */
	for (n = 0; n < 2; n++)
	{
		nc_outstanding = 0;
		nc_fail_after = n;
		is_str(notice_status_name(notice_parse(text, strlen(text), 0, NULL, &nc_mem, &r, &e)), "no memory",
			   "allocation %ld fails", n);
		is_int(nc_outstanding, 0, "allocation %ld fails: nothing left", n);
	}
	nc_fail_after = -1;
	nc_outstanding = 0;
	if (ok(notice_parse(text, strlen(text), 0, NULL, &nc_mem, &r, &e) == NOTICE_OK, "parses"))
	{
		is_int(nc_outstanding, 1, "only the days stay allocated");
		nc_free(&r);
	}
	/* an allocator without release (a memory context) */
	{
		NoticeAllocator no_release = {nc_alloc, NULL, NULL};

		ok(notice_parse(text, strlen(text), 0, NULL, &no_release, &r, &e) == NOTICE_OK, "no release callback");
		nc_outstanding = 0;		/* leaked on purpose here: a context would free them */
	}
}

int
main(void)
{
	patterns();
	structure();
	noise();
	supplements();
	refusals();
	long_texts();
	names();
	memory();
	return tap_done();
}
