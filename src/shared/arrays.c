/*
 * arrays.c - parallel arrays read as pairs; see arrays.h.
 */
#include "postgres.h"

#include "utils/lsyscache.h"

#include "shared/arrays.h"

static void
deconstruct_one(ArrayType *arr, Oid type, Datum **values, bool **nulls, int *n)
{
	int16		typlen;
	bool		typbyval;
	char		typalign;

	get_typlenbyvalalign(type, &typlen, &typbyval, &typalign);
	deconstruct_array(arr, type, typlen, typbyval, typalign, values, nulls, n);
}

void
array_pair(ArrayType *a, Oid atype, const char *a_name,
		   ArrayType *b, Oid btype, const char *b_name,
		   const char *hint, ArrayPair *out)
{
	int			na,
				nb;

	if (ARR_NDIM(a) > 1 || ARR_NDIM(b) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("%s and %s must be one-dimensional arrays", a_name, b_name)));
	deconstruct_one(a, atype, &out->a, &out->a_null, &na);
	deconstruct_one(b, btype, &out->b, &out->b_null, &nb);
	if (na != nb)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s (%d) and %s (%d) differ in number", a_name, na, b_name, nb),
				 hint ? errhint("%s", hint) : 0));
	out->n = na;
}
