-- lock the occurrence, then pay only what is still open: no business error under concurrency
\set c random(0, 49)
\set s random(1, 12)
\set a random(1, 400000)
BEGIN;
SELECT d.id AS due_id FROM crm_contract.installment_due d JOIN crm_contract.installment i ON i.id = d.installment_id
 WHERE i.contract_id = (SELECT min(id) + :c FROM crm_contract.contract) AND d.seq = :s FOR UPDATE OF d \gset
INSERT INTO crm_contract.payment (installment_due_id, paid_on, amount)
SELECT d.id, d.due_on + 3, least(:a / 100.0, d.amount - coalesce((SELECT sum(p.amount) FROM crm_contract.payment p WHERE p.installment_due_id = d.id), 0))
  FROM crm_contract.installment_due d
 WHERE d.id = :due_id AND d.amount > coalesce((SELECT sum(p.amount) FROM crm_contract.payment p WHERE p.installment_due_id = d.id), 0);
END;
