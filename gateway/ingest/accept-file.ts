import { createHash } from 'node:crypto';
import { FileState } from '../pipeline/states.js';
import { appendEvent } from '../store/sql/events.js';
import { findFileIdByIntakeKey, insertReceivedFile } from '../store/sql/received-files.js';
import { withTransaction, type Pool } from '../store/pool.js';

/** One file as a transport hands it over. */
export interface Delivery {
  readonly partner: string;
  readonly source: string;
  readonly originalName: string;
  /** Unique for this delivery; storing the same key again stores nothing. */
  readonly intakeKey: string;
  readonly content: Buffer;
}

export interface Accepted {
  readonly fileId: string;
  /** False when this delivery had been stored before (a retried hand-over). */
  readonly created: boolean;
}

/** Takes deliveries from every transport: the one place where a file becomes the gateway's. */
export type Intake = (delivery: Delivery) => Promise<Accepted>;

/**
 * Bytes, row and a 'file.received' event commit in one transaction; only after the commit is the
 * transport told (the promise resolves), and only then is `afterCommit` asked to start the processing.
 */
export function createIntake(options: {
  pool: Pool;
  actor: string;
  afterCommit: (accepted: Accepted, delivery: Delivery) => void;
}): Intake {
  return async (delivery) => {
    const sha256 = createHash('sha256').update(delivery.content).digest('hex');
    const accepted = await withTransaction(options.pool, async (tx) => {
      const row = await insertReceivedFile(tx, { ...delivery, sha256, receivedBy: options.actor, state: FileState.RECEIVED });
      if (!row) {
        return { fileId: (await findFileIdByIntakeKey(tx, delivery.intakeKey)) as string, created: false };
      }
      await appendEvent(tx, {
        entity: 'file',
        entityId: row.id,
        type: 'file.received',
        actor: options.actor,
        details: { partner: delivery.partner, source: delivery.source, name: delivery.originalName, size: row.size, sha256 },
      });
      return { fileId: row.id, created: true };
    });
    options.afterCommit(accepted, delivery);
    return accepted;
  };
}
