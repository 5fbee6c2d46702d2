/*
 * test_wire.c - the binary wire forms of term and penalty_rule
 * (term_encode/term_decode, penalty_rule_encode/penalty_rule_decode).
 *
 * Every byte string below is written by hand from the layout in term.h and
 * penalty.h (big-endian fields); the hex arithmetic is in the comments.
 * None is pasted from output.
 */
#include "tap.h"
#include "penalty_rule.h"
#include "term.h"

#include <stdlib.h>

static const char *
wire_name(WireStatus st)
{
	switch (st)
	{
		case WIRE_OK: return "OK";
		case WIRE_SHORT: return "SHORT";
		case WIRE_BAD_VERSION: return "BAD_VERSION";
		case WIRE_TRAILING: return "TRAILING";
		case WIRE_INVALID: return "INVALID";
	}
	return "?";
}

static void
is_wire(WireStatus got, WireStatus expected, const char *what)
{
	if (!ok(got == expected, "%s: %s", what, wire_name(expected)))
		diag("got %s", wire_name(got));
}

static void
hex(const uint8_t *b, size_t n, char *out)
{
	size_t		i;

	for (i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", b[i]);
	out[2 * n] = '\0';
}

/* ---------- term ---------- */

/* bytes decode to (quantity, unit), and the term encodes back to them */
static void
term_both_ways(const char *bytes, int32_t quantity, int unit, const char *what)
{
	Term		t = {-7, 77};
	uint8_t		out[TERM_WIRE_LEN + 2];
	WireStatus	st = term_decode((const uint8_t *) bytes, TERM_WIRE_LEN, &t, NULL);

	is_wire(st, WIRE_OK, what);
	is_int(t.quantity, quantity, "%s: quantity", what);
	is_int(t.unit, unit, "%s: unit", what);
	memset(out, 0xAA, sizeof(out));
	is_int((int64_t) term_encode(&t, out), TERM_WIRE_LEN, "%s: encodes 6 bytes", what);
	ok(memcmp(out, bytes, TERM_WIRE_LEN) == 0 && out[TERM_WIRE_LEN] == 0xAA,
	   "%s: encodes to the same bytes, nothing past them", what);
}

/* bytes of length len are refused with st; detail as given (-1: not checked) */
static void
term_refused(const char *bytes, size_t len, WireStatus st, int missing, int version,
			 int check, const char *what)
{
	Term		t;
	WireDetail	d;
	uint8_t    *copy = malloc(len ? len : 1);	/* exact size: ASan sees any over-read */

	memcpy(copy, bytes, len);
	is_wire(term_decode(copy, len, &t, &d), st, what);
	if (missing >= 0)
		is_int((int64_t) d.missing, missing, "%s: missing field of %d bytes", what, missing);
	if (version >= 0)
		is_int(d.version, version, "%s: version %d", what, version);
	if (check >= 0)
		is_int(d.check, check, "%s: check status %d", what, check);
	/* the same without a detail */
	is_wire(term_decode(copy, len, &t, NULL), st, what);
	free(copy);
}

static void
test_term(void)
{
	Term		t;
	WireDetail	d;

	/* 10 working days: unit 9, 10 = 0x0000000a (the pg_regress suite's bytes too) */
	term_both_ways("\x01\x09\x00\x00\x00\x0a", 10, TERM_WORKING_DAYS, "10 working days");
	term_both_ways("\x01\x01\x00\x00\x00\x01", 1, TERM_MINUTES, "1 minute");
	/* 0x0102 = 258: the high byte comes first */
	term_both_ways("\x01\x02\x00\x00\x01\x02", 258, TERM_HOURS, "258 hours");
	/* 0x00010000 = 65536 */
	term_both_ways("\x01\x03\x00\x01\x00\x00", 65536, TERM_DAYS, "65536 days");
	/* 0x7fffffff = 2147483647, the largest term */
	term_both_ways("\x01\x06\x7f\xff\xff\xff", 2147483647, TERM_YEARS, "2147483647 years");

	/* short: the field that ran out is named by its size, like pq_getmsgbyte/int */
	term_refused("", 0, WIRE_SHORT, 1, -1, -1, "empty");
	term_refused("\x01", 1, WIRE_SHORT, 1, -1, -1, "version only: the unit byte is missing");
	term_refused("\x01\x09", 2, WIRE_SHORT, 4, -1, -1, "no quantity");
	term_refused("\x01\x09\x00\x00\x00", 5, WIRE_SHORT, 4, -1, -1, "3 of 4 quantity bytes");

	/* a wrong version is reported first, even with nothing after it */
	term_refused("\x02", 1, WIRE_BAD_VERSION, -1, 2, -1, "version 2 alone");
	term_refused("\x02\x09\x00\x00\x00\x0a", 6, WIRE_BAD_VERSION, -1, 2, -1, "version 2");
	term_refused("\x00\x09\x00\x00\x00\x0a", 6, WIRE_BAD_VERSION, -1, 0, -1, "version 0");
	term_refused("\xff\x09\x00\x00\x00\x0a\x00", 7, WIRE_BAD_VERSION, -1, 255, -1, "version 255");

	/* fields that term_check refuses */
	term_refused("\x01\x00\x00\x00\x00\x0a", 6, WIRE_INVALID, -1, -1, TERM_ERR_BAD_UNIT_CODE, "unit 0");
	term_refused("\x01\x0a\x00\x00\x00\x0a", 6, WIRE_INVALID, -1, -1, TERM_ERR_BAD_UNIT_CODE, "unit 10");
	term_refused("\x01\xff\x00\x00\x00\x0a", 6, WIRE_INVALID, -1, -1, TERM_ERR_BAD_UNIT_CODE, "unit 255");
	term_refused("\x01\x09\x00\x00\x00\x00", 6, WIRE_INVALID, -1, -1, TERM_ERR_ZERO, "quantity 0");
	/* 0xffffffff as int32 is -1; 0x80000000 is -2147483648 */
	term_refused("\x01\x09\xff\xff\xff\xff", 6, WIRE_INVALID, -1, -1, TERM_ERR_NEGATIVE, "quantity -1");
	term_refused("\x01\x09\x80\x00\x00\x00", 6, WIRE_INVALID, -1, -1, TERM_ERR_NEGATIVE, "quantity INT32_MIN");

	/* the fields as read, for the glue's message */
	term_decode((const uint8_t *) "\x01\x0c\x00\x00\x00\x0a", 6, &t, &d);
	ok(t.quantity == 10 && t.unit == 12, "refused term: fields as read (quantity 10, unit 12)");

	/* trailing bytes after a valid term; an invalid one is refused as such first */
	term_refused("\x01\x09\x00\x00\x00\x0a\x00", 7, WIRE_TRAILING, -1, -1, -1, "one trailing byte");
	term_refused("\x01\x09\x00\x00\x00\x0a\x01\x09\x00\x00\x00\x0a", 12, WIRE_TRAILING, -1, -1, -1,
				 "two terms");
	term_refused("\x01\x09\x00\x00\x00\x00\x00", 7, WIRE_INVALID, -1, -1, TERM_ERR_ZERO,
				 "quantity 0 and a trailing byte");

	/* what the glue does: decodes the first 6 bytes of a longer field */
	is_wire(term_decode((const uint8_t *) "\x01\x09\x00\x00\x00\x0a\x00", 6, &t, NULL), WIRE_OK,
			"the first 6 bytes of a 7-byte field");
}

/* ---------- penalty_rule ---------- */

/* Parses text (must succeed), then checks both directions against the 37 bytes. */
static void
rule_both_ways(const char *text, const char *bytes)
{
	PenaltyRule parsed,
				decoded;
	uint8_t		out[PR_WIRE_LEN + 2];
	char		got[2 * PR_WIRE_LEN + 1],
				want[2 * PR_WIRE_LEN + 1];
	PrStatus	pst = penalty_rule_parse(text, strlen(text), &parsed, NULL);

	ok(pst == PR_OK, "\"%s\" parses", text);
	memset(&decoded, 0x77, sizeof(decoded));
	is_wire(penalty_rule_decode((const uint8_t *) bytes, PR_WIRE_LEN, &decoded, NULL), WIRE_OK, text);
	ok(decoded.reserved == 0, "%s: reserved is zero after decoding", text);
	ok(memcmp(&decoded, &parsed, sizeof(parsed)) == 0, "%s: decodes to the parsed rule", text);
	memset(out, 0xAA, sizeof(out));
	is_int((int64_t) penalty_rule_encode(&parsed, out), PR_WIRE_LEN, "%s: encodes 37 bytes", text);
	hex(out, PR_WIRE_LEN, got);
	hex((const uint8_t *) bytes, PR_WIRE_LEN, want);
	is_str(got, want, "%s: encodes to the bytes", text);
	ok(out[PR_WIRE_LEN] == 0xAA, "%s: nothing written past 37 bytes", text);
}

static void
rule_refused(const uint8_t *bytes, size_t len, WireStatus st, int missing, int version,
			 int check, const char *what)
{
	PenaltyRule r;
	WireDetail	d;
	uint8_t    *copy = malloc(len ? len : 1);

	memcpy(copy, bytes, len);
	is_wire(penalty_rule_decode(copy, len, &r, &d), st, what);
	if (missing >= 0)
		is_int((int64_t) d.missing, missing, "%s: missing field of %d bytes", what, missing);
	if (version >= 0)
		is_int(d.version, version, "%s: version %d", what, version);
	if (check >= 0)
		is_int(d.check, check, "%s: check status %d", what, check);
	free(copy);
}

/*
 * Offsets: 0 version, 1 rate (8), 9 lpr_mult (4), 13 basis, 14 period,
 * 15 flags, 16 cap_kind, 17 grace (4), 21 cap (8), 29 minimum (8), 37 end.
 */

/* 1% = 0.01 x 1e9 = 10,000,000 = 0x00989680; total = 1, per day = 2 */
#define ONE_PCT_TOTAL_PER_DAY \
	"\x01" "\x00\x00\x00\x00\x00\x98\x96\x80" "\x00\x00\x00\x00" "\x01" "\x02" "\x00" "\x00" \
	"\x00\x00\x00\x00" "\x00\x00\x00\x00\x00\x00\x00\x00" "\x00\x00\x00\x00\x00\x00\x00\x00"

static void
test_rule(void)
{
	uint8_t		b[PR_WIRE_LEN + 1];
	size_t		n;

	rule_both_ways("1% of total per day", ONE_PCT_TOTAL_PER_DAY);
	/* LPR x 1.5 = 1500 = 0x05dc, overdue = 2, per year = 6, floating = 0x04 */
	rule_both_ways("LPR×1.5 of overdue per year, floating",
				   "\x01" "\x00\x00\x00\x00\x00\x00\x00\x00" "\x00\x00\x05\xdc" "\x02" "\x06" "\x04" "\x00"
				   "\x00\x00\x00\x00" "\x00\x00\x00\x00\x00\x00\x00\x00" "\x00\x00\x00\x00\x00\x00\x00\x00");
	/*
	 * 0.05% = 500,000 = 0x0007a120; grace 3; cap share 1 with 30% =
	 * 300,000,000 = 0x11e1a300
	 */
	rule_both_ways("0.05% of overdue per day, grace 3 days, cap 30%",
				   "\x01" "\x00\x00\x00\x00\x00\x07\xa1\x20" "\x00\x00\x00\x00" "\x02" "\x02" "\x00" "\x01"
				   "\x00\x00\x00\x03" "\x00\x00\x00\x00\x11\xe1\xa3\x00" "\x00\x00\x00\x00\x00\x00\x00\x00");
	/*
	 * 0.5% = 5,000,000 = 0x004c4b40; no basis given: overdue; per working
	 * day = 3; grace in working days = 0x02; cap amount = 2 with 100000 yuan
	 * = 10,000,000 fen = 0x00989680; min 500 yuan = 50,000 fen = 0xc350
	 */
	rule_both_ways("0.5% per working day, grace 2 working days, min 500, cap 100000",
				   "\x01" "\x00\x00\x00\x00\x00\x4c\x4b\x40" "\x00\x00\x00\x00" "\x02" "\x03" "\x02" "\x02"
				   "\x00\x00\x00\x02" "\x00\x00\x00\x00\x00\x98\x96\x80" "\x00\x00\x00\x00\x00\x00\xc3\x50");

	/* short at every field: a byte field missing says 1, like pq_getmsgbyte */
	{
		static const struct
		{
			size_t		len;
			int			missing;
		}			cut[] = {
			{0, 1}, {1, 8}, {8, 8}, {9, 4}, {12, 4}, {13, 1}, {14, 1}, {15, 1}, {16, 1},
			{17, 4}, {20, 4}, {21, 8}, {28, 8}, {29, 8}, {36, 8}
		};

		for (n = 0; n < sizeof(cut) / sizeof(cut[0]); n++)
		{
			char		what[48];

			snprintf(what, sizeof(what), "first %zu bytes", cut[n].len);
			rule_refused((const uint8_t *) ONE_PCT_TOTAL_PER_DAY, cut[n].len, WIRE_SHORT,
						 cut[n].missing, -1, -1, what);
		}
	}

	/* version */
	rule_refused((const uint8_t *) "\x02", 1, WIRE_BAD_VERSION, -1, 2, -1, "version 2 alone");
	memcpy(b, ONE_PCT_TOTAL_PER_DAY, PR_WIRE_LEN);
	b[0] = 0;
	rule_refused(b, PR_WIRE_LEN, WIRE_BAD_VERSION, -1, 0, -1, "version 0");

	/* fields penalty_rule_check refuses, one byte changed at a time */
#define BAD(offset, value, check, what) do { \
		memcpy(b, ONE_PCT_TOTAL_PER_DAY, PR_WIRE_LEN); \
		b[offset] = (value); \
		rule_refused(b, PR_WIRE_LEN, WIRE_INVALID, -1, -1, check, what); \
	} while (0)
	/* rate 0x80...00989680 is negative */
	BAD(1, 0x80, PR_ERR_RATE_RANGE, "negative rate");
	/* rate 0x0100000000989680 is far above 10000% = 1e11 */
	BAD(1, 0x01, PR_ERR_RATE_RANGE, "rate above 10000%");
	/* a rate and an LPR multiple (lpr_mult 1) */
	BAD(12, 0x01, PR_ERR_RATE_RANGE, "both a rate and an LPR multiple");
	BAD(13, 0x00, PR_ERR_BAD_OPTION, "basis 0");
	BAD(13, 0x04, PR_ERR_BAD_OPTION, "basis 4");
	BAD(14, 0x07, PR_ERR_BAD_OPTION, "period 7");
	BAD(15, 0x08, PR_ERR_BAD_OPTION, "unknown flag 0x08");
	BAD(15, 0x02, PR_ERR_BAD_OPTION, "grace in working days without a grace");
	BAD(15, 0x04, PR_ERR_CONFLICT, "floating on a fixed rate");
	BAD(16, 0x03, PR_ERR_BAD_OPTION, "cap kind 3");
	BAD(16, 0x01, PR_ERR_BAD_OPTION, "cap share of 0");
	/* grace 0xff000000 is negative */
	BAD(17, 0xff, PR_ERR_BAD_OPTION, "negative grace");
	/* cap 0x01... without a cap kind */
	BAD(28, 0x01, PR_ERR_BAD_OPTION, "a cap without a cap kind");
	BAD(29, 0x80, PR_ERR_BAD_OPTION, "negative minimum");
#undef BAD
	/* compound on a one-off rule: period 1, flags 0x01 */
	memcpy(b, ONE_PCT_TOTAL_PER_DAY, PR_WIRE_LEN);
	b[14] = 1;
	b[15] = 1;
	rule_refused(b, PR_WIRE_LEN, WIRE_INVALID, -1, -1, PR_ERR_CONFLICT, "compound once");
	/* both rate and lpr_mult zero */
	memcpy(b, ONE_PCT_TOTAL_PER_DAY, PR_WIRE_LEN);
	memset(b + 1, 0, 8);
	rule_refused(b, PR_WIRE_LEN, WIRE_INVALID, -1, -1, PR_ERR_RATE_RANGE, "no rate at all");

	/* trailing bytes */
	memcpy(b, ONE_PCT_TOTAL_PER_DAY, PR_WIRE_LEN);
	b[PR_WIRE_LEN] = 0;
	rule_refused(b, PR_WIRE_LEN + 1, WIRE_TRAILING, -1, -1, -1, "a trailing byte");
	b[13] = 9;
	rule_refused(b, PR_WIRE_LEN + 1, WIRE_INVALID, -1, -1, PR_ERR_BAD_OPTION,
				 "basis 9 and a trailing byte");
}

int
main(void)
{
	test_term();
	test_rule();
	return tap_done();
}
