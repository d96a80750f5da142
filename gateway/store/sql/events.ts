import type { Queryable } from '../pool.js';

export interface NewEvent {
  /** What the event is about: 'file', 'gateway', ... */
  readonly entity: string;
  readonly entityId: string;
  /** Past tense, dotted: 'file.received', 'file.identified'. */
  readonly type: string;
  readonly details?: Readonly<Record<string, unknown>>;
  /** Who did it: an instance name for the gateway itself, a user name for a person. */
  readonly actor: string;
}

export interface EventRow {
  readonly id: string;
  readonly entity: string;
  readonly entityId: string;
  readonly type: string;
  readonly details: Record<string, unknown>;
  readonly actor: string;
  readonly at: Date;
}

/** Appends one event; pass the transaction's client so the event commits with the change it records. */
export async function appendEvent(db: Queryable, event: NewEvent): Promise<void> {
  await db.query('INSERT INTO events (entity, entity_id, type, details, actor) VALUES ($1, $2, $3, $4, $5)', [
    event.entity,
    event.entityId,
    event.type,
    JSON.stringify(event.details ?? {}),
    event.actor,
  ]);
}

export async function listEvents(db: Queryable, entity: string, entityId: string): Promise<EventRow[]> {
  const result = await db.query(
    `SELECT id, entity, entity_id AS "entityId", type, details, actor, at
       FROM events WHERE entity = $1 AND entity_id = $2 ORDER BY events.id`,
    [entity, entityId],
  );
  return result.rows as EventRow[];
}
