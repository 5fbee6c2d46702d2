-- A partitioned ticket table: its trigger on the root fires on each partition,
-- sweeps and recomputations of the root reach every partition, the history is
-- the root's, and a ticket moving between partitions keeps its clock (no new
-- start, no breach twice).  Written by pt_desk_a, a ticket writer of tenant A
-- with rights on the root only.  Counted by hand on CN (Mon-Fri 09:00-12:00
-- and 13:00-18:00; Saturday 2026-10-10 worked): P1 opened Fri 2026-10-09 09:00
-- warns at 10:00 and 10:30, is due 11:00 (response) and 18:00 (resolution).
SET search_path = crm_contract, public;
\set SHOW_CONTEXT never
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
CREATE ROLE pt_desk_a;
INSERT INTO tenant_member VALUES ('pt_desk_a', 'A'), (current_user, 'A');
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('PT', 'maintenance_support', 'partitions', '甲方', '乙方', 120000.00, '2026-01-05', 'active') RETURNING id AS c \gset
INSERT INTO sla_target (contract_id, priority, metric, target, credit) VALUES
  (:c, 'P1', 'response', '2 working hours', '0.1% of total once'), (:c, 'P1', 'resolution', '8 working hours', NULL);

CREATE TABLE public.pt_ticket (
  id bigint, region text, contract_id bigint, priority text, status text NOT NULL DEFAULT 'open',
  opened_at timestamptz, updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
  response_due timestamptz, resolve_due timestamptz, response_breached boolean, resolve_breached boolean,
  sla_next_alert timestamptz, sla_alerts integer NOT NULL DEFAULT 0, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE public.pt_north PARTITION OF public.pt_ticket FOR VALUES IN ('north');
CREATE TABLE public.pt_south PARTITION OF public.pt_ticket FOR VALUES IN ('south');
-- a partition whose columns lie in another order: the trigger maps roles per partition
CREATE TABLE public.pt_west (sla_alerts integer NOT NULL DEFAULT 0, region text NOT NULL, id bigint NOT NULL, contract_id bigint, priority text,
  status text NOT NULL DEFAULT 'open', opened_at timestamptz, updated_at timestamptz, first_response_at timestamptz,
  resolved_at timestamptz, response_due timestamptz, resolve_due timestamptz, response_breached boolean,
  resolve_breached boolean, sla_next_alert timestamptz);
ALTER TABLE public.pt_ticket ATTACH PARTITION public.pt_west FOR VALUES IN ('west');
CREATE INDEX ON public.pt_ticket (sla_next_alert);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.pt_ticket FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
GRANT SELECT, INSERT, UPDATE ON public.pt_ticket TO pt_desk_a;
GRANT SELECT ON contract, sla_target, sla_event TO pt_desk_a;
GRANT EXECUTE ON FUNCTION sla_sweep(regclass, timestamptz), sla_recompute(regclass) TO pt_desk_a;
SELECT has_table_privilege('pt_desk_a', 'public.pt_north', 'SELECT, UPDATE') AS rights_on_a_partition;
SET ROLE pt_desk_a;

INSERT INTO public.pt_ticket (id, region, contract_id, priority, opened_at) VALUES
  (1, 'north', :c, 'P1', '2026-10-09 09:00+08'), (2, 'south', :c, 'P1', '2026-10-09 09:00+08'),
  (3, 'west', :c, 'P1', '2026-10-09 09:00+08');
SELECT tableoid::regclass AS partition, id, response_due, resolve_due, sla_next_alert FROM public.pt_ticket ORDER BY id;
-- a sweep of the root marks every partition's tickets: 2 warnings each
SELECT sla_sweep('public.pt_ticket', '2026-10-09 10:45+08') AS marked;
-- the history is the root's, whichever name it is asked by
SELECT ticket_table, count(*) AS events FROM sla_event WHERE ticket_table LIKE 'public.pt\_%' GROUP BY 1;
SELECT kind, at, detail FROM sla_history('public.pt_ticket', '1');
RESET ROLE;
SELECT count(*) AS same_by_the_partition FROM sla_history('public.pt_north', '1');   -- (partitions have their own rights)
SET ROLE pt_desk_a;

-- 1 moves north -> south (nothing else changes), 2 south -> west while paused at 10:50
UPDATE public.pt_ticket SET region = 'south' WHERE id = 1;
UPDATE public.pt_ticket SET region = 'west', status = 'pending', updated_at = '2026-10-09 10:50+08' WHERE id = 2;
SELECT tableoid::regclass AS partition, id, status, response_due, sla_next_alert, sla_alerts FROM public.pt_ticket ORDER BY id;
SELECT kind, at, detail FROM sla_history('public.pt_ticket', '2');
-- at 11:30 the responses of 1 and 3 are late (11:00), 2 is paused: 2 breaches, each once
SELECT sla_sweep('public.pt_ticket', '2026-10-09 11:30+08') AS marked;
UPDATE public.pt_ticket SET region = 'north' WHERE id = 1;                -- moved again after the breach
SELECT sla_sweep('public.pt_ticket', '2026-10-09 11:30+08') AS marked_again;
SELECT ticket, kind, count(*) FROM sla_event WHERE ticket_table = 'public.pt_ticket' AND kind IN ('started', 'breached')
 GROUP BY ticket, kind ORDER BY 1, 2;
RESET ROLE;
-- billed once each: 2 × 0.1% of 120,000.00
SELECT kind, obligation, accrued FROM contract_statement(:c, '2026-10-31') WHERE kind IN ('sla_credit', 'total');

-- A recomputation of the root reaches every partition: resolution raised to 9 working hours,
-- each open resolution moves from Fri 18:00 to Sat 10-10 10:00 (ticket 2's open pause counts once it ends).
UPDATE sla_target SET target = '9 working hours' WHERE contract_id = :c AND metric = 'resolution';
SET ROLE pt_desk_a;
SELECT sla_recompute('public.pt_ticket') AS tickets_changed;
SELECT id, resolve_due FROM public.pt_ticket ORDER BY id;
RESET ROLE;
-- a partition swept on its own (by a role with rights on it): its tickets only.  At 16:00 the
-- resolutions of 1 (north) and 3 (west) are past their 50% (4.5 h: 09-12, 13-14:30); 2 is paused.
SELECT sla_sweep('public.pt_west', '2026-10-09 16:00+08') AS marked_in_west;
SELECT ticket, kind, metric, at, detail FROM sla_event WHERE ticket_table = 'public.pt_ticket' AND kind = 'warned' AND metric = 'resolution';

DROP TABLE public.pt_ticket;
REVOKE ALL ON contract, sla_target, sla_event FROM pt_desk_a;
REVOKE ALL ON FUNCTION sla_sweep(regclass, timestamptz), sla_recompute(regclass) FROM pt_desk_a;
DROP ROLE pt_desk_a;
DELETE FROM contract;
DELETE FROM tenant_member;
