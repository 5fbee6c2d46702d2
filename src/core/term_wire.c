/*
 * term_wire.c - the binary wire form of a term: the version byte, the unit
 * byte, the quantity as a big-endian int32 (see term.h).
 */
#include "term.h"

#include <string.h>

size_t
term_encode(const Term *t, uint8_t *buf)
{
	buf[0] = TERM_WIRE_VERSION;
	buf[1] = t->unit;
	wire_put32(buf + 2, (uint32_t) t->quantity);
	return TERM_WIRE_LEN;
}

WireStatus
term_decode(const uint8_t *buf, size_t len, Term *out, WireDetail *detail)
{
	WireDetail	dummy;
	WireReader	rd = {buf, len, 0, 0};
	const uint8_t *version,
			   *unit,
			   *quantity;
	TermStatus	st;

	if (detail == NULL)
		detail = &dummy;
	memset(detail, 0, sizeof(*detail));
	if ((version = wire_take(&rd, 1)) == NULL)
		goto short_input;
	if (*version != TERM_WIRE_VERSION)
	{
		detail->version = *version;
		return WIRE_BAD_VERSION;
	}
	if ((unit = wire_take(&rd, 1)) == NULL || (quantity = wire_take(&rd, 4)) == NULL)
		goto short_input;
	out->unit = *unit;
	out->quantity = (int32_t) wire_get32(quantity);
	if ((st = term_check(out->quantity, out->unit)) != TERM_OK)
	{
		detail->check = (int) st;
		return WIRE_INVALID;
	}
	return rd.pos == len ? WIRE_OK : WIRE_TRAILING;

short_input:
	detail->missing = rd.missing;
	return WIRE_SHORT;
}
