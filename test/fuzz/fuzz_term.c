/*
 * fuzz_term.c - libFuzzer harness for term_parse / term_format / term_check.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
 *       -Isrc/core test/fuzz/fuzz_term.c src/core/term.c -o /tmp/fuzz_term
 *   /tmp/fuzz_term test/fuzz/corpus/term -runs=200000
 *
 * Properties (abort on violation):
 *  - term_parse never reads outside the input (ASan) and *where <= len;
 *  - a parsed term is valid (term_check OK), its canonical text fits in
 *    TERM_TEXT_MAX, re-parses to the same term and formats identically;
 *  - surrounding the input with white space does not change the result;
 *  - term_format never writes past bufsize and always terminates;
 *  - term_check agrees with a restatement of its rules.
 */
#include "fuzz_check.h"
#include "term.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* term_check's rules, restated. */
static TermStatus
expected_check(int64_t q, int unit)
{
	if (unit < 1 || unit > TERM_UNIT_MAX)
		return TERM_ERR_BAD_UNIT_CODE;
	if (q < 0)
		return TERM_ERR_NEGATIVE;
	if (q == 0)
		return TERM_ERR_ZERO;
	if (q > INT32_MAX)
		return TERM_ERR_OVERFLOW;
	return TERM_OK;
}

/* Format t, check the text, re-parse it, compare. */
static void
round_trip(const Term *t)
{
	char		buf[TERM_TEXT_MAX];
	char		again[TERM_TEXT_MAX];
	size_t		n = term_format(t, buf, sizeof(buf));
	size_t		bs;
	Term		t2;
	size_t		where = 0;
	TermStatus	st;

	CHECK(n < sizeof(buf));
	CHECK(strlen(buf) == n);
	st = term_parse(buf, n, &t2, &where);
	if (st != TERM_OK)
		fprintf(stderr, "canonical text \"%s\" does not parse: %d\n", buf, (int) st);
	CHECK(st == TERM_OK);
	CHECK(t2.quantity == t->quantity && t2.unit == t->unit);
	CHECK(term_format(&t2, again, sizeof(again)) == n && memcmp(buf, again, n + 1) == 0);

	/* every smaller buffer: a terminated prefix, nothing written past it */
	for (bs = 0; bs <= n + 1; bs++)
	{
		char		small[TERM_TEXT_MAX + 8];
		size_t		m;

		memset(small, 0x5A, sizeof(small));
		m = term_format(t, small, bs);
		if (bs == 0)
		{
			CHECK(m == 0 && small[0] == 0x5A);
			continue;
		}
		CHECK(m < bs && small[m] == '\0' && memcmp(small, buf, m) == 0);
		CHECK(m == (bs - 1 < n ? bs - 1 : n));
		CHECK((unsigned char) small[bs] == 0x5A);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Term		t;
	size_t		where = (size_t) -1;
	TermStatus	st = term_parse((const char *) data, size, &t, &where);

	CHECK((int) st >= TERM_OK && (int) st <= TERM_ERR_BAD_UNIT_CODE);
	CHECK(st != TERM_ERR_BAD_UNIT_CODE);	/* recv only */
	if (st == TERM_OK)
	{
		CHECK(t.quantity >= 1);
		CHECK(t.unit >= 1 && t.unit <= TERM_UNIT_MAX);
		CHECK(term_check(t.quantity, t.unit) == TERM_OK);
		CHECK(term_unit_name(t.unit) != NULL && term_unit_plural(t.unit) != NULL);
		round_trip(&t);
	}
	else
		CHECK(where <= size);

	/* the same input with white space around it parses the same way */
	if (size < 4096)
	{
		char	   *padded = malloc(size + 6);
		Term		t3;
		TermStatus	st3;

		memcpy(padded, " \t", 2);
		memcpy(padded + 2, data, size);
		memcpy(padded + 2 + size, "\xE3\x80\x80 ", 4);	/* U+3000 and a space */
		st3 = term_parse(padded, size + 6, &t3, NULL);
		/*
		 * Appending text can only change the outcome where the input ends in
		 * the middle of something (a UTF-8 sequence, a qualifier waiting for
		 * its noun): require equality when the input parsed cleanly.
		 */
		if (st == TERM_OK)
		{
			CHECK(st3 == TERM_OK);
			CHECK(t3.quantity == t.quantity && t3.unit == t.unit);
		}
		free(padded);
	}

	/* term_check and formatting on integers taken from the input */
	if (size >= 12)
	{
		int64_t		q;
		int32_t		u;

		memcpy(&q, data + size - 12, 8);
		memcpy(&u, data + size - 4, 4);
		CHECK(term_check(q, u) == expected_check(q, u));
		/* nearby, interesting values */
		CHECK(term_check(q & 0xFFFFFFFF, (int) ((uint32_t) u % 12) - 1) ==
			  expected_check(q & 0xFFFFFFFF, (int) ((uint32_t) u % 12) - 1));
		if (term_check(q & 0x7FFFFFFF, (int) ((uint32_t) u % 9) + 1) == TERM_OK)
		{
			Term		t4;

			t4.quantity = (int32_t) (q & 0x7FFFFFFF);
			t4.unit = (uint8_t) ((uint32_t) u % 9 + 1);
			round_trip(&t4);
		}
	}
	return 0;
}
