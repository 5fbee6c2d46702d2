-------------------------------------------------------------------------------
-- The State Council's holiday notices, read into calendar days
-------------------------------------------------------------------------------

CREATE FUNCTION crm_contract.parse_holiday_notice(notice text, year integer DEFAULT NULL)
  RETURNS TABLE (day date, kind crm_contract.day_kind, name text)
  AS 'MODULE_PATHNAME', 'crm_parse_holiday_notice' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 40;
COMMENT ON FUNCTION crm_contract.parse_holiday_notice(text, integer) IS
  'the days a State Council holiday notice (国务院办公厅关于2026年部分节假日安排的通知) arranges, one row per day, named as the calendar CN names them: parse_holiday_notice(''一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。'', 2026) gives 2026-01-01..03 holiday and 2026-01-04 working; year NULL takes it from the title; a notice that amends another (延长2020年春节假期) follows it in the same text; text it cannot read is refused, quoted';
