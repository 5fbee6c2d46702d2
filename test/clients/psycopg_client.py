#!/usr/bin/python3
"""crm_contract through psycopg 3 (Debian's python3-psycopg), as a CRM
application uses it: a tenant role that is no superuser enters seed 001's
contract and tickets with Python values as parameters, reads the obligations
view and contract_statement back as Python values (Decimal money, dates,
datetimes with a time zone), reads term and penalty_rule as text, copies both
types out and in with COPY (FORMAT binary), and LISTENs for the SLA alerts of
sweeps.  Prints TAP lines.  Every expected value is counted by hand below.

Connection: libpq's environment (PGHOST, PGPORT, PGDATABASE), as role
crm_app (test/clients/setup.sql).
"""
import json
import struct
import sys
import time
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import psycopg

SHANGHAI = ZoneInfo("Asia/Shanghai")
PLUS8 = timezone(timedelta(hours=8))
n = 0
failed = 0


def check(ok, what, got=None):
    """One TAP line; on failure the value that came instead."""
    global n, failed
    n += 1
    print(("ok" if ok else "not ok") + f" {n} - {what}")
    if not ok:
        failed += 1
        print(f"#   got: {got!r}")


def same(got, want, what):
    check(got == want and type(got) is type(want), what, got)


def connect(**kw):
    return psycopg.connect(user="crm_app", **kw)


conn = connect(options="-c TimeZone=Asia/Shanghai -c search_path=public")
cur = conn.cursor()

# --- seed 001: CRM 实施和服务合同, 1,000,000.00, signed 2025-09-26 ---
cur.execute(
    "INSERT INTO crm_contract.contract (code, kind, title, client, vendor, total_amount)"
    " VALUES (%s, %s, %s, %s, %s, %s) RETURNING id",
    ("001", "implementation", "CRM 实施和服务合同", "甲方", "乙方", Decimal("1000000.00")))
cid = cur.fetchone()[0]
cur.executemany(
    "INSERT INTO crm_contract.clause (contract_id, kind, ref, wording, rule, obligor) VALUES (%s, %s, %s, %s, %s, %s)",
    [(cid, "delay_penalty", "9.3", "如果乙方未能按约定时间完成系统实施，每延迟一日，应向甲方支付合同总金额1%的违约金。",
      "合同总金额的1%/日", "vendor"),
     (cid, "late_fee", "9.4", "如果甲方未能按时支付费用，每延迟一日，应向乙方支付应付金额1%的滞纳金。",
      "应付金额的1%/日", "client")])
cur.executemany(
    "INSERT INTO crm_contract.milestone (contract_id, name, clause_ref, anchor, anchor_milestone, within)"
    " VALUES (%s, %s, %s, %s, %s, %s)",
    [(cid, "project start", "3.1.1", "signing", None, "10個工作日"),
     (cid, "go-live", "3.1.2", "milestone", "project start", "60個工作日")])
cur.execute(
    "INSERT INTO crm_contract.installment (contract_id, name, clause_ref, share, anchor, within)"
    " VALUES (%s, %s, %s, %s, %s, %s)",
    (cid, "implementation fee 50%", "4.1.1", Decimal("0.5"), "signing", "10個工作日"))
cur.execute("UPDATE crm_contract.contract SET signed_on = %s, status = 'signed' WHERE id = %s", (date(2025, 9, 26), cid))
conn.commit()

# The obligations view as Python values.  10 working days after 2025-09-26 on CN:
# 9/28 (make-up Sunday), 9/29, 9/30, National Day 10/1-10/8 off, 10/9, 10/10,
# 10/11 (make-up Saturday), 10/13, 10/14, 10/15, 10/16 -> 2025-10-16.
cur.execute("SELECT obligation, due_on, amount_open, days_left, due_note, current_date"
            " FROM crm_contract.obligations WHERE contract_id = %s ORDER BY kind, obligation", (cid,))
rows = {r[0]: r for r in cur.fetchall()}
check(sorted(rows) == ["go-live", "implementation fee 50%", "project start"],
      "obligations: project start, go-live and the 50% fee are open", sorted(rows))
same(rows["project start"][1], date(2025, 10, 16), "obligations.due_on is a date: project start 2025-10-16")
same(rows["implementation fee 50%"][2], Decimal("500000.00"),
     "obligations.amount_open is a Decimal: 50% of 1,000,000.00 = 500000.00")
