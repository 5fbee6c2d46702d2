-- crm_contract 0.2 -> 0.3.  Assembled by the Makefile from sql/updates/crm_contract--0.2--0.3/NN_*.sql,
-- one part per concept, in the order of their numbers.  CREATE OR REPLACE is safe in
-- an upgrade script for functions that are members of this extension: an upgrade
-- script runs only on an installed extension, whose schema no one else owns.
\echo Use "ALTER EXTENSION crm_contract UPDATE TO '0.3'" to load this file. \quit

