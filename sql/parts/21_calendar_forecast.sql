-------------------------------------------------------------------------------
-- Forecasts: the days a calendar assumes past its announced ones (covered_to),
-- up to its forecast_to.  Data per calendar: CN ships the statutory days of
-- 全国年节及纪念日放假办法 for 2027-2099; a user calendar may have none or its own.
-------------------------------------------------------------------------------

CREATE TABLE crm_contract.calendar_forecast (
  calendar text NOT NULL REFERENCES crm_contract.calendar (name) ON UPDATE CASCADE ON DELETE CASCADE,
  day      date NOT NULL,
  kind     crm_contract.day_kind NOT NULL,
  name     text NOT NULL,
  builtin  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (calendar, day)
);
COMMENT ON TABLE crm_contract.calendar_forecast IS
  'the days a calendar''s forecast assumes after its covered_to (up to its forecast_to): holidays, and extra working days if a forecast has any; computations that need them are provisional';

-- The lunar festivals and the 清明 solar term, Beijing time (doc/calendar-cn.md says
-- where they come from and how they are checked).
CREATE TABLE crm_contract.cn_lunar_date (
  year     integer PRIMARY KEY,
  chuxi    date NOT NULL,
  qingming date NOT NULL,
  duanwu   date NOT NULL,
  zhongqiu date NOT NULL,
  CONSTRAINT cn_lunar_date_check CHECK (
    pg_catalog.date_part('year', qingming) OPERATOR(pg_catalog.=) year
    AND pg_catalog.date_part('year', duanwu) OPERATOR(pg_catalog.=) year
    AND pg_catalog.date_part('year', zhongqiu) OPERATOR(pg_catalog.=) year
    AND chuxi OPERATOR(pg_catalog.>=) pg_catalog.make_date(year, 1, 20)
    AND chuxi OPERATOR(pg_catalog.<=) pg_catalog.make_date(year, 2, 19))
);
COMMENT ON TABLE crm_contract.cn_lunar_date IS
  'per Gregorian year 2004-2099: 除夕 (the day before 正月初一), 清明 (the solar term), 端午 (五月初五), 中秋 (八月十五), Beijing time; computed with lunar-javascript 1.7.7 (寿星天文历) and checked against chinese-days 1.5.7 and an independent GB/T 33661 computation (doc/calendar-cn.md)';

-- Art. 2 of the 办法 as revised by 国务院令第798号 (in force 2025-01-01), and Art. 6:
-- a statutory day that falls on a Saturday or Sunday is made up by a weekday off.
-- The substitute is the first Monday-to-Friday after the festival's own days that
-- is off for no other reason; a day that is statutory twice (中秋 on 1-3 October)
-- counts once.  The forecast has no make-up working days (调休上班).
CREATE FUNCTION crm_contract.cn_statutory_days(year integer)
RETURNS TABLE (day date, kind crm_contract.day_kind, name text)
LANGUAGE plpgsql STABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  l record;
  y integer := cn_statutory_days.year;
  -- festival: its statutory days, the name of each, the name of a substitute day
  fest_days date[][];
  names text[] := ARRAY['元旦 / New Year''s Day', '春节 / Spring Festival', '清明节 / Qingming Festival',
                        '劳动节 / Labour Day', '端午节 / Dragon Boat Festival', '中秋节 / Mid-Autumn Festival',
                        '国庆节 / National Day'];
  subs text[] := ARRAY['元旦补休 / New Year''s Day (substitute day off)', '春节补休 / Spring Festival (substitute day off)',
                       '清明节补休 / Qingming Festival (substitute day off)', '劳动节补休 / Labour Day (substitute day off)',
                       '端午节补休 / Dragon Boat Festival (substitute day off)', '中秋节补休 / Mid-Autumn Festival (substitute day off)',
                       '国庆节补休 / National Day (substitute day off)'];
  days date[] := '{}';
  day_names text[] := '{}';
  f integer;
  d date;
  i integer;
  owed integer;
  last date;
