/*
 * fuzz_term_wire.c - libFuzzer harness for the binary wire form of term
 * (term_decode / term_encode), the bytes term_recv reads and term_send writes.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
 *       -Isrc/core test/fuzz/fuzz_term_wire.c src/core/[a-z]*.c -o /tmp/fuzz_term_wire
 *   /tmp/fuzz_term_wire test/fuzz/corpus/term_wire -runs=1000000
 *
 * The whole input is one binary value.  Properties (abort on violation):
 *  - term_decode never reads outside the input (ASan: libFuzzer's buffer is
 *    exactly the input's size);
 *  - its status is the one a restatement of the layout gives (short, version,
 *    short, term_check, trailing, in that order), with the same detail, and
 *    decoding again, with or without a detail, gives the same status;
 *  - an accepted input is 6 bytes, re-encodes to exactly those bytes, and
 *    format -> parse -> encode gives them again; every shorter prefix is
 *    short and one more byte is trailing;
 *  - what the glue decodes (the first 6 bytes at most) is refused exactly
 *    when the whole input is, unless the only fault is trailing bytes;
 *  - the input read as text: a term that parses encodes and decodes back.
 */
#include "term.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_wire.h"

/* The decoder in the shape fuzz_wire.h checks. */
static WireStatus
decode_any(const uint8_t *buf, size_t len, void *out)
{
	return term_decode(buf, len, (Term *) out, NULL);
}

/* The layout in term.h, restated without the core's reader. */
static WireStatus
expected_status(const uint8_t *d, size_t n, size_t *missing, int *check)
{
	int64_t		q;
	int			unit;

	*missing = 0;
	*check = 0;
	if (n == 0 || (d[0] == 1 && n < 2))
	{
		*missing = 1;			/* the version or the unit byte */
		return WIRE_SHORT;
	}
	if (d[0] != 1)
		return WIRE_BAD_VERSION;
	if (n < 6)
	{
		*missing = 4;			/* the quantity */
		return WIRE_SHORT;
	}
	unit = d[1];
	q = (int64_t) d[2] * 16777216 + d[3] * 65536 + d[4] * 256 + d[5];
	if (q >= 2147483648)
		q -= 4294967296;		/* an int32 */
	if (unit < 1 || unit > 9 || q < 1)
	{
		*check = unit < 1 || unit > 9 ? TERM_ERR_BAD_UNIT_CODE : q < 0 ? TERM_ERR_NEGATIVE : TERM_ERR_ZERO;
		return WIRE_INVALID;
	}
	return n > 6 ? WIRE_TRAILING : WIRE_OK;
}

static void
accepted(const uint8_t *data, size_t size, const Term *t)
{
	uint8_t		again[TERM_WIRE_LEN + 4];
	char		text[TERM_TEXT_MAX];
	size_t		tl;
	Term		t2;

	CHECK(size == TERM_WIRE_LEN);
	CHECK(term_check(t->quantity, t->unit) == TERM_OK);

	/* re-encodes to exactly the input, nothing written past it */
	memset(again, 0xA5, sizeof(again));
	CHECK(term_encode(t, again) == TERM_WIRE_LEN);
	CHECK(memcmp(again, data, TERM_WIRE_LEN) == 0);
	CHECK(again[TERM_WIRE_LEN] == 0xA5);

	/* decode -> format -> parse -> encode: the same bytes */
	tl = term_format(t, text, sizeof(text));
	CHECK(tl < sizeof(text));
	CHECK(term_parse(text, tl, &t2, NULL) == TERM_OK);
	CHECK(t2.quantity == t->quantity && t2.unit == t->unit);
	memset(again, 0xA5, sizeof(again));
	term_encode(&t2, again);
	CHECK(memcmp(again, data, TERM_WIRE_LEN) == 0);

	/* every prefix is short, one more byte is trailing */
	{
		Term		scratch;

		wire_check_prefixes(decode_any, data, size, &scratch);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Term		t,
				t2;
	WireDetail	d;
	size_t		missing;
	int			check;
	WireStatus	st = term_decode(data, size, &t, &d);
	WireStatus	want = expected_status(data, size, &missing, &check);

	CHECK((int) st >= WIRE_OK && (int) st <= WIRE_INVALID);
	if (st != want)
		fprintf(stderr, "size %zu: status %d, expected %d\n", size, (int) st, (int) want);
	CHECK(st == want);
	CHECK(term_decode(data, size, &t2, NULL) == st);

	switch (st)
	{
		case WIRE_OK:
			accepted(data, size, &t);
			break;
		case WIRE_SHORT:
			CHECK(size < TERM_WIRE_LEN);
			CHECK(d.missing == missing);
			break;
		case WIRE_BAD_VERSION:
			CHECK(size >= 1 && d.version == data[0] && data[0] != TERM_WIRE_VERSION);
			break;
		case WIRE_INVALID:
			CHECK(size >= TERM_WIRE_LEN);
			CHECK(d.check == check);
			/* the fields as read, for the glue's message */
			CHECK(term_check(t.quantity, t.unit) == (TermStatus) check);
			CHECK(t.unit == data[1]);
			break;
		case WIRE_TRAILING:
			CHECK(size > TERM_WIRE_LEN);
			CHECK(term_decode(data, TERM_WIRE_LEN, &t2, NULL) == WIRE_OK);
			break;
	}

	/* what the glue decodes: the value's bytes, the rest is the caller's */
	wire_check_value_bytes(decode_any, data, size, TERM_WIRE_LEN, st, &t2);

	/* the input as text: a parsed term survives the wire */
	if (term_parse((const char *) data, size, &t, NULL) == TERM_OK)
	{
		uint8_t		w[TERM_WIRE_LEN];

		CHECK(term_encode(&t, w) == TERM_WIRE_LEN);
		CHECK(term_decode(w, sizeof(w), &t2, NULL) == WIRE_OK);
		CHECK(t2.quantity == t.quantity && t2.unit == t.unit);
	}
	return 0;
}
