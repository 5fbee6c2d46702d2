/*
 * fuzz_wire.h - what the two wire-form harnesses (fuzz_term_wire.c,
 * fuzz_penalty_wire.c) check alike, for any decoder of the core's wire forms.
 */
#ifndef CRM_FUZZ_WIRE_H
#define CRM_FUZZ_WIRE_H

#include <string.h>

#include "fuzz_check.h"
#include "wire.h"

/* A decoder of one type: decode len bytes of buf into out (the type's struct). */
typedef WireStatus (*wire_decoder) (const uint8_t *buf, size_t len, void *out);

/* A heap copy of exactly n bytes of d, with extra appended (ASan bounds). */
static inline uint8_t *
wire_copy_of(const uint8_t *d, size_t n, const uint8_t *extra, size_t nextra)
{
	uint8_t    *c = malloc(n + nextra ? n + nextra : 1);

	memcpy(c, d, n);
	if (nextra)
		memcpy(c + n, extra, nextra);
	return c;
}

/* An accepted value of size bytes: every prefix of it is short, one byte more is trailing. */
static inline void
wire_check_prefixes(wire_decoder decode, const uint8_t *data, size_t size, void *scratch)
{
	size_t		k;
	uint8_t		extra = data[size - 1];
	uint8_t    *p;

	for (k = 0; k < size; k++)
	{
		p = wire_copy_of(data, k, NULL, 0);
		CHECK(decode(p, k, scratch) == WIRE_SHORT);
		free(p);
	}
	p = wire_copy_of(data, size, &extra, 1);
	CHECK(decode(p, size + 1, scratch) == WIRE_TRAILING);
	free(p);
}

/*
 * What the glue decodes: only the value's bytes (at most wire_len), the rest
 * is the caller's; st is the status of the whole input.
 */
static inline void
wire_check_value_bytes(wire_decoder decode, const uint8_t *data, size_t size, size_t wire_len,
					   WireStatus st, void *scratch)
{
	size_t		n = size < wire_len ? size : wire_len;
	uint8_t    *p = wire_copy_of(data, n, NULL, 0);	/* ASan: nothing past n is read */
	WireStatus	g = decode(p, n, scratch);

	free(p);
	CHECK(g != WIRE_TRAILING);
	CHECK(st == WIRE_TRAILING ? g == WIRE_OK : g == st);
}

#endif
