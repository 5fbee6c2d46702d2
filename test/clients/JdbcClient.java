// crm_contract through pgjdbc (Debian's libpostgresql-jdbc-java), the driver
// of BI tools (DBeaver, Metabase, Tableau): the reporting views (obligations, the SLA views) and
// contract_statement with their column types as JDBC metadata reports them,
// penalty(), late_fee() and late_fee_breakdown() with bound parameters
// (PreparedStatement, BigDecimal, LocalDate, arrays), the custom types arriving
// as strings, and timestamptz columns.  Prints TAP lines; every expected value
// is counted by hand below.
//
//   java -cp .:/usr/share/java/postgresql.jar JdbcClient SOCKET DATABASE USER
//
// The test cluster listens on a Unix socket only; pgjdbc speaks TCP, so the
// program relays a loopback port to the socket (JDK 16+ Unix domain channels)
// and the driver connects to 127.0.0.1 as a BI tool would.
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.postgresql.util.PGobject;

public class JdbcClient {
    static int n = 0;
    // the extension's types, as pgjdbc names them: schema-qualified (crm_contract is not on the search_path), quoted
    static final String TERM = "\"crm_contract\".\"term\"";
    static final String RULE = "\"crm_contract\".\"penalty_rule\"";

    static void check(boolean ok, String what, Object got) {
        n++;
        System.out.println((ok ? "ok " : "not ok ") + n + " - " + what);
        if (!ok) System.out.println("#   got: " + got);
    }

    // money: the same number with two decimals (BigDecimal.equals compares the scale too)
    static void money(BigDecimal got, String want, String what) {
        check(got != null && got.equals(new BigDecimal(want)), what, got);
    }

    static String typeName(int t) {
        for (java.lang.reflect.Field f : Types.class.getFields()) {
            try {
                if (f.getInt(null) == t) return "Types." + f.getName();
            } catch (IllegalAccessException e) {
                // not a constant
            }
        }
        return "Types(" + t + ")";
    }

    // the JDBC type of a result column, by label
    static int column(ResultSetMetaData md, String label) throws SQLException {
        for (int i = 1; i <= md.getColumnCount(); i++) if (md.getColumnLabel(i).equals(label)) return i;
        throw new SQLException("no column " + label);
    }

    static void jdbcType(ResultSetMetaData md, String label, int want, String wantName) throws SQLException {
        int i = column(md, label);
        check(md.getColumnType(i) == want && md.getColumnTypeName(i).equals(wantName),
              "  " + label + ": " + typeName(want) + " (" + wantName + ")",
              typeName(md.getColumnType(i)) + " " + md.getColumnTypeName(i));
    }

