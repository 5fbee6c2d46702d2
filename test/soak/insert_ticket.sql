\set c random(0, 49)
\set p random(0, 2)
\set m random(0, 4320)
INSERT INTO ticket (contract_id, priority, opened_at)
SELECT min(id) + :c, 'P' || :p, now() - :m * interval '1 minute' FROM crm_contract.contract;
