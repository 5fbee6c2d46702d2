/*
 * owner.h - the owner of one of the extension's tables: the role the SLA
 * code reads and writes its own records as, for exactly one statement
 * (SetUserIdAndSecContext, as PostgreSQL's referential-integrity triggers
 * do), never through SECURITY DEFINER.
 */
#ifndef CRM_SHARED_OWNER_H
#define CRM_SHARED_OWNER_H

#include "postgres.h"

/* The owner of crm_contract.<relname>; 42P01 if there is no such table. */
extern Oid	crm_table_owner(const char *relname);

#endif