    // --- a loopback TCP port relayed to the server's Unix socket ---
    static int relay(String socketPath) throws Exception {
        ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            try {
                while (true) {
                    Socket tcp = server.accept();
                    SocketChannel unix = SocketChannel.open(UnixDomainSocketAddress.of(socketPath));
                    pipe(() -> {
                        InputStream in = tcp.getInputStream();
                        byte[] b = new byte[65536];
                        for (int k; (k = in.read(b)) > 0; ) {
                            ByteBuffer buf = ByteBuffer.wrap(b, 0, k);
                            while (buf.hasRemaining()) unix.write(buf);
                        }
                        unix.shutdownOutput();
                    });
                    pipe(() -> {
                        OutputStream out = tcp.getOutputStream();
                        ByteBuffer buf = ByteBuffer.allocate(65536);
                        while (unix.read(buf) > 0) {
                            out.write(buf.array(), 0, buf.position());
                            out.flush();
                            buf.clear();
                        }
                        tcp.close();
                        unix.close();
                    });
                }
            } catch (Exception e) {
                // the server socket is closed when the program ends
            }
        });
        accept.setDaemon(true);
        accept.start();
        return server.getLocalPort();
    }

    interface Io { void run() throws Exception; }

    static void pipe(Io io) {
        Thread t = new Thread(() -> {
            try {
                io.run();
            } catch (Exception e) {
                // a side closed
            }
        });
        t.setDaemon(true);
        t.start();
    }

    public static void main(String[] args) throws Exception {
        int port = relay(args[0]);
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + args[1] + "?user=" + args[2]
            + "&ApplicationName=JdbcClient";
        try (Connection c = DriverManager.getConnection(url)) {
            run(c);
        }
    }

    static void run(Connection c) throws Exception {
        DatabaseMetaData dbmd = c.getMetaData();
        check(dbmd.getDriverName().equals("PostgreSQL JDBC Driver"),
              "connected over TCP with " + dbmd.getDriverName() + " " + dbmd.getDriverVersion()
              + " to PostgreSQL " + dbmd.getDatabaseProductVersion(), dbmd.getDriverName());

        // Seed 001 again, as contract J-001 of the same tenant: signed 2025-09-26, nothing done yet.
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                 "INSERT INTO crm_contract.contract (code, kind, title, client, vendor, total_amount)"
                 + " VALUES (?, ?::crm_contract.contract_kind, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, "J-001");
            ps.setString(2, "implementation");
            ps.setString(3, "CRM 实施和服务合同");
            ps.setString(4, "甲方");
            ps.setString(5, "乙方");
            ps.setBigDecimal(6, new BigDecimal("1000000.00"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                 "INSERT INTO crm_contract.clause (contract_id, kind, ref, rule, obligor)"
                 + " VALUES (?, ?::crm_contract.clause_kind, ?, ?, ?::crm_contract.obligor)")) {
            String[][] clauses = {{"delay_penalty", "9.3", "1% of total per day", "vendor"},
                                  {"late_fee", "9.4", "1% of overdue per day", "client"}};
            for (String[] k : clauses) {
                ps.setLong(1, id);
                ps.setString(2, k[0]);
                ps.setString(3, k[1]);
                ps.setObject(4, k[2], Types.OTHER);   // sent untyped: the server reads a penalty_rule
                ps.setString(5, k[3]);
                ps.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO crm_contract.milestone (contract_id, name, anchor, within)"
                            + " VALUES (" + id + ", 'project start', 'signing', '10個工作日')");
            s.executeUpdate("INSERT INTO crm_contract.installment (contract_id, name, share, anchor, within)"
                            + " VALUES (" + id + ", '50%', 0.5, 'signing', '10個工作日')");
            s.executeUpdate("UPDATE crm_contract.contract SET signed_on = '2025-09-26', status = 'signed' WHERE id = " + id);
        }

        // --- the reporting view: column types, then values ---
        try (ResultSet rs = dbmd.getTables(null, "crm_contract", "obligations", new String[] {"VIEW"})) {
            check(rs.next(), "DatabaseMetaData.getTables lists crm_contract.obligations as a VIEW", null);
        }
        Map<String, String> viewTypes = new HashMap<>();
        try (ResultSet rs = dbmd.getColumns(null, "crm_contract", "obligations", null)) {
            while (rs.next()) viewTypes.put(rs.getString("COLUMN_NAME"), typeName(rs.getInt("DATA_TYPE")) + " " + rs.getString("TYPE_NAME"));
        }
        check(Objects.equals(viewTypes.get("due_on"), "Types.DATE date")
              && Objects.equals(viewTypes.get("amount_open"), "Types.NUMERIC numeric")
              && Objects.equals(viewTypes.get("days_left"), "Types.INTEGER int4"),
              "DatabaseMetaData.getColumns(obligations): due_on DATE, amount_open NUMERIC, days_left INTEGER", viewTypes);
        try (PreparedStatement ps = c.prepareStatement(
                 "SELECT kind, obligation, due_on, amount_open, days_left FROM crm_contract.obligations"
                 + " WHERE contract_code = ? ORDER BY kind, obligation")) {
            ps.setString(1, "J-001");
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                System.out.println("# obligations through ResultSetMetaData:");
                jdbcType(md, "due_on", Types.DATE, "date");
                jdbcType(md, "amount_open", Types.NUMERIC, "numeric");
                jdbcType(md, "days_left", Types.INTEGER, "int4");
                jdbcType(md, "obligation", Types.VARCHAR, "text");
                // 10 working days after 2025-09-26: 2025-10-16 (see psycopg_client.py)
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    BigDecimal open = rs.getBigDecimal("amount_open");
                    rows.add(rs.getString("kind") + "|" + rs.getString("obligation") + "|"
                             + rs.getObject("due_on", LocalDate.class) + "|" + open);
                }
                check(rows.equals(List.of("installment|50%|2025-10-16|500000.00", "milestone|project start|2025-10-16|null")),
                      "obligations of J-001: the 50% (500000.00 open) and project start, both due 2025-10-16 (LocalDate, BigDecimal)", rows);
            }
        }

        // --- the views for reporting tools: listed as views, every column a type BI tools map ---
        String[][] reporting = {
            {"obligations_accrued", "accrued", "Types.NUMERIC numeric"},
            {"sla_ticket_tables", "partitioned", "Types.BIT bool"},
            {"sla_compliance", "tickets_opened", "Types.INTEGER int4"},
            {"sla_credits", "month", "Types.DATE date"},
            {"sla_at_risk", "due", "Types.TIMESTAMP timestamptz"},
        };
        for (String[] v : reporting) {
            Map<String, String> types = new HashMap<>();
            try (ResultSet rs = dbmd.getColumns(null, "crm_contract", v[0], null)) {
                while (rs.next()) types.put(rs.getString("COLUMN_NAME"), typeName(rs.getInt("DATA_TYPE")) + " " + rs.getString("TYPE_NAME"));
            }
            boolean plain = !types.isEmpty() && types.values().stream().noneMatch(t -> t.startsWith("Types.OTHER") || t.startsWith("Types.ARRAY")
                                                                   || t.startsWith("Types.STRUCT") || t.startsWith("Types.JAVA_OBJECT"));
            check(plain && Objects.equals(types.get(v[1]), v[2]),
                  "DatabaseMetaData.getColumns(" + v[0] + "): " + types.size() + " columns, none Types.OTHER; " + v[1] + " " + v[2], types);
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM crm_contract.sla_at_risk")) {
            check(rs.next() && rs.getInt(1) == 0, "sla_at_risk reads (no ticket is at risk yet)", null);
        }

        // --- contract_statement with bound parameters ---
        // As of 2025-10-26, by hand: project start not done, 10/17..10/26 = 10 days late
        // x 1% x 1,000,000.00 = 100,000.00 (9.3, the vendor); the 50% unpaid, 10 days
        // x 1% x 500,000.00 = 50,000.00 (9.4, the client); total 150,000.00.
        try (PreparedStatement ps = c.prepareStatement(
                 "SELECT * FROM crm_contract.contract_statement(?, ?) ORDER BY line")) {
            ps.setLong(1, id);
            ps.setObject(2, LocalDate.of(2025, 10, 26));
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                System.out.println("# contract_statement through ResultSetMetaData:");
                jdbcType(md, "due_on", Types.DATE, "date");
                jdbcType(md, "done_on", Types.DATE, "date");
                jdbcType(md, "days_late", Types.INTEGER, "int4");
                jdbcType(md, "basis", Types.NUMERIC, "numeric");
                jdbcType(md, "accrued", Types.NUMERIC, "numeric");
                // a type of the extension, off the search_path: named schema-qualified, quoted
                jdbcType(md, "rule", Types.OTHER, RULE);
                Map<String, BigDecimal> accrued = new HashMap<>();
                Map<String, Integer> late = new HashMap<>();
                Map<String, String> rules = new HashMap<>();
                while (rs.next()) {
                    String key = rs.getString("kind").equals("total")
                        ? "total " + rs.getString("obligor") : rs.getString("obligation");
                    accrued.put(key, rs.getBigDecimal("accrued"));
                    late.put(key, rs.getInt("days_late"));
                    rules.put(key, rs.getString("rule"));
                }
                money(accrued.get("project start"), "100000.00", "statement: project start 10 days late = 100000.00 (BigDecimal)");
                check(Integer.valueOf(10).equals(late.get("project start")), "statement: days_late 10 (getInt)", late);
                check("1% of total per day".equals(rules.get("project start")),
                      "statement: the rule as text (getString): 1% of total per day", rules);
                money(accrued.get("50%"), "50000.00", "statement: the 50% 10 days unpaid = 50000.00");
                money(accrued.get("total vendor"), "100000.00", "statement: total owed by the vendor 100000.00");
                money(accrued.get("total client"), "50000.00", "statement: total owed by the client 50000.00");
                money(accrued.get("total null"), "150000.00", "statement: grand total 150000.00");
            }
        }

        // --- penalty() and late_fee() with bound parameters ---
        // 001 §9.3: go-live due 2026-01-09, done 2026-01-21: 1/10..1/21 = 12 days x 1% x 1,000,000.00
        try (PreparedStatement ps = c.prepareStatement("SELECT crm_contract.penalty(?, ?, ?, ?)")) {
            ps.setObject(1, "1% of total per day", Types.OTHER);
            ps.setBigDecimal(2, new BigDecimal("1000000"));
            ps.setObject(3, LocalDate.of(2026, 1, 9));
            ps.setObject(4, LocalDate.of(2026, 1, 21));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                jdbcType(rs.getMetaData(), "penalty", Types.NUMERIC, "numeric");
                money(rs.getBigDecimal(1), "120000.00",
                      "penalty('1% of total per day', 1000000, 2026-01-09, 2026-01-21) = 120000.00");
            }
        }
        // Per working day on CN: due 2026-09-30, until 2026-10-09: National Day 10/1-10/7 off,
        // 10/8 and 10/9 worked: 2 days x 0.1% x 1,000,000.00 = 2,000.00; on 24x7 every day
        // counts: 10/1..10/9 = 9 days = 9,000.00.  The rule as a PGobject of its type.
        PGobject rule = new PGobject();
        rule.setType("crm_contract.penalty_rule");
        rule.setValue("0.1% of total per working day");
        try (PreparedStatement ps = c.prepareStatement("SELECT crm_contract.penalty(?, ?, ?, ?, ?)")) {
            for (String[] k : new String[][] {{"CN", "2000.00"}, {"24x7", "9000.00"}}) {
                ps.setObject(1, rule);
                ps.setBigDecimal(2, new BigDecimal("1000000.00"));
                ps.setObject(3, LocalDate.of(2026, 9, 30));
                ps.setObject(4, LocalDate.of(2026, 10, 9));
                ps.setString(5, k[0]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    money(rs.getBigDecimal(1), k[1], "penalty('0.1% of total per working day', ..., calendar '" + k[0] + "') = " + k[1]);
                }
            }
        }
        // README: 100,000.00 due 3/1, 40,000.00 paid 3/11, the rest 3/21, at 0.05% a day:
        // 3/2..3/11 = 10 days x 50.00 = 500.00, then 3/12..3/21 = 10 days x 30.00 = 300.00: 800.00.
        Array paidOn = c.createArrayOf("date", new Object[] {java.sql.Date.valueOf("2026-03-11"), java.sql.Date.valueOf("2026-03-21")});
        Array paid = c.createArrayOf("numeric", new BigDecimal[] {new BigDecimal("40000.00"), new BigDecimal("60000.00")});
        try (PreparedStatement ps = c.prepareStatement("SELECT crm_contract.late_fee(?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, "0.05% of overdue per day", Types.OTHER);
            ps.setBigDecimal(2, new BigDecimal("100000.00"));
            ps.setObject(3, LocalDate.of(2026, 3, 1));
            ps.setArray(4, paidOn);
            ps.setArray(5, paid);
            ps.setObject(6, LocalDate.of(2026, 3, 21));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                money(rs.getBigDecimal(1), "800.00", "late_fee with payment arrays (createArrayOf date[], numeric[]) = 800.00");
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                 "SELECT from_day, to_day, days, balance, amount_accrued FROM crm_contract.late_fee_breakdown(?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, "0.05% of overdue per day", Types.OTHER);
            ps.setBigDecimal(2, new BigDecimal("100000.00"));
            ps.setObject(3, LocalDate.of(2026, 3, 1));
            ps.setArray(4, paidOn);
            ps.setArray(5, paid);
            ps.setObject(6, LocalDate.of(2026, 3, 21));
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getObject(1, LocalDate.class) + ".." + rs.getObject(2, LocalDate.class) + " "
                             + rs.getInt(3) + " " + rs.getBigDecimal(4) + " " + rs.getBigDecimal(5));
                }
            }
            check(rows.equals(List.of("2026-03-02..2026-03-11 10 100000.00 500.00", "2026-03-12..2026-03-21 10 60000.00 300.00")),
                  "late_fee_breakdown: 3/2..3/11 10 days on 100000.00 = 500.00, 3/12..3/21 on 60000.00 = 300.00", rows);
        }

        // --- the custom types arrive as strings ---
        try (PreparedStatement ps = c.prepareStatement(
                 "SELECT ?::crm_contract.term AS t, crm_contract.term(3, '个月') AS months, ?::crm_contract.penalty_rule AS r")) {
            ps.setString(1, "10個工作日");
            ps.setString(2, "每日万分之五");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                ResultSetMetaData md = rs.getMetaData();
                jdbcType(md, "t", Types.OTHER, TERM);
                jdbcType(md, "r", Types.OTHER, RULE);
                Object t = rs.getObject("t");
                check(t instanceof PGobject && ((PGobject) t).getType().equals(TERM)
                      && "10 working days".equals(((PGobject) t).getValue()),
                      "term: getObject gives a PGobject whose value is '10 working days'",
                      t == null ? null : t.getClass().getName() + " " + ((PGobject) t).getType() + " " + t);
                check("10 working days".equals(rs.getString("t")), "term: getString gives '10 working days'", rs.getString("t"));
                check("3 months".equals(rs.getString("months")), "term(3, '个月'): getString gives '3 months'", rs.getString("months"));
                Object r = rs.getObject("r");
                check(r instanceof PGobject && ((PGobject) r).getType().equals(RULE)
                      && "0.05% of overdue per day".equals(((PGobject) r).getValue()),
                      "penalty_rule: getObject gives a PGobject, value '0.05% of overdue per day' (每日万分之五)",
                      r == null ? null : r.getClass().getName() + " " + r);
                check("0.05% of overdue per day".equals(rs.getString("r")), "penalty_rule: getString gives the text", rs.getString("r"));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT crm_contract.due(?, ?)")) {
            ps.setObject(1, LocalDate.of(2025, 9, 26));
            ps.setObject(2, "10个工作日", Types.OTHER);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                check(LocalDate.of(2025, 10, 16).equals(rs.getObject(1, LocalDate.class)),
                      "a term bound untyped (Types.OTHER): due(2025-09-26, '10个工作日') = 2025-10-16", rs.getString(1));
            }
        }

        // --- timestamptz: a ticket of J-001 through the trigger ---
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE public.jdbc_tickets (id bigserial PRIMARY KEY, contract_id bigint NOT NULL,"
                            + " priority text NOT NULL, opened_at timestamptz NOT NULL, response_due timestamptz,"
                            + " resolve_due timestamptz, sla_next_alert timestamptz, sla_alerts integer NOT NULL DEFAULT 0)");
            s.executeUpdate("CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.jdbc_tickets"
                            + " FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines()");
            s.executeUpdate("INSERT INTO crm_contract.sla_target (contract_id, priority, metric, target) VALUES"
                            + " (" + id + ", 'P1', 'response', '2 working hours'), (" + id + ", 'P1', 'resolution', '8 working hours')");
        }
        try (PreparedStatement ps = c.prepareStatement(
                 "INSERT INTO public.jdbc_tickets (contract_id, priority, opened_at) VALUES (?, ?, ?)"
                 + " RETURNING response_due, resolve_due")) {
            ps.setLong(1, id);
            ps.setString(2, "P1");
            ps.setObject(3, OffsetDateTime.of(2026, 10, 9, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                ResultSetMetaData md = rs.getMetaData();
                // pgjdbc 42.5 reports timestamptz as Types.TIMESTAMP, with the type name timestamptz;
                // the JDBC 4.2 getObject(..., OffsetDateTime.class) gives the instant with its offset
                jdbcType(md, "response_due", Types.TIMESTAMP, "timestamptz");
                OffsetDateTime resp = rs.getObject("response_due", OffsetDateTime.class);
                OffsetDateTime res = rs.getObject("resolve_due", OffsetDateTime.class);
                // opened Friday 09:00+08: response 2 working hours -> 11:00+08 (03:00Z);
                // resolution 09-12 + 13-18 -> 18:00+08 (10:00Z)
                check(resp != null && resp.toInstant().equals(OffsetDateTime.parse("2026-10-09T11:00+08:00").toInstant()),
                      "response_due as OffsetDateTime: the instant 2026-10-09 11:00+08", resp);
                check(res != null && res.toInstant().equals(OffsetDateTime.parse("2026-10-09T18:00+08:00").toInstant()),
                      "resolve_due as OffsetDateTime: the instant 2026-10-09 18:00+08", res);
            }
        }
    }
}
