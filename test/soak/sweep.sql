\set m random(0, 86399)
SELECT crm_contract.sla_sweep('ticket', timestamptz '2026-10-01 08:00+08' + :m * interval '1 minute');