BEGIN
  SELECT x.* INTO l FROM crm_contract.cn_lunar_date x WHERE x.year = y;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no lunar dates for %', y
      USING ERRCODE = '22008', HINT = 'crm_contract.cn_lunar_date holds the years 2004 to 2099.';
  END IF;
  -- the statutory days of each festival, NULL-padded to four
  fest_days := ARRAY[
    ARRAY[make_date(y, 1, 1), NULL, NULL, NULL],
    ARRAY[l.chuxi, l.chuxi + 1, l.chuxi + 2, l.chuxi + 3],
    ARRAY[l.qingming, NULL, NULL, NULL],
    ARRAY[make_date(y, 5, 1), make_date(y, 5, 2), NULL, NULL],
    ARRAY[l.duanwu, NULL, NULL, NULL],
    ARRAY[l.zhongqiu, NULL, NULL, NULL],
    ARRAY[make_date(y, 10, 1), make_date(y, 10, 2), make_date(y, 10, 3), NULL]]::date[][];
  FOR f IN 1..7 LOOP
    FOR i IN 1..4 LOOP
      d := fest_days[f][i];
      CONTINUE WHEN d IS NULL;
      IF d = ANY (days) THEN
        -- 中秋 on a National Day day: one day off, named for both
        day_names[array_position(days, d)] := '中秋节、国庆节 / Mid-Autumn Festival and National Day';
      ELSE
        days := days || d;
        day_names := day_names || names[f];
      END IF;
    END LOOP;
  END LOOP;
  -- Art. 6: each weekend day among a festival's statutory days is made up after them,
  -- festivals taken in the order of their days
  FOR f IN SELECT o.f FROM unnest(ARRAY[1, 2, 3, 4, 5, 6, 7]) AS o (f)
            ORDER BY (SELECT min(x) FROM unnest(fest_days[o.f:o.f][1:4]) x) LOOP
    owed := 0;
    last := NULL;
    FOR i IN 1..4 LOOP
      d := fest_days[f][i];
      CONTINUE WHEN d IS NULL;
      -- a day already counted for National Day is not made up twice
      CONTINUE WHEN f = 6 AND d BETWEEN make_date(y, 10, 1) AND make_date(y, 10, 3);
      IF extract(isodow FROM d) >= 6 THEN
        owed := owed + 1;
      END IF;
      last := greatest(last, d);
    END LOOP;
    d := last;
    WHILE owed > 0 LOOP
      d := d + 1;
      IF extract(isodow FROM d) <= 5 AND NOT d = ANY (days) THEN
        days := days || d;
        day_names := day_names || subs[f];
        owed := owed - 1;
      END IF;
    END LOOP;
  END LOOP;
  RETURN QUERY SELECT x.day, 'holiday'::crm_contract.day_kind, x.name
                 FROM unnest(days, day_names) AS x (day, name) ORDER BY x.day;
END $$;
COMMENT ON FUNCTION crm_contract.cn_statutory_days(integer) IS
  'the statutory days off of China in a year by 全国年节及纪念日放假办法 (国务院令第798号, from 2025): 元旦 1, 春节 4 from 除夕, 清明 1, 劳动节 5/1-5/2, 端午 1, 中秋 1, 国庆 10/1-10/3, each weekend day among them made up by the first free weekday after its festival (Art. 6); the forecast of CN';

CREATE FUNCTION crm_contract.forecast_days(calendar text, year integer)
RETURNS TABLE (day date, kind crm_contract.day_kind, name text)
LANGUAGE sql STABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
  SELECT f.day, f.kind, f.name
    FROM crm_contract.calendar_forecast f
   WHERE f.calendar = forecast_days.calendar
     AND f.day BETWEEN make_date(forecast_days.year, 1, 1) AND make_date(forecast_days.year, 12, 31)
   ORDER BY f.day
$$;
COMMENT ON FUNCTION crm_contract.forecast_days(text, integer) IS
  'the days a calendar''s forecast assumes in a year (rows of calendar_forecast), e.g. forecast_days(''CN'', 2027); they apply only after the calendar''s covered_to';