check(rows["implementation fee 50%"][2].as_tuple().exponent == -2, "money has two decimals (exponent -2)",
      rows["implementation fee 50%"][2])
today = rows["project start"][5]
same(rows["project start"][3], (date(2025, 10, 16) - today).days, "obligations.days_left is an int: due_on - current_date")
check(rows["go-live"][1] is None, "go-live has no due date until project start is done (NULL as None)", rows["go-live"])

# Project start on time; 60 working days from 2025-10-16: 10/17 (1), October 20-31 (11),
# November 3-28 (31), December 1-31 less weekends (54), 2026-01-01..03 New Year off,
# 1/4 make-up Sunday (55), 1/5-1/9 (60) -> go-live due 2026-01-09.
cur.execute("UPDATE crm_contract.milestone SET completed_on = %s WHERE contract_id = %s AND name = %s",
            (date(2025, 10, 16), cid, "project start"))
conn.commit()
cur.execute("SELECT due_on FROM crm_contract.obligations WHERE contract_id = %s AND obligation = 'go-live'", (cid,))
same(cur.fetchone()[0], date(2026, 1, 9), "go-live due 2026-01-09 once project start is done")

# Go-live 12 days late; the 50% paid 2025-10-20, 4 days late.
cur.execute("UPDATE crm_contract.milestone SET completed_on = %s WHERE contract_id = %s AND name = %s",
            (date(2026, 1, 21), cid, "go-live"))
cur.execute("INSERT INTO crm_contract.payment (installment_due_id, paid_on, amount)"
            " SELECT o.id, %s, %s FROM crm_contract.installment_due o"
            " JOIN crm_contract.installment i ON i.id = o.installment_id WHERE i.contract_id = %s",
            (date(2025, 10, 20), Decimal("500000.00"), cid))
conn.commit()

# contract_statement as of 2026-01-31, by hand:
#   project start: on time, 0.00
#   go-live: 1/10..1/21 = 12 days x 1% x 1,000,000.00 = 120,000.00 (9.3, the vendor)
#   50%: 10/17..10/20 = 4 days x 1% x 500,000.00 = 20,000.00 (9.4, the client)
#   totals: client 20,000.00, vendor 120,000.00, all 140,000.00
cur.execute("SELECT kind, obligation, due_on, done_on, days_late, rule, accrued, obligor"
            " FROM crm_contract.contract_statement(%s, %s) ORDER BY line", (cid, date(2026, 1, 31)))
st = cur.fetchall()
lines = {r[1]: r for r in st if r[0] != "total"}
totals = {r[7]: r[6] for r in st if r[0] == "total"}
same(lines["go-live"][6], Decimal("120000.00"), "contract_statement: go-live 12 days late = Decimal('120000.00')")
same(lines["go-live"][4], 12, "contract_statement.days_late is an int: 12")
same(lines["go-live"][3], date(2026, 1, 21), "contract_statement.done_on is a date: 2026-01-21")
same(lines["project start"][6], Decimal("0.00"), "contract_statement: project start on time = 0.00")
same(lines["implementation fee 50%"][6], Decimal("20000.00"), "contract_statement: the 50% paid 4 days late = 20000.00")
same(lines["implementation fee 50%"][7], "client", "contract_statement.obligor (an enum) comes as str: client")
same(totals.get("client"), Decimal("20000.00"), "contract_statement: total owed by the client 20000.00")
same(totals.get("vendor"), Decimal("120000.00"), "contract_statement: total owed by the vendor 120000.00")
same(totals.get(None), Decimal("140000.00"), "contract_statement: grand total 140000.00")

# term and penalty_rule as text: canonical English, whatever the input.
same(lines["go-live"][5], "1% of total per day", "penalty_rule comes as str: 合同总金额的1%/日 -> '1% of total per day'")
same(lines["implementation fee 50%"][5], "1% of overdue per day", "penalty_rule: 应付金额的1%/日 -> '1% of overdue per day'")
cur.execute("SELECT within FROM crm_contract.milestone WHERE contract_id = %s ORDER BY id", (cid,))
same([r[0] for r in cur.fetchall()], ["10 working days", "60 working days"], "term comes as str: 10個工作日 -> '10 working days'")
cur.execute("SELECT crm_contract.due(%s, %s)", (date(2025, 9, 26), "10个工作日"))
same(cur.fetchone()[0], date(2025, 10, 16), "a term bound as a str parameter: due(2025-09-26, '10个工作日') = 2025-10-16")

