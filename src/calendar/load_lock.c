/*
 * load_lock.c - a transaction-level advisory lock per calendar name.  Writers
 * of stored deadlines (the forecast lookups) take it shared, once per
 * transaction; load_holiday_notice takes it exclusive before it changes the
 * calendar.  So a load waits for the writers in flight and recomputes what
 * they stored, and a writer that comes during a load waits and then computes
 * on the loaded days.  Its key: class 0x63726d01 ("crm" 1) and the name's hash.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/lock.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/inval.h"

#include "calendar/load_lock.h"

#define LOAD_LOCK_CLASS 0x63726d01

/* the transaction that took a load lock exclusive, and the lock (a savepoint's rollback releases it) */
static LocalTransactionId loading_lxid = InvalidLocalTransactionId;
static LOCKTAG loading_tag;

static void
load_lock_tag(LOCKTAG *tag, const char *name)
{
	uint32		h = DatumGetUInt32(hash_any((const unsigned char *) name, (int) strlen(name)));

	SET_LOCKTAG_ADVISORY(*tag, MyDatabaseId, LOAD_LOCK_CLASS, h, 2);
}

bool
calendar_share_load_lock(const char *name)
{
	LOCKTAG		tag;

	load_lock_tag(&tag, name);
	if (LockAcquire(&tag, ShareLock, false, true) != LOCKACQUIRE_NOT_AVAIL)
		return false;
	LockAcquire(&tag, ShareLock, false, false);
	AcceptInvalidationMessages();	/* the load's changes, now committed */
	return true;
}

/* lock_calendar_for_load(calendar): the exclusive lock, for load_holiday_notice */
PG_FUNCTION_INFO_V1(crm_lock_calendar_for_load);
Datum
crm_lock_calendar_for_load(PG_FUNCTION_ARGS)
{
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	LOCKTAG		tag;

	load_lock_tag(&tag, name);
	LockAcquire(&tag, ExclusiveLock, false, false);
	loading_lxid = MyProc->lxid;
	loading_tag = tag;
	PG_RETURN_VOID();
}

bool
calendar_loading(void)
{
	return loading_lxid != InvalidLocalTransactionId && loading_lxid == MyProc->lxid &&
		LockHeldByMe(&loading_tag, ExclusiveLock);
}
