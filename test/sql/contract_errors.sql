-- Bad contract input: explicit SQLSTATEs, messages naming the row, nothing half-written.
SET search_path = crm_contract, public;
\set SHOW_CONTEXT never
SET datestyle = ISO;
\set VERBOSITY default
-- Identities start afresh, so that messages quoting rows read the same in any test order.
SELECT count(setval(pg_get_serial_sequence('crm_contract.' || t, 'id'), 1, false)) AS sequences_reset
  FROM unnest(ARRAY['contract', 'party', 'clause', 'milestone', 'installment', 'installment_due', 'payment', 'change_request']) t;
INSERT INTO tenant_member VALUES (current_user, 'errors');

-- Amounts, currency, calendar, status
INSERT INTO contract (code, kind, title, client, vendor, total_amount) VALUES ('E-1', 'service', 't', 'c', 'v', 0);
INSERT INTO contract (code, kind, title, client, vendor, total_amount) VALUES ('E-1', 'service', 't', 'c', 'v', -5);
INSERT INTO contract (code, kind, title, client, vendor, total_amount, currency) VALUES ('E-1', 'service', 't', 'c', 'v', 100, 'cny');
INSERT INTO contract (code, kind, title, client, vendor, total_amount, calendar) VALUES ('E-1', 'service', 't', 'c', 'v', 100, 'Mars');
INSERT INTO contract (code, kind, title, client, vendor, total_amount, status) VALUES ('E-1', 'service', 't', 'c', 'v', 100, 'active');
INSERT INTO contract (code, kind, title, client, vendor, total_amount) VALUES ('E-1', 'leasing', 't', 'c', 'v', 100);
INSERT INTO contract (code, kind, title, client, vendor, total_amount, effective_from, effective_to)
  VALUES ('E-1', 'service', 't', 'c', 'v', 100, '2026-12-31', '2026-01-01');
-- A multi-row insert with one bad row writes nothing.
INSERT INTO contract (code, kind, title, client, vendor, total_amount) VALUES
  ('E-2', 'service', 't', 'c', 'v', 100), ('E-3', 'service', 't', 'c', 'v', 0);
SELECT count(*) AS contracts FROM contract;

INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status)
  VALUES ('E-1', 'development', 'test', 'c', 'v', 100000.00, '2026-06-15', 'signed');
INSERT INTO contract (code, kind, title, client, vendor, total_amount) VALUES ('E-1', 'service', 'duplicate code', 'c', 'v', 1);

-- Clauses: parameters per kind
INSERT INTO clause (contract_id, kind, ref, share) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'confidentiality', '8.1', 0.1);
INSERT INTO clause (contract_id, kind, ref) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'change_request', '11.2');
INSERT INTO clause (contract_id, kind, ref, term) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'license_scope', '1.1', '1 year');
INSERT INTO clause (contract_id, kind, ref, term) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'renewal', '12.1', '2 hours');
INSERT INTO clause (contract_id, kind, ref) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'liability_cap', '16.1.1');
INSERT INTO clause (contract_id, kind, ref, share) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'liability_cap', '16.1.1', 1.5);
INSERT INTO clause (contract_id, kind, ref, term) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'change_request', '11.2', '10 working days');
INSERT INTO clause (contract_id, kind, ref, term) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'change_request', '11.2', '5 working days');
INSERT INTO party (contract_id, name, role, liability_cap_share, liability_cap_amount)
  VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'Agent', 'intermediary', 0.1, 1000);
INSERT INTO party (contract_id, name, role, liability_cap_share) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'Agent', 'broker', 0.1);

-- Milestones: anchors, cycles, completion before signing, hour terms
INSERT INTO milestone (contract_id, name, within) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'plan', '15 days');
INSERT INTO milestone (contract_id, name, anchor, anchor_milestone, within) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'build', 'milestone', 'plan', '3 months');
INSERT INTO milestone (contract_id, name, anchor, anchor_milestone) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'report', 'milestone', 'nowhere');
INSERT INTO milestone (contract_id, name, anchor, anchor_milestone) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'loop', 'milestone', 'loop');
UPDATE milestone SET anchor = 'milestone', anchor_milestone = 'build' WHERE name = 'plan';
INSERT INTO milestone (contract_id, name, anchor) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'orphan', 'milestone');
INSERT INTO milestone (contract_id, name, anchor, anchor_date) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'dated', 'signing', '2026-07-01');
INSERT INTO milestone (contract_id, name, within) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'answer', '2 hours');
UPDATE milestone SET completed_on = '2026-06-01' WHERE name = 'plan';
UPDATE milestone SET completed_on = '2026-06-20' WHERE name = 'plan';
UPDATE contract SET signed_on = '2026-06-25' WHERE code = 'E-1';   -- would put the completion before signing
SELECT signed_on FROM contract WHERE code = 'E-1';     -- unchanged: the update was refused whole
SELECT name, due_on FROM milestone ORDER BY id;        -- plan 6/15 + 15 days = 6/30; build: 6/20 + 3 months = 9/20