# --- tickets under 001 through the sla_deadlines() trigger (README: SLA deadlines) ---
cur.execute("""
  CREATE TABLE public.tickets (
    id bigserial PRIMARY KEY, contract_id bigint NOT NULL, priority text NOT NULL,
    status text NOT NULL DEFAULT 'open', opened_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz,
    first_response_at timestamptz, resolved_at timestamptz,
    response_due timestamptz, resolve_due timestamptz, response_breached boolean, resolve_breached boolean,
    sla_next_alert timestamptz, sla_alerts integer NOT NULL DEFAULT 0)""")
cur.execute("CREATE INDEX ON public.tickets (sla_next_alert)")
cur.execute("CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.tickets"
            " FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines()")
cur.executemany("INSERT INTO crm_contract.sla_target (contract_id, priority, metric, target) VALUES (%s, %s, %s, %s)",
                [(cid, "P1", "response", "2 working hours"), (cid, "P1", "resolution", "8 working hours")])
# opened Friday 2026-10-09 09:00 in Shanghai, an aware datetime as the parameter
cur.execute("INSERT INTO public.tickets (contract_id, priority, opened_at) VALUES (%s, %s, %s) RETURNING id",
            (cid, "P1", datetime(2026, 10, 9, 9, 0, tzinfo=SHANGHAI)))
tid = cur.fetchone()[0]
conn.commit()
# response: 2 working hours 09:00-11:00; resolution: 09:00-12:00 (3 h) + 13:00-18:00 (5 h) -> 18:00;
# first alert: 50% of the response, 10:00
cur.execute("SELECT response_due, resolve_due, sla_next_alert FROM public.tickets WHERE id = %s", (tid,))
response_due, resolve_due, next_alert = cur.fetchone()
same(response_due, datetime(2026, 10, 9, 11, 0, tzinfo=PLUS8), "response_due is a datetime: 2026-10-09 11:00+08")
check(response_due.tzinfo is not None and response_due.utcoffset() == timedelta(hours=8),
      "  with the session's time zone (Asia/Shanghai, +08:00)", response_due)
same(resolve_due, datetime(2026, 10, 9, 18, 0, tzinfo=PLUS8), "resolve_due 2026-10-09 18:00+08 (lunch 12-13 left out)")
same(next_alert, datetime(2026, 10, 9, 10, 0, tzinfo=PLUS8), "sla_next_alert 10:00+08 (50% of the response)")
with connect(options="-c TimeZone=UTC") as utc:
    got = utc.execute("SELECT response_due FROM public.tickets WHERE id = %s", (tid,)).fetchone()[0]
    check(got == response_due and got.utcoffset() == timedelta(0),
          "the same instant read in a UTC session: 03:00+00:00", got)

# --- COPY (FORMAT binary) with both types, out and back in ---
cur.execute("CREATE TABLE public.typed (t crm_contract.term, r crm_contract.penalty_rule)")
cur.executemany("INSERT INTO public.typed VALUES (%s, %s)",
                [("10个工作日", "合同总金额的1%/日"),
                 ("2 hours", "0.05% of overdue per day, grace 3 days, cap 30%"),
                 ("3个月", "LPR×1.5 of overdue per year")])
conn.commit()
with cur.copy("COPY public.typed TO STDOUT (FORMAT binary)") as cp:
    data = b"".join(bytes(b) for b in cp)


def copy_rows(buf):
    """The fields of a binary COPY stream: signature, flags, header extension, tuples, trailer."""
    assert buf[:11] == b"PGCOPY\n\xff\r\n\x00", buf[:11]
    ext = struct.unpack(">i", buf[15:19])[0]
    pos, out = 19 + ext, []
    while True:
        (nf,) = struct.unpack(">h", buf[pos:pos + 2])
        pos += 2
        if nf == -1:
            return out
        row = []
        for _ in range(nf):
            (ln,) = struct.unpack(">i", buf[pos:pos + 4])
            pos += 4
            row.append(buf[pos:pos + ln])
            pos += ln
        out.append(row)


bin_rows = copy_rows(data)
same(len(bin_rows), 3, "COPY TO STDOUT (FORMAT binary): 3 rows")
t0, r0 = bin_rows[0]
# term: version byte 1, unit byte, quantity int32 big-endian: 6 bytes
check(len(t0) == 6 and t0[0] == 1 and struct.unpack(">i", t0[2:6])[0] == 10,
      "term '10 working days' in binary: 6 bytes, version 1, quantity 10", t0.hex())
