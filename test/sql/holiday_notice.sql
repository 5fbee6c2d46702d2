-- parse_holiday_notice(): a State Council holiday notice read into days, the
-- 2026 notice whole, a make-up day in the December before, an amending notice,
-- a traditional paste, and the errors with their messages.
SET search_path = crm_contract, public;
SET datestyle = ISO;

-- The 2026 notice as published (国办发明电〔2025〕7号).  By hand from its items:
-- 元旦 1-01..03 off, 1-04 worked; 春节 2-15..23 off, 2-14 and 2-28 worked;
-- 清明 4-04..06; 劳动节 5-01..05, 5-09 worked; 端午 6-19..21; 中秋 9-25..27;
-- 国庆 10-01..07, 9-20 and 10-10 worked: 33 holidays and 6 working days.
CREATE TEMP TABLE notice_2026 AS SELECT $$国务院办公厅关于2026年部分节假日安排的通知
国办发明电〔2025〕7号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
鼓励单位和个人结合落实带薪年休假等制度，实际形成较长假期，推动错峰出行。节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2025年11月4日
$$::text AS notice;

SELECT * FROM parse_holiday_notice((SELECT notice FROM notice_2026));
SELECT kind, count(*) FROM parse_holiday_notice((SELECT notice FROM notice_2026)) GROUP BY kind ORDER BY kind;
-- the same rows as the shipped calendar for 2026, both ways
SELECT count(*) AS differing FROM (
  (SELECT day, kind, name FROM parse_holiday_notice((SELECT notice FROM notice_2026))
   EXCEPT SELECT day, kind, name FROM calendar_exception WHERE calendar = 'CN' AND day BETWEEN '2026-01-01' AND '2026-12-31')
  UNION ALL
  (SELECT day, kind, name FROM calendar_exception WHERE calendar = 'CN' AND day BETWEEN '2026-01-01' AND '2026-12-31'
   EXCEPT SELECT day, kind, name FROM parse_holiday_notice((SELECT notice FROM notice_2026)))) d;
-- the year given agrees with the title
SELECT count(*) FROM parse_holiday_notice((SELECT notice FROM notice_2026), 2026);

-- A make-up Saturday in the December before: 2019's 元旦 item, with the years
-- written (2018-12-29 worked, 2018-12-30..2019-01-01 off), and without them: a
-- December date in the 元旦 item belongs to the year before.
SELECT * FROM parse_holiday_notice('一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。', 2019);
SELECT * FROM parse_holiday_notice('一、元旦：12月30日至1月1日放假调休，共3天。12月29日（星期六）上班。', 2019);
-- 2006: 12月31日（星期六）上班 in the 元旦 item is 2005-12-31
SELECT * FROM parse_holiday_notice('一、元旦：1月1日—3日放假，共3天。其中1月1日为法定假日，将12月31日（星期六）、1月1日（星期日）两个公休日调至1月2日（星期一）、3日（星期二），12月31日（星期六）上班。', 2006);

-- The 2020 Spring Festival extension follows the yearly item it extends: 1-31..2-02
-- off, the make-up Saturday 2-01 included; 2月3日起正常上班 is no row.
SELECT * FROM parse_holiday_notice($$国务院办公厅关于2020年部分节假日安排的通知
二、春节：1月24日至30日放假调休，共7天。1月19日（星期日）、2月1日（星期六）上班。
国务院办公厅关于延长2020年春节假期的通知
一、延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。$$);

-- A traditional paste with pinyin glosses and half-width punctuation (2021):
-- 元旦 1-01..03 off; 春节 2-11..17 off, 2-07 and 2-20 worked.
SELECT * FROM parse_holiday_notice($$國(guó)務(wù)院辦公廳關(guān)于2021年部分節(jié)假日安排的通知
一,、元旦:2021年1月1日至3日放假,共3天,。
二,、春節(jié):2月11日至17日放假調(diào)休,共7天,。2月7日(星期日),、2月20日(星期六)上班。$$);

-- Nothing to read gives nothing: a NULL notice
SELECT count(*) FROM parse_holiday_notice(NULL);
SELECT count(*) FROM parse_holiday_notice(NULL, 2026);

\set VERBOSITY default
-- 2026-01-04 is a Sunday
SELECT * FROM parse_holiday_notice('一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周一）上班。', 2026);
-- February has no 30th
SELECT * FROM parse_holiday_notice('二、春节：2月15日至23日放假调休，共9天。2月30日上班。', 2026);
-- 1月1日 to 3日 is 3 days
SELECT * FROM parse_holiday_notice('一、元旦：1月1日（周四）至3日（周六）放假调休，共9天。', 2026);
-- a range that ends before it starts
SELECT * FROM parse_holiday_notice('七、国庆节：10月7日至1日放假调休，共7天。', 2026);
-- a day outside the notice's year
SELECT * FROM parse_holiday_notice('一、元旦：2028年1月1日放假。', 2026);
-- no year anywhere, and one that is not the title's
SELECT * FROM parse_holiday_notice('一、元旦：1月1日至3日放假调休，共3天。');
SELECT * FROM parse_holiday_notice((SELECT notice FROM notice_2026), 2025);
SELECT * FROM parse_holiday_notice('一、元旦：1月1日放假。', 1800);
-- a copy whose 月 and 日 were lost is not guessed at
SELECT * FROM parse_holiday_notice('一、元旦: 11-3日放假,共三天。', 2007);
-- a clause that says a day is worked without its date
SELECT * FROM parse_holiday_notice('一、元旦：1月1日至3日放假，共3天。周日上班。', 2026);
-- the extension alone does not say where the holiday ended
SELECT * FROM parse_holiday_notice('国务院办公厅关于延长2020年春节假期的通知
一、延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。');
-- an extension that ends inside the holiday it extends
SELECT * FROM parse_holiday_notice('国务院办公厅关于2020年部分节假日安排的通知
二、春节：1月24日至30日放假调休，共7天。
国务院办公厅关于延长2020年春节假期的通知
一、延长2020年春节假期至1月28日。');
-- off and worked at once
SELECT * FROM parse_holiday_notice('一、元旦：1月1日至3日放假，共3天。1月3日上班。', 2026);
-- a title and nothing else, and nothing at all
SELECT * FROM parse_holiday_notice('国务院办公厅关于2026年部分节假日安排的通知');
SELECT * FROM parse_holiday_notice('  ');
-- a long fragment is cut in the message
SELECT * FROM parse_holiday_notice('一、元旦：1月1日至3日放假调休并由各地区各部门根据实际情况自行安排其他假日所涉及的全部日期（含周末）。', 2026);
\set VERBOSITY terse
