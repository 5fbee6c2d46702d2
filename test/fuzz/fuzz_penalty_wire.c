/*
 * fuzz_penalty_wire.c - libFuzzer harness for the binary wire form of
 * penalty_rule (penalty_rule_decode / penalty_rule_encode), the bytes
 * penalty_rule_recv reads and penalty_rule_send writes.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
 *       -Isrc/core test/fuzz/fuzz_penalty_wire.c src/core/[a-z]*.c -o /tmp/fuzz_penalty_wire
 *   /tmp/fuzz_penalty_wire test/fuzz/corpus/penalty_wire -runs=1000000
 *
 * The whole input is one binary value.  Properties (abort on violation):
 *  - penalty_rule_decode never reads outside the input (ASan: libFuzzer's
 *    buffer is exactly the input's size);
 *  - its status is the one a restatement of the layout gives (short at the
 *    field that ran out, version, penalty_rule_check, trailing, in that
 *    order), with the same detail; decoding again gives the same status;
 *  - an accepted input is 37 bytes, decodes to a rule whose reserved field
 *    is zero, re-encodes to exactly those bytes, and format -> parse ->
 *    encode gives them again (the parsed rule is identical, memcmp); every
 *    shorter prefix is short and one more byte is trailing;
 *  - what the glue decodes (the first 37 bytes at most) is refused exactly
 *    when the whole input is, unless the only fault is trailing bytes;
 *  - the input read as text: a rule that parses encodes and decodes back
 *    to the identical struct.
 */
#include "penalty_rule.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_wire.h"

/* The decoder in the shape fuzz_wire.h checks. */
static WireStatus
decode_any(const uint8_t *buf, size_t len, void *out)
{
	return penalty_rule_decode(buf, len, (PenaltyRule *) out, NULL);
}

/* Big-endian unsigned value of n bytes, restated byte by byte. */
static uint64_t
be(const uint8_t *p, int n)
{
	uint64_t	v = 0;
	int			i;

	for (i = 0; i < n; i++)
		v = v * 256 + p[i];
	return v;
}

/* The layout in penalty.h, restated: offsets and sizes of the fields. */
static const size_t field_at[] = {0, 1, 9, 13, 14, 15, 16, 17, 21, 29, 37};

static WireStatus
expected_status(const uint8_t *d, size_t n, size_t *missing, PenaltyRule *r, int *check)
{
	int			i;

	*missing = 0;
	*check = 0;
	for (i = 0; i < 10; i++)
	{
		if (n < field_at[i + 1])
		{
			*missing = field_at[i + 1] - field_at[i];
			return WIRE_SHORT;
		}
		if (i == 0 && d[0] != 1)
			return WIRE_BAD_VERSION;
	}
	memset(r, 0, sizeof(*r));
	r->rate = (int64_t) be(d + 1, 8);
	r->lpr_mult = (int32_t) (uint32_t) be(d + 9, 4);
	r->basis = d[13];
	r->period = d[14];
	r->flags = d[15];
	r->cap_kind = d[16];
	r->grace = (int32_t) (uint32_t) be(d + 17, 4);
	r->cap = (int64_t) be(d + 21, 8);
	r->minimum = (int64_t) be(d + 29, 8);
	if ((*check = (int) penalty_rule_check(r)) != PR_OK)
		return WIRE_INVALID;
	return n > 37 ? WIRE_TRAILING : WIRE_OK;
}

static void
accepted(const uint8_t *data, size_t size, const PenaltyRule *r)
{
	uint8_t		again[PR_WIRE_LEN + 4];
	char		text[PR_TEXT_MAX];
	size_t		tl;
	PenaltyRule r2;
	PrStatus	pst;

	CHECK(size == PR_WIRE_LEN);
	CHECK(r->reserved == 0);
	CHECK(penalty_rule_check(r) == PR_OK);

	memset(again, 0xA5, sizeof(again));
	CHECK(penalty_rule_encode(r, again) == PR_WIRE_LEN);
	CHECK(memcmp(again, data, PR_WIRE_LEN) == 0);
	CHECK(again[PR_WIRE_LEN] == 0xA5);

	/* decode -> format -> parse -> encode: the same bytes */
	tl = penalty_rule_format(r, text, sizeof(text));
	CHECK(tl < sizeof(text) && strlen(text) == tl);
	memset(&r2, 0x77, sizeof(r2));
	pst = penalty_rule_parse(text, tl, &r2, NULL);
	if (pst != PR_OK || memcmp(&r2, r, sizeof(r2)) != 0)
		fprintf(stderr, "canonical text \"%s\" does not re-parse to the decoded rule: %d\n",
				text, (int) pst);
	CHECK(pst == PR_OK);
	CHECK(memcmp(&r2, r, sizeof(r2)) == 0);
	memset(again, 0xA5, sizeof(again));
	penalty_rule_encode(&r2, again);
	CHECK(memcmp(again, data, PR_WIRE_LEN) == 0);

	/* every prefix is short, one more byte is trailing */
	{
		PenaltyRule scratch;

		wire_check_prefixes(decode_any, data, size, &scratch);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	PenaltyRule r,
				r2,
				raw;
	WireDetail	d;
	size_t		missing;
	int			check;
	WireStatus	st,
				want;

	memset(&r, 0x33, sizeof(r));
	st = penalty_rule_decode(data, size, &r, &d);
	want = expected_status(data, size, &missing, &raw, &check);
	CHECK((int) st >= WIRE_OK && (int) st <= WIRE_INVALID);
	if (st != want)
		fprintf(stderr, "size %zu: status %d, expected %d\n", size, (int) st, (int) want);
	CHECK(st == want);
	CHECK(penalty_rule_decode(data, size, &r2, NULL) == st);

	switch (st)
	{
		case WIRE_OK:
			CHECK(memcmp(&r, &raw, sizeof(r)) == 0);
			accepted(data, size, &r);
			break;
		case WIRE_SHORT:
			CHECK(size < PR_WIRE_LEN);
			CHECK(d.missing == missing);
			break;
		case WIRE_BAD_VERSION:
			CHECK(size >= 1 && d.version == data[0] && data[0] != PR_WIRE_VERSION);
			break;
		case WIRE_INVALID:
			CHECK(size >= PR_WIRE_LEN);
			CHECK(d.check == check);
			CHECK(memcmp(&r, &raw, sizeof(r)) == 0);	/* the fields as read */
			break;
		case WIRE_TRAILING:
			CHECK(size > PR_WIRE_LEN);
			CHECK(memcmp(&r, &raw, sizeof(r)) == 0);
			CHECK(penalty_rule_decode(data, PR_WIRE_LEN, &r2, NULL) == WIRE_OK);
			break;
	}

	/* what the glue decodes: the value's bytes, the rest is the caller's */
	wire_check_value_bytes(decode_any, data, size, PR_WIRE_LEN, st, &r2);

	/* the input as text: a parsed rule survives the wire */
	if (penalty_rule_parse((const char *) data, size, &r, NULL) == PR_OK)
	{
		uint8_t		w[PR_WIRE_LEN];

		CHECK(penalty_rule_encode(&r, w) == PR_WIRE_LEN);
		memset(&r2, 0x77, sizeof(r2));
		CHECK(penalty_rule_decode(w, sizeof(w), &r2, NULL) == WIRE_OK);
		CHECK(memcmp(&r2, &r, sizeof(r)) == 0);
	}
	return 0;
}
