-------------------------------------------------------------------------------
-- Working calendars
-------------------------------------------------------------------------------

CREATE TYPE crm_contract.day_kind AS ENUM ('holiday', 'working');
COMMENT ON TYPE crm_contract.day_kind IS
  'kind of a dated calendar exception: holiday (no working time) or working (an extra working day, 调休)';

CREATE TABLE crm_contract.calendar (
  name         text PRIMARY KEY,
  time_zone    text NOT NULL,
  covered_from date,
  covered_to   date,
  description  text,
  builtin      boolean NOT NULL DEFAULT false,
  forecast_to  date,
  CONSTRAINT calendar_name_check CHECK (name OPERATOR(pg_catalog.<>) '' AND pg_catalog.char_length(name) OPERATOR(pg_catalog.<=) 63),
  CONSTRAINT calendar_covered_check CHECK (covered_from OPERATOR(pg_catalog.<=) covered_to),
  CONSTRAINT calendar_forecast_check CHECK (forecast_to IS NULL OR covered_to IS NOT NULL)
);
COMMENT ON TABLE crm_contract.calendar IS
  'working calendars: a time zone, the date range whose holidays are loaded (NULL bound = unbounded) and a description; hours in calendar_hours, holidays and make-up days in calendar_exception';
COMMENT ON COLUMN crm_contract.calendar.name IS 'calendar name, 1 to 63 characters, e.g. CN';
COMMENT ON COLUMN crm_contract.calendar.time_zone IS 'IANA time zone name in which working hours are read, e.g. Asia/Shanghai';
COMMENT ON COLUMN crm_contract.calendar.covered_from IS 'first day whose holidays are loaded; NULL = unbounded';
COMMENT ON COLUMN crm_contract.calendar.covered_to IS 'last day whose holidays are loaded; NULL = unbounded; computing past it fails with SQLSTATE 22008, unless crm_contract.beyond_coverage = forecast';
COMMENT ON COLUMN crm_contract.calendar.forecast_to IS 'last day of the calendar''s forecast (its weekly hours and its rows in calendar_forecast after covered_to); NULL = no forecast. Stored deadlines past covered_to use the forecast and are marked provisional';
COMMENT ON COLUMN crm_contract.calendar.builtin IS 'shipped with the extension; such rows are not dumped by pg_dump (CREATE EXTENSION recreates them)';

CREATE TABLE crm_contract.calendar_hours (
  calendar text NOT NULL REFERENCES crm_contract.calendar (name) ON UPDATE CASCADE ON DELETE CASCADE,
  weekday  smallint NOT NULL,
  opens    time NOT NULL,
  closes   time NOT NULL,
  builtin  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (calendar, weekday, opens),
  CONSTRAINT calendar_hours_weekday_check CHECK (weekday OPERATOR(pg_catalog.>=) 1 AND weekday OPERATOR(pg_catalog.<=) 7),
  CONSTRAINT calendar_hours_check CHECK (opens OPERATOR(pg_catalog.<) closes)
);
COMMENT ON TABLE crm_contract.calendar_hours IS
  'weekly working hours: any number of non-overlapping intervals per ISO weekday (1 = Monday .. 7 = Sunday); a weekday without rows is not a working day';
COMMENT ON COLUMN crm_contract.calendar_hours.closes IS 'end of the interval, exclusive; 24:00 for the end of the day';

CREATE TABLE crm_contract.calendar_exception (
  calendar text NOT NULL REFERENCES crm_contract.calendar (name) ON UPDATE CASCADE ON DELETE CASCADE,
  day      date NOT NULL,
  kind     crm_contract.day_kind NOT NULL,
  name     text NOT NULL,
  builtin  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (calendar, day)
);
COMMENT ON TABLE crm_contract.calendar_exception IS
  'dated exceptions: a holiday removes a day''s working time; an extra working day (调休) adds one, with its own hours in calendar_exception_hours or else the usual hours of its weekday (or of the first weekday with hours)';

