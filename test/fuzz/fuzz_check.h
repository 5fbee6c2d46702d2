/*
 * fuzz_check.h - what every libFuzzer harness of the core checks with: a
 * failed check prints the harness file, the line and the condition, then
 * aborts (libFuzzer keeps the input as a crash artifact).
 */
#ifndef CRM_FUZZ_CHECK_H
#define CRM_FUZZ_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define CHECK(cond) do { \
		if (!(cond)) { \
			fprintf(stderr, "%s: check failed at line %d: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

#define CHECK_EQ(a, b) do { \
		int64_t a_ = (a), b_ = (b); \
		if (a_ != b_) { \
			fprintf(stderr, "%s: line %d: %s = %lld != %s = %lld\n", __FILE__, __LINE__, \
					#a, (long long) a_, #b, (long long) b_); \
			abort(); \
		} \
	} while (0)

#endif
