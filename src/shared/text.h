/*
 * text.h - dates and instants written into messages: ISO 8601 whatever the
 * session's DateStyle, so that errors, event details and NOTIFY payloads read
 * the same for every client.
 */
#ifndef CRM_SHARED_TEXT_H
#define CRM_SHARED_TEXT_H

#include "postgres.h"
#include "datatype/timestamp.h"

/* A day number (days since 2000-01-01) as YYYY-MM-DD, palloc'd. */
extern char *crm_date_text(int64 day);

/* An instant as ISO 8601 with the session's UTC offset (2026-10-08T10:00:00+08:00), palloc'd. */
extern char *crm_timestamptz_text(TimestampTz t);

#endif