check(bin_rows[2][0][0] == 1 and struct.unpack(">i", bin_rows[2][0][2:6])[0] == 3 and bin_rows[2][0][1] != t0[1],
      "term '3 months' in binary: quantity 3, another unit byte", bin_rows[2][0].hex())
# penalty_rule: version 1, rate int64 (fraction x 1e9), LPR multiple int32 (x 1000), basis, period,
# flags, cap kind (a byte each), grace int32, cap int64, minimum int64: 37 bytes
check(len(r0) == 37 and r0[0] == 1 and struct.unpack(">q", r0[1:9])[0] == 10_000_000,
      "penalty_rule '1% of total per day' in binary: 37 bytes, version 1, rate 0.01 x 1e9", r0.hex())
r1 = bin_rows[1][1]
check(struct.unpack(">q", r1[1:9])[0] == 500_000 and struct.unpack(">i", r1[17:21])[0] == 3
      and struct.unpack(">q", r1[21:29])[0] == 300_000_000 and struct.unpack(">q", r1[29:37])[0] == 0,
      "'0.05% of overdue per day, grace 3 days, cap 30%': rate 500000, grace 3, cap 0.30 x 1e9, no minimum", r1.hex())
r2 = bin_rows[2][1]
check(struct.unpack(">q", r2[1:9])[0] == 0 and struct.unpack(">i", r2[9:13])[0] == 1500,
      "'LPR×1.5 of overdue per year': no fixed rate, LPR multiple 1500", r2.hex())
cur.execute("CREATE TABLE public.typed_back (LIKE public.typed)")
with cur.copy("COPY public.typed_back FROM STDIN (FORMAT binary)") as cp:
    cp.write(data)
conn.commit()
cur.execute("SELECT t, r FROM public.typed ORDER BY crm_contract.term_quantity(t)")
before = cur.fetchall()
cur.execute("SELECT t, r FROM public.typed_back ORDER BY crm_contract.term_quantity(t)")
after = cur.fetchall()
check(before == after and before[2] == ("10 working days", "1% of total per day"),
      "COPY FROM STDIN (FORMAT binary) reads back the same values (as text: '10 working days', ...)", after)
with cur.copy("COPY public.typed_back TO STDOUT (FORMAT binary)") as cp:
    again = b"".join(bytes(b) for b in cp)
same(again, data, "the round trip is byte for byte")

# --- LISTEN crm_contract_sla: one notification per alert, so one per sweep here ---
listener = connect(autocommit=True)
got = []
listener.add_notify_handler(lambda note: got.append(note))
listener.execute("LISTEN crm_contract_sla")
sweeper = connect(autocommit=True, options="-c TimeZone=Asia/Shanghai")


def receive(expect, wait=5.0):
    """Notifications that arrived for the listener: polled with empty queries until
    `expect` came (or the time is up), then a little longer to catch extra ones."""
    got.clear()
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and len(got) < expect:
        listener.execute("SELECT 1")
        time.sleep(0.05)
    time.sleep(0.2)
    listener.execute("SELECT 1")
    return [json.loads(x.payload) for x in got]


# 50% of the 2-hour response: 10:00; 75%: 10:30; the deadline 11:00.
sweeps = [
    ("2026-10-09 10:00+08", 1, {"event": "warned", "metric": "response", "detail": "50%", "at": "2026-10-09T10:00:00+08:00"}),
    ("2026-10-09 10:00+08", 0, None),
    ("2026-10-09 10:45+08", 1, {"event": "warned", "metric": "response", "detail": "75%", "at": "2026-10-09T10:30:00+08:00"}),
    ("2026-10-09 11:30+08", 1, {"event": "breached", "metric": "response", "at": "2026-10-09T11:00:00+08:00"}),
]
for as_of, count, want in sweeps:
    marked = sweeper.execute("SELECT crm_contract.sla_sweep('public.tickets', %s)", (as_of,)).fetchone()[0]
    notes = receive(count)
    if want is None:
        check(marked == 0 and notes == [], f"sweep at {as_of} again: marks 0, no notification", (marked, notes))
        continue
    check(marked == 1 and len(notes) == 1, f"sweep at {as_of}: marks 1, one notification", (marked, notes))
    if len(notes) == 1:
        # the payload names only the event; the listener reads it back with its own rights
        note = notes[0]
        row = listener.execute(
            "SELECT ticket_table, ticket, contract_id, priority, kind::text, metric::text, detail,"
            " to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD\"T\"HH24:MI:SS\"+08:00\"'),"
            " to_char(response_due AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD\"T\"HH24:MI:SS\"+08:00\"')"
            " FROM crm_contract.sla_event WHERE id = %s", (note.get("event"),)).fetchone()
        check(set(note) == {"event"} and isinstance(note["event"], int),
              "  its payload is only the event's id", note)
        got_ev = None
        if row is not None:
            got_ev = dict(zip(("table", "ticket", "contract", "priority", "event", "metric", "detail", "at", "due"), row))
            if got_ev["detail"] is None:
                del got_ev["detail"]
        base = {"table": "public.tickets", "ticket": str(tid), "contract": cid, "priority": "P1",
                "due": "2026-10-09T11:00:00+08:00", "metric": None}
        wanted = {**base, **want}
        check(got_ev is not None and all(got_ev.get(k) == v for k, v in wanted.items()),
              f"  the event it names: {' '.join(want[k] for k in ('event', 'metric', 'detail') if k in want)}"
              f" at {want['at'][11:16]}, due 11:00, ticket {tid} of contract {cid}",
              got_ev)