-- Installments: shares over 100%, missing anchors, unbounded recurrence, payments
INSERT INTO installment (contract_id, name, share) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'first', 0.6);
INSERT INTO installment (contract_id, name, share) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'second', 0.5);
INSERT INTO installment (contract_id, name, amount) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'fixed', 40000.01);
INSERT INTO installment (contract_id, name, share, amount) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'both', 0.1, 10);
INSERT INTO installment (contract_id, name) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'neither');
INSERT INTO installment (contract_id, name, share) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'too big', 1.01);
INSERT INTO installment (contract_id, name, amount) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'negative', -1);
INSERT INTO installment (contract_id, name, share, anchor, anchor_milestone) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'on acceptance', 0.4, 'milestone', 'acceptance');
INSERT INTO installment (contract_id, name, share, every) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'yearly', 0.1, '1 year');
INSERT INTO installment (contract_id, name, share, occurrences) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'count without every', 0.1, 3);
INSERT INTO installment (contract_id, name, share, every, occurrences) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'hourly', 0.1, '1 hour', 3);
INSERT INTO installment (contract_id, name, share, every, occurrences) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'quarterly', 0.05, '3 months', 4);
SELECT i.name, o.seq, o.due_on, o.amount FROM installment_due o JOIN installment i ON i.id = o.installment_id ORDER BY i.name, o.seq;
-- first: 6/15 (signing, no term), 60,000.00; quarterly 5,000.00 on 6/15, 9/15, 12/15, 2027-03-15
INSERT INTO payment (installment_due_id, paid_on, amount) SELECT o.id, '2026-06-20', 60000.01 FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'first';
INSERT INTO payment (installment_due_id, paid_on, amount) SELECT o.id, '2026-06-20', 0 FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'first';
INSERT INTO payment (installment_due_id, paid_on, amount, reference) SELECT o.id, '2026-12-20', 5000, 'Q3' FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'quarterly' AND o.seq = 3;
UPDATE installment SET occurrences = 2 WHERE name = 'quarterly';
SELECT count(*) AS quarterly_occurrences FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'quarterly';
UPDATE installment SET occurrences = 3 WHERE name = 'quarterly';
SELECT o.seq, o.due_on FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'quarterly' ORDER BY o.seq;

-- Change requests
INSERT INTO change_request (contract_id, ref, received_on, answered_on) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'CR-9', '2026-07-10', '2026-07-01');
INSERT INTO change_request (contract_id, ref, received_on) VALUES ((SELECT id FROM contract WHERE code = 'E-1'), 'CR-9', '2026-07-10');
SELECT ref, due_on, due_note FROM change_request;     -- 2026-07-10 + 10 working days = 7/24
SELECT termination_notice_by((SELECT id FROM contract WHERE code = 'E-1'), '2026-12-31');
SELECT termination_notice_by(-1, '2026-12-31');

-- Rows of a tenant the role does not belong to are refused (RLS is bypassed by
-- superusers; the tenant must still be consistent across a contract's rows).
INSERT INTO milestone (tenant, contract_id, name) VALUES ('other', (SELECT id FROM contract WHERE code = 'E-1'), 'foreign');
-- An id is unique across tenants, as before 0.3: another tenant's contract, SLA target or
-- event cannot take an id in use (23505), so no row of one tenant is found by another's id.
\set VERBOSITY terse
INSERT INTO contract (id, tenant, code, kind, title, client, vendor, total_amount)
SELECT id, 'other', 'E-copy', 'service', 't', 'c', 'v', 1.00 FROM contract WHERE code = 'E-1';
INSERT INTO change_request (id, tenant, contract_id, ref, received_on)
SELECT id, 'other', contract_id, 'CR-copy', received_on FROM change_request WHERE ref = 'CR-9' LIMIT 1;
\set VERBOSITY default

DELETE FROM payment;
DELETE FROM contract;
DELETE FROM tenant_member;
