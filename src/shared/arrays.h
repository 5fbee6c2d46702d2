/*
 * arrays.h - two parallel one-dimensional arrays read as pairs: payments
 * (paid_on[i], paid[i]) and excluded periods (from[i], to[i]).
 */
#ifndef CRM_SHARED_ARRAYS_H
#define CRM_SHARED_ARRAYS_H

#include "postgres.h"
#include "utils/array.h"

typedef struct ArrayPair
{
	int			n;
	Datum	   *a;
	bool	   *a_null;
	Datum	   *b;
	bool	   *b_null;
} ArrayPair;

/*
 * Deconstruct a (of type atype) and b (btype), both one-dimensional and of
 * equal length; errors name them as a_name and b_name ("payment dates"),
 * with hint (or none) when their lengths differ.
 */
extern void array_pair(ArrayType *a, Oid atype, const char *a_name,
					   ArrayType *b, Oid btype, const char *b_name,
					   const char *hint, ArrayPair *out);

#endif
