\set c random(0, 49)
\set p random(0, 2)
\set m random(0, 86399)
INSERT INTO ticket (contract_id, priority, opened_at)
SELECT min(id) + :c, 'P' || :p, timestamptz '2026-10-01 08:00+08' + :m * interval '1 minute' FROM crm_contract.contract;
