-- A normalized description of everything crm_contract owns: run in a fresh
-- install and in an install updated from an older version; the two outputs
-- must be identical (tools/cluster-suites.sh diffs them).
\pset format unaligned
\pset tuples_only on
SET search_path = pg_catalog;
SET lc_messages = 'C';

WITH members AS (
  SELECT d.classid, d.objid FROM pg_depend d
    JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'crm_contract'
   WHERE d.deptype = 'e'
)
SELECT line FROM (
  -- every member object with its comment
  SELECT pg_describe_object(m.classid, m.objid, 0) || ' | ' || coalesce(obj_description(m.objid, m.classid::regclass::name), '-') AS line
    FROM members m
  UNION ALL
  -- functions: the whole definition and who may execute them
  SELECT 'function ' || p.oid::regprocedure || E'\n' || pg_get_functiondef(p.oid) || E'\nacl ' || coalesce(p.proacl::text, 'default')
    FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid AND p.prokind <> 'a'
  UNION ALL
  -- relations: columns, constraints, indexes, triggers, policies, privileges, row-level security
  SELECT 'column ' || c.oid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
         || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
         || coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '')
         || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END
         || ' | ' || coalesce(col_description(c.oid, a.attnum), '-')
    FROM members m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
  UNION ALL
  SELECT 'constraint ' || c.oid::regclass || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
    FROM members m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
    JOIN pg_constraint k ON k.conrelid = c.oid
  UNION ALL
  SELECT 'index ' || pg_get_indexdef(i.indexrelid)
    FROM members m JOIN pg_index i ON m.classid = 'pg_class'::regclass AND i.indrelid = m.objid
  UNION ALL
  SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' ' || t.tgenabled::text
    FROM members m JOIN pg_trigger t ON m.classid = 'pg_class'::regclass AND t.tgrelid = m.objid AND NOT t.tgisinternal
  UNION ALL
  SELECT 'policy ' || p.schemaname || '.' || p.tablename || ' ' || p.policyname || ' ' || p.cmd || ' ' || coalesce(p.qual, '') || ' ' || coalesce(p.with_check, '')
    FROM pg_policies p WHERE p.schemaname = 'crm_contract'
  UNION ALL
  SELECT 'relation ' || c.oid::regclass || ' kind ' || c.relkind::text || ' rls ' || c.relrowsecurity || '/' || c.relforcerowsecurity
         || ' acl ' || coalesce(c.relacl::text, 'default')
         || coalesce(' view ' || pg_get_viewdef(c.oid), '') || coalesce(' options ' || c.reloptions::text, '')
    FROM members m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
  UNION ALL
  SELECT 'enum ' || t.oid::regtype || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
    FROM members m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
    JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.oid
  UNION ALL
  SELECT 'schema acl ' || coalesce(n.nspacl::text, 'default') FROM pg_namespace n WHERE n.nspname = 'crm_contract'
  UNION ALL
  -- what pg_dump keeps of the extension's tables
  SELECT 'config ' || x.oid::regclass || ' ' || x.cond
    FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x (oid, cond) WHERE e.extname = 'crm_contract'
) described
ORDER BY line COLLATE "C";

-- the shipped data
SELECT 'data calendar ' || md5(string_agg(row(c.*)::text, ';' ORDER BY c.name)) FROM crm_contract.calendar c;
SELECT 'data calendar_hours ' || md5(string_agg(row(h.*)::text, ';' ORDER BY h.calendar, h.weekday, h.opens)) FROM crm_contract.calendar_hours h;
SELECT 'data calendar_exception ' || md5(string_agg(row(x.*)::text, ';' ORDER BY x.calendar, x.day)) FROM crm_contract.calendar_exception x;
SELECT 'data calendar_exception_hours ' || count(*) FROM crm_contract.calendar_exception_hours;
SELECT 'data lpr ' || md5(string_agg(row(l.*)::text, ';' ORDER BY l.published_on)) FROM crm_contract.lpr l;
