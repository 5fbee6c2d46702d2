#!/usr/bin/python3
# The scale-out suite's NOTIFY check (tools/citus-suite.sh): a listener on the node
# the application talks to (the coordinator under Citus), a new ticket past its
# deadlines and a sweep on another connection; prints each notification's event as
# read back from the log, in order, so that plain PostgreSQL and Citus compare.
import json
import sys
import time
import psycopg

received = []


def drain(conn):
    # notifications arrive with the next exchange on the connection (psycopg 3.1 has no timeout on notifies())
    for _ in range(10):
        time.sleep(0.2)
        conn.execute("SELECT 1")
    out = list(received)
    received.clear()
    return out


dbname = sys.argv[1]
listener = psycopg.connect(dbname=dbname, autocommit=True)
listener.add_notify_handler(lambda n: received.append(n))
listener.execute("LISTEN crm_contract_sla")
writer = psycopg.connect(dbname=dbname, autocommit=True)
writer.execute("SET ROLE bob")
writer.execute("INSERT INTO public.ticket (id, contract_id, priority, opened_at) VALUES (2, 2, 'urgent', '2026-10-20 10:00+08')")
writer.execute("RESET ROLE")
swept = writer.execute("SELECT crm_contract.sla_sweep('public.ticket', '2026-10-20 20:00+08')").fetchone()[0]
ids = [json.loads(n.payload)["event"] for n in drain(listener)]
print(f"swept {swept}, {len(ids)} notifications on channel crm_contract_sla")
rows = []
for i in ids:
    r = writer.execute("SELECT tenant, ticket, kind::text, metric::text, to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')"
                       " FROM crm_contract.sla_event WHERE id = %s", (i,)).fetchone()
    rows.append(" | ".join(str(x) for x in r) if r else f"event {i} not in the log")
for r in sorted(rows):
    print(r)
again = writer.execute("SELECT crm_contract.sla_sweep('public.ticket', '2026-10-20 20:00+08')").fetchone()[0]
more = drain(listener)
print(f"swept again {again}, {len(more)} notifications")