CREATE TABLE crm_contract.calendar_exception_hours (
  calendar text NOT NULL,
  day      date NOT NULL,
  opens    time NOT NULL,
  closes   time NOT NULL,
  builtin  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (calendar, day, opens),
  FOREIGN KEY (calendar, day) REFERENCES crm_contract.calendar_exception (calendar, day) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT calendar_exception_hours_check CHECK (opens OPERATOR(pg_catalog.<) closes)
);
COMMENT ON TABLE crm_contract.calendar_exception_hours IS
  'own working hours of an extra working day (kind working); a holiday cannot have hours';

-- Validation on write: what a CHECK constraint cannot see.

CREATE FUNCTION crm_contract.calendar_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.builtin THEN
    IF NEW.name <> OLD.name THEN
      RAISE EXCEPTION 'calendar "%" is shipped with crm_contract and cannot be renamed', OLD.name
        USING ERRCODE = '0A000', HINT = 'Copy it with crm_contract.copy_calendar() and edit the copy.';
    END IF;
    -- an edited shipped row (e.g. covered_to extended) is the user's now: pg_dump keeps it
    NEW.builtin := false;
  ELSIF NEW.builtin THEN
    RAISE EXCEPTION 'calendar "%": builtin is set only by the extension', NEW.name
      USING ERRCODE = '22023';
  END IF;
  PERFORM FROM pg_catalog.pg_timezone_names z WHERE z.name = NEW.time_zone;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'time zone "%" of calendar "%" is not recognized', NEW.time_zone, NEW.name
      USING ERRCODE = '22023', HINT = 'Use an IANA time zone name such as Asia/Shanghai or UTC (see pg_timezone_names).';
  END IF;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION crm_contract.calendar_check() IS 'trigger: validates a calendar row (time zone, builtin flag)';

-- Restoring a dump re-inserts a user-edited copy of a shipped calendar row:
-- update the shipped row instead of failing on the duplicate name.
CREATE FUNCTION crm_contract.calendar_merge_builtin() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM crm_contract.calendar c WHERE c.name = NEW.name AND c.builtin) THEN
    UPDATE crm_contract.calendar c
       SET time_zone = NEW.time_zone, covered_from = NEW.covered_from,
           covered_to = NEW.covered_to, description = NEW.description, forecast_to = NEW.forecast_to
     WHERE c.name = NEW.name;
    RETURN NULL;
  END IF;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION crm_contract.calendar_merge_builtin() IS
  'trigger: an inserted row named like a shipped calendar updates it (so pg_restore keeps edits of shipped calendars)';

CREATE FUNCTION crm_contract.calendar_protect_builtin() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.builtin THEN
      RAISE EXCEPTION '%: builtin is set only by the extension', TG_TABLE_NAME USING ERRCODE = '22023';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.builtin THEN
    RAISE EXCEPTION 'row of calendar "%" in % is shipped with crm_contract and cannot be changed', OLD.calendar, TG_TABLE_NAME
      USING ERRCODE = '0A000',
            HINT = 'Add new rows (e.g. next year''s holidays) freely, or copy the calendar with crm_contract.copy_calendar() and edit the copy.';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF NEW.builtin THEN
    RAISE EXCEPTION '%: builtin is set only by the extension', TG_TABLE_NAME USING ERRCODE = '22023';
  END IF;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION crm_contract.calendar_protect_builtin() IS
  'trigger: shipped hours and exceptions are read-only; user rows are free';

