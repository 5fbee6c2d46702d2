-- make demo, part of demo/demo.sql: the year boundary.  CN is announced to 2026-12-31;
-- past that, stored deadlines rest on its forecast and say so, until the year's State
-- Council notice is loaded as text.
\set notice2026 `cat sql/data/notices/2026.txt`
\set notice2027 `tail -n +2 test/notices/2027-synthetic.txt`

\echo
\echo '== The year boundary: a State Council notice read as text (2026, 国办发明电〔2025〕7号), its first days'
SELECT day, kind, name FROM parse_holiday_notice(:'notice2026') ORDER BY day LIMIT 6;

\echo
\echo '== Past the announced days: the forecast CN assumes for 2027 (国务院令第798号, weekend days made up)'
SELECT day, to_char(day, 'Dy') AS dow, kind, name FROM forecast_days('CN', 2027) WHERE day < '2027-06-01';

\echo
\echo '== A contract signed 2026-12-01, go-live within 60 working days: due on the forecast, provisional'
SELECT copy_calendar('CN', 'CN-demo', 'a copy of CN to load the synthetic 2027 notice into');
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status, calendar)
VALUES ('Y-1', 'implementation', 'CRM 实施 (signed at the year boundary)', '甲方', '乙方', 600000.00, '2026-12-01', 'signed', 'CN-demo');
INSERT INTO milestone (contract_id, name, within) SELECT id, 'go-live', '60个工作日' FROM contract WHERE code = 'Y-1';
INSERT INTO installment (contract_id, name, amount, anchor, anchor_date, within)
SELECT id, 'first fee', 200000.00, 'date', '2027-01-01', '30日' FROM contract WHERE code = 'Y-1';
SELECT 'milestone' AS what, name, due_on, due_provisional FROM milestone WHERE name = 'go-live'
UNION ALL
SELECT 'installment', i.name, o.due_on, o.due_provisional FROM installment i JOIN installment_due o ON o.installment_id = i.id
 WHERE i.name = 'first fee';

\echo
\echo '== Tickets at the boundary on a contract counting on CN-demo: 2 working hours to respond, 8 to resolve'
INSERT INTO sla_target (contract_id, priority, metric, target) VALUES
  ((SELECT id FROM contract WHERE code = 'Y-1'), 'P1', 'response', '2个工作小时'),
  ((SELECT id FROM contract WHERE code = 'Y-1'), 'P1', 'resolution', '8个工作小时');
CREATE TABLE public.desk (
  id integer PRIMARY KEY, contract_id bigint, priority text, status text NOT NULL DEFAULT 'open',
  opened_at timestamptz, updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
  response_due timestamptz, resolve_due timestamptz, sla_alerts integer NOT NULL DEFAULT 0,
  sla_provisional boolean);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.desk FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
INSERT INTO public.desk (id, contract_id, priority, opened_at) VALUES
  (1, (SELECT id FROM contract WHERE code = 'Y-1'), 'P1', '2026-12-31 17:30+08'),
  (2, (SELECT id FROM contract WHERE code = 'Y-1'), 'P1', '2027-01-29 17:00+08');
\echo '-- before the load: on the forecast, provisional'
SELECT id, opened_at, response_due, resolve_due, sla_provisional FROM public.desk ORDER BY id;

\echo
\echo '== The 2027 notice loaded (a SYNTHETIC text in the real form: the real one is not out yet):'
\echo '   the days it adds or changes, then the deadlines recomputed, no longer provisional'
SET client_min_messages = notice;
SELECT count(*) AS days_changed, count(*) FILTER (WHERE kind = 'working') AS make_up_working_days
  FROM load_holiday_notice('CN-demo', :'notice2027');
SET client_min_messages = warning;
SELECT 'milestone' AS what, name, due_on, due_provisional FROM milestone WHERE name = 'go-live'
UNION ALL
SELECT 'installment', i.name, o.due_on, o.due_provisional FROM installment i JOIN installment_due o ON o.installment_id = i.id
 WHERE i.name = 'first fee';

\echo '-- the tickets, recomputed by the load: ticket 2 on Sunday 1/31, a make-up working day'
\echo '-- (both open ahead of the clock, so their SLA histories begin at their openings)'
SELECT id, opened_at, response_due, resolve_due, sla_provisional FROM public.desk ORDER BY id;
