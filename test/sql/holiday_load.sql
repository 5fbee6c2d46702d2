-- load_holiday_notice: a year loaded from the State Council's notice into a calendar,
-- its deadlines recomputed from the forecast.  The 2027 notice is SYNTHETIC
-- (test/notices/2027-synthetic.txt, first line its label, stripped here): holidays
-- 1/1-3, 2/5-13, 4/3-5, 5/1-5, 6/9, 9/15, 10/1-7; working 1/31 (Sun), 2/20 (Sat),
-- 4/25 (Sun), 5/8 (Sat), 9/26 (Sun), 10/9 (Sat).  CN's forecast for 2027 (国务院令第798号):
-- holidays 1/1, 2/5-10, 4/5, 5/1-4, 6/9, 9/15, 10/1-5, no working weekend.
-- 2027-01-01 is a Friday.  Every expected value is counted by hand beside it.
SET search_path = crm_contract, public;
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
\set SHOW_CONTEXT never
\set notice2027 `tail -n +2 test/notices/2027-synthetic.txt`
\set notice2026 `cat sql/data/notices/2026.txt`
\set labour2019 `cat sql/data/notices/2019-labour-day.txt`
SELECT count(setval(pg_get_serial_sequence('crm_contract.' || t, 'id'), 1, false)) AS sequences_reset
  FROM unnest(ARRAY['contract', 'clause', 'milestone', 'installment', 'installment_due', 'change_request']) t;
INSERT INTO tenant_member VALUES (current_user, 'load');
SELECT copy_calendar('CN', 'CN-load', 'CN, to load the 2027 test notice into');

-- Deadlines stored before the notice: on the forecast, provisional.
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status, calendar)
VALUES ('L-1', 'implementation', 't', '甲方', '乙方', 500000.00, '2026-12-15', 'signed', 'CN-load');
INSERT INTO clause (contract_id, kind, ref, term) SELECT id, 'change_request', '11.2', '10 working days' FROM contract;
INSERT INTO milestone (contract_id, name, within) SELECT id, 'go-live', '40 working days' FROM contract;
INSERT INTO milestone (contract_id, name, within) SELECT id, 'kick-off', '5 days' FROM contract;
INSERT INTO installment (contract_id, name, amount, anchor, anchor_date, within)
SELECT id, 'fee', 100000.00, 'date', '2027-01-01', '30 days' FROM contract;
INSERT INTO change_request (contract_id, ref, received_on) SELECT id, 'CR-1', '2026-12-24' FROM contract;
-- go-live: 12/16-18, 21-25, 28-31 (12); Jan 4-29 (32); Feb 1-4 (36); forecast: 2/11, 2/12, 2/15, 2/16 (40)
-- kick-off: 12/15 + 5 days = Sunday 12/20: Monday 12/21 (2026, announced)
-- fee: 1/1 + 30 days = Sunday 1/31: off in the forecast, Monday 2/1
-- CR-1: 12/25, 12/28-31 (5), 1/1 off, 1/4-8 (10): 1/8
SELECT name, due_on, due_provisional FROM milestone ORDER BY name;
SELECT o.due_on, o.due_provisional FROM installment_due o;
SELECT ref, due_on, due_provisional FROM change_request;

-- The notice, loaded: 29 holidays and 6 working days added, covered to 2027-12-31, the
-- deadlines recomputed: go-live 2/4 (37), 2/15, 2/16, 2/17 (40) as 2/5-13 are off;
-- the fee on Sunday 1/31 itself, a make-up working day; CR-1 1/8 still, no longer provisional.
SELECT count(*) AS changed, count(*) FILTER (WHERE change = 'added') AS added,
       count(*) FILTER (WHERE kind = 'holiday') AS holidays, count(*) FILTER (WHERE kind = 'working') AS working
  FROM load_holiday_notice('CN-load', :'notice2027');
SELECT covered_to, forecast_to FROM calendar WHERE name = 'CN-load';
SELECT name, due_on, due_provisional FROM milestone ORDER BY name;
SELECT o.due_on, o.due_provisional FROM installment_due o;
SELECT ref, due_on, due_provisional FROM change_request;
SELECT day, kind, name FROM calendar_exception WHERE calendar = 'CN-load' AND day IN ('2027-01-31', '2027-02-13', '2027-10-07') ORDER BY day;
-- and the calendar functions see the announced year: no NOTICE, nothing provisional
SELECT add_working_days('2027-02-04', 1, 'CN-load') AS after_feb_4,      -- 2/15 (2/5-13 off)
       is_working_day('2027-01-31', 'CN-load') AS jan_31_works;           -- true

-- The same notice again changes nothing.
SELECT count(*) AS changed FROM load_holiday_notice('CN-load', :'notice2027');

-- A supplementary notice amends a covered year: 2019's Labour Day, as first announced
-- (5/1 only), then changed to 5/1-4 off with Sundays 4/28 and 5/5 worked (国办发明电〔2019〕3号).
DELETE FROM calendar_exception WHERE calendar = 'CN-load' AND day BETWEEN '2019-04-28' AND '2019-05-05';
INSERT INTO calendar_exception (calendar, day, kind, name) VALUES ('CN-load', '2019-05-01', 'holiday', '劳动节 / Labour Day');
SELECT day, kind, change FROM load_holiday_notice('CN-load', :'labour2019') ORDER BY day;
-- 4/28 working, 5/2-4 holiday, 5/5 working added; 5/1 unchanged
SELECT working_days_between('2019-04-26', '2019-05-06', 'CN-load') AS apr26_may6;
-- (4/26, 5/6]: 4/28 (Sun, worked), 4/29, 4/30, 5/5 (Sun, worked), 5/6 = 5

-- Refusals.
\set VERBOSITY default
INSERT INTO calendar (name, time_zone, covered_from, covered_to, description) VALUES ('gap', 'Asia/Shanghai', '2024-01-01', '2024-12-31', 'test');
SELECT * FROM load_holiday_notice('gap', :'notice2026');              -- 2025 missing
SELECT * FROM load_holiday_notice('nowhere', :'notice2026');
SELECT * FROM load_holiday_notice('CN-load', '各省、自治区、直辖市人民政府：元旦放假。');
SELECT * FROM load_holiday_notice('CN-load', NULL);
-- only a role that sees every tenant's deadlines may load, and PUBLIC may not execute it
CREATE ROLE load_clerk;
SET ROLE load_clerk;
SELECT * FROM load_holiday_notice('CN-load', :'notice2027');
RESET ROLE;
GRANT EXECUTE ON FUNCTION load_holiday_notice(text, text, integer) TO load_clerk;
GRANT USAGE ON SCHEMA crm_contract TO load_clerk;
SET ROLE load_clerk;
SELECT * FROM load_holiday_notice('CN-load', :'notice2027');
RESET ROLE;
REVOKE ALL ON FUNCTION load_holiday_notice(text, text, integer) FROM load_clerk;
REVOKE USAGE ON SCHEMA crm_contract FROM load_clerk;
DROP ROLE load_clerk;

DELETE FROM contract;
DELETE FROM calendar WHERE name IN ('CN-load', 'gap');
DELETE FROM tenant_member;
