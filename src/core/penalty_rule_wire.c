/*
 * penalty_rule_wire.c - the binary wire form of a penalty rule (see
 * penalty_rule.h for the layout).
 */
#include "penalty_rule.h"

#include <string.h>


size_t
penalty_rule_encode(const PenaltyRule *r, uint8_t *buf)
{
	buf[0] = PR_WIRE_VERSION;
	wire_put64(buf + 1, (uint64_t) r->rate);
	wire_put32(buf + 9, (uint32_t) r->lpr_mult);
	buf[13] = r->basis;
	buf[14] = r->period;
	buf[15] = r->flags;
	buf[16] = r->cap_kind;
	wire_put32(buf + 17, (uint32_t) r->grace);
	wire_put64(buf + 21, (uint64_t) r->cap);
	wire_put64(buf + 29, (uint64_t) r->minimum);
	return PR_WIRE_LEN;
}

WireStatus
penalty_rule_decode(const uint8_t *buf, size_t len, PenaltyRule *out, WireDetail *detail)
{
	WireDetail	dummy;
	WireReader	rd = {buf, len, 0, 0};
	const uint8_t *f[10];
	/* field sizes in wire order, the version byte first */
	static const size_t size[10] = {1, 8, 4, 1, 1, 1, 1, 4, 8, 8};
	int			i;
	PrStatus	st;

	if (detail == NULL)
		detail = &dummy;
	memset(detail, 0, sizeof(*detail));
	memset(out, 0, sizeof(*out));	/* reserved and the padding stay zero */
	for (i = 0; i < 10; i++)
	{
		if ((f[i] = wire_take(&rd, size[i])) == NULL)
		{
			detail->missing = rd.missing;
			return WIRE_SHORT;
		}
		if (i == 0 && *f[0] != PR_WIRE_VERSION)
		{
			detail->version = *f[0];
			return WIRE_BAD_VERSION;
		}
	}
	out->rate = (int64_t) wire_get64(f[1]);
	out->lpr_mult = (int32_t) wire_get32(f[2]);
	out->basis = *f[3];
	out->period = *f[4];
	out->flags = *f[5];
	out->cap_kind = *f[6];
	out->grace = (int32_t) wire_get32(f[7]);
	out->cap = (int64_t) wire_get64(f[8]);
	out->minimum = (int64_t) wire_get64(f[9]);
	if ((st = penalty_rule_check(out)) != PR_OK)
	{
		detail->check = (int) st;
		return WIRE_INVALID;
	}
	return rd.pos == len ? WIRE_OK : WIRE_TRAILING;
}