-- Overlapping intervals make working time ambiguous; the calendar row is
-- locked so that two sessions cannot add overlapping rows side by side (on Citus,
-- on the node of the placement the trigger fires on).
CREATE FUNCTION crm_contract.calendar_hours_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  other record;
BEGIN
  IF TG_TABLE_NAME = 'calendar_hours' THEN
    PERFORM 1 FROM crm_contract.calendar c WHERE c.name = NEW.calendar FOR NO KEY UPDATE;
  ELSE
    -- a placement of the Citus reference table: the calendar row of this node's placement
    -- (a lock through the reference table would take it on every node, and deadlock with them)
    EXECUTE (SELECT format('SELECT 1 FROM crm_contract.%I c WHERE c.name = $1 FOR NO KEY UPDATE', 'calendar_' || s.shardid)
               FROM pg_dist_shard s WHERE s.logicalrelid = 'crm_contract.calendar'::regclass) USING NEW.calendar;
  END IF;
  SELECT h.opens, h.closes INTO other
    FROM crm_contract.calendar_hours h
   WHERE h.calendar = NEW.calendar AND h.weekday = NEW.weekday
     AND h.opens <> NEW.opens AND h.opens < NEW.closes AND NEW.opens < h.closes
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'working hours % to % of calendar "%" on weekday % overlap % to %',
      NEW.opens, NEW.closes, NEW.calendar, NEW.weekday, other.opens, other.closes
      USING ERRCODE = '22023', HINT = 'Intervals of one weekday must not overlap; merge them into one row.';
  END IF;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION crm_contract.calendar_hours_check() IS 'trigger: refuses overlapping weekly intervals';

CREATE FUNCTION crm_contract.calendar_exception_hours_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  other record;
BEGIN
  IF TG_TABLE_NAME = 'calendar_exception_hours' THEN
    PERFORM 1 FROM crm_contract.calendar c WHERE c.name = NEW.calendar FOR NO KEY UPDATE;
  ELSE
    -- a placement of the Citus reference table: the calendar row of this node's placement
    -- (a lock through the reference table would take it on every node, and deadlock with them)
    EXECUTE (SELECT format('SELECT 1 FROM crm_contract.%I c WHERE c.name = $1 FOR NO KEY UPDATE', 'calendar_' || s.shardid)
               FROM pg_dist_shard s WHERE s.logicalrelid = 'crm_contract.calendar'::regclass) USING NEW.calendar;
  END IF;
  IF EXISTS (SELECT 1 FROM crm_contract.calendar_exception e
              WHERE e.calendar = NEW.calendar AND e.day = NEW.day
                AND e.kind = 'holiday'::crm_contract.day_kind) THEN
    RAISE EXCEPTION 'holiday % of calendar "%" cannot have working hours', NEW.day, NEW.calendar
      USING ERRCODE = '22023', HINT = 'Only an exception of kind working carries hours.';
  END IF;
  SELECT h.opens, h.closes INTO other
    FROM crm_contract.calendar_exception_hours h
   WHERE h.calendar = NEW.calendar AND h.day = NEW.day
     AND h.opens <> NEW.opens AND h.opens < NEW.closes AND NEW.opens < h.closes
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'working hours % to % of calendar "%" on % overlap % to %',
      NEW.opens, NEW.closes, NEW.calendar, NEW.day, other.opens, other.closes
      USING ERRCODE = '22023', HINT = 'Intervals of one day must not overlap; merge them into one row.';
  END IF;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION crm_contract.calendar_exception_hours_check() IS 'trigger: refuses hours on a holiday and overlapping intervals';

CREATE FUNCTION crm_contract.calendar_exception_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.kind = 'holiday'::crm_contract.day_kind AND EXISTS (
       SELECT 1 FROM crm_contract.calendar_exception_hours h
        WHERE h.calendar = NEW.calendar AND h.day = NEW.day) THEN
    RAISE EXCEPTION 'holiday % of calendar "%" cannot have working hours', NEW.day, NEW.calendar
      USING ERRCODE = '22023', HINT = 'Delete its rows in crm_contract.calendar_exception_hours first.';
  END IF;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION crm_contract.calendar_exception_check() IS 'trigger: a day turned into a holiday must not keep working hours';
