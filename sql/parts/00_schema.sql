-- crm_contract: contracts, clauses, working calendars, penalties and SLA deadlines.
-- Install script, assembled by the Makefile from sql/parts/NN_*.sql and the shipped
-- data sql/data/NN_*.sql in the order of their numbers (crm_contract--<version>.sql).
\echo Use "CREATE EXTENSION crm_contract" to load this file. \quit

COMMENT ON SCHEMA crm_contract IS
  'crm_contract: computable promises of CRM contracts (terms, working calendars, penalties, SLA deadlines)';
