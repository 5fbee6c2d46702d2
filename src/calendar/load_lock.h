/*
 * load_lock.h - the lock between loading a calendar's year (exclusive) and
 * storing deadlines computed on it (shared), so that no deadline is stored
 * on the forecast while, or after, the notice that replaces it is loaded.
 */
#ifndef CRM_CALENDAR_LOAD_LOCK_H
#define CRM_CALENDAR_LOAD_LOCK_H

#include <stdbool.h>

/*
 * The shared lock, held to the end of the transaction; true if it had to wait
 * for a load, whose calendar rows the caller must then read afresh.
 */
extern bool calendar_share_load_lock(const char *name);

/*
 * Whether this transaction holds a calendar's load lock exclusive: a write
 * that waits for the load then holds its row locks, so the load's own
 * recomputation must skip locked rows (the waiting write recomputes them).
 */
extern bool calendar_loading(void);

#endif
