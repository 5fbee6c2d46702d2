/*
 * schema_version.h - the version of crm_contract's SQL objects installed in
 * this database, for a library newer than them (installed, before ALTER
 * EXTENSION UPDATE runs): functions keep the meaning of the installed version.
 */
#ifndef CRM_SHARED_SCHEMA_VERSION_H
#define CRM_SHARED_SCHEMA_VERSION_H

/* The installed extversion as minor number (0.2 -> 2, 0.3 -> 3); the library's own if not installed. */
extern int	crm_schema_version(void);

#endif
