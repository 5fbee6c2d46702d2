/*
 * move.h - a ticket moving between partitions of its table.
 *
 * An UPDATE that moves a row to another partition fires BEFORE UPDATE on
 * the old partition (the trigger records the change there) and then BEFORE
 * INSERT on the new one, in the same statement.  The insert must not start
 * the ticket's clock again: the update leaves word of the row it wrote
 * (root, key, the trigger's columns), and an insert that brings exactly
 * that row is the move arriving, kept as written.
 */
#ifndef CRM_SLA_MOVE_H
#define CRM_SLA_MOVE_H

#include "postgres.h"

#include "sla/mapping.h"
#include "sla/row.h"

/* After an update on a partition: the row as written (its trigger columns by role). */
extern void sla_move_expect(const SlaMapping *m, const char *key, const SlaRow *row);

/* On an insert into a partition: whether this is the row the last update wrote (consumed). */
extern bool sla_move_arrived(const SlaMapping *m, const SlaRow *row);

#endif