# --- the year's load: a ticket whose deadline rests on the forecast, recomputed, one NOTIFY ---
# The contract counts on a copy of CN (announced to 2026-12-31).  A ticket opened Friday
# 2026-11-20 09:00 with 408 working hours (51 days of 8) to respond: Nov 20 - Dec 31 has 30
# working days, January 1/4-1/29 20 more; the 51st is Monday 2/1 on CN's forecast (due
# 18:00), Sunday 1/31 on the SYNTHETIC 2027 notice (test/notices/2027-synthetic.txt, its
# first line a label), a make-up working day.  The load runs as the owner.
admin = psycopg.connect(user="postgres", autocommit=True, options="-c TimeZone=Asia/Shanghai")
admin.execute("SELECT crm_contract.copy_calendar('CN', 'CN-clients')")
cur.execute("INSERT INTO crm_contract.contract (code, kind, title, client, vendor, total_amount, calendar)"
            " VALUES ('Y', 'maintenance_support', 'year boundary', '甲方', '乙方', %s, 'CN-clients') RETURNING id",
            (Decimal("1000.00"),))
ycid = cur.fetchone()[0]
cur.execute("INSERT INTO crm_contract.sla_target (contract_id, priority, metric, target) VALUES (%s, 'P1', 'response', '408 working hours')",
            (ycid,))
cur.execute("INSERT INTO public.tickets (contract_id, priority, opened_at) VALUES (%s, 'P1', %s) RETURNING id",
            (ycid, datetime(2026, 11, 20, 9, 0, tzinfo=SHANGHAI)))
ytid = cur.fetchone()[0]
conn.commit()
due = cur.execute("SELECT response_due FROM public.tickets WHERE id = %s", (ytid,)).fetchone()[0]
same(due, datetime(2027, 2, 1, 18, 0, tzinfo=PLUS8), "a ticket opened 2026-11-20 09:00, 408 working hours: due 2027-02-01 18:00 on CN's forecast")
with open("test/notices/2027-synthetic.txt", encoding="utf-8") as f:
    notice = "".join(f.readlines()[1:])
admin.execute("SELECT count(*) FROM crm_contract.load_holiday_notice('CN-clients', %s)", (notice,))
notes = receive(1)
check(len(notes) == 1, "load_holiday_notice: one notification, for the one deadline it moved", notes)
if len(notes) == 1:
    row = listener.execute("SELECT ticket, kind::text, metric::text, response_due, provisional FROM crm_contract.sla_event"
                           " WHERE id = %s", (notes[0].get("event"),)).fetchone()
    check(row is not None and row[0] == str(ytid) and row[1] == "recomputed" and row[2] == "response"
          and row[3] == datetime(2027, 1, 31, 18, 0, tzinfo=PLUS8) and row[4] is False,
          "  the event it names: recomputed response, due 2027-01-31 18:00 (the make-up Sunday), not provisional", row)
due = cur.execute("SELECT response_due FROM public.tickets WHERE id = %s", (ytid,)).fetchone()[0]
same(due, datetime(2027, 1, 31, 18, 0, tzinfo=PLUS8), "the ticket, recomputed by the load: due 2027-01-31 18:00")
conn.commit()
admin.close()
listener.close()
sweeper.close()
conn.close()
sys.exit(0)
