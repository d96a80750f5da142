import type { Row } from './model-spec.js';

/**
 * The in-memory tables. Every RPC call runs in `transaction`: a failure restores the tables as they were,
 * while id and document sequences keep moving, as PostgreSQL sequences do (ids are never reused).
 */
export class Database {
  private tables = new Map<string, Map<number, Row>>();
  private readonly ids = new Map<string, number>();
  private readonly sequences = new Map<string, number>();
  private depth = 0;

  table(model: string): Map<number, Row> {
    let table = this.tables.get(model);
    if (!table) {
      table = new Map();
      this.tables.set(model, table);
    }
    return table;
  }

  nextId(model: string): number {
    const id = (this.ids.get(model) ?? 0) + 1;
    this.ids.set(model, id);
    return id;
  }

  /** The next number of a document sequence (`sale.order` -> 1, 2, ...). */
  nextNumber(sequence: string): number {
    const number = (this.sequences.get(sequence) ?? 0) + 1;
    this.sequences.set(sequence, number);
    return number;
  }

  transaction<T>(work: () => T): T {
    if (this.depth > 0) return work();
    const snapshot = structuredClone(this.tables);
    this.depth += 1;
    try {
      return work();
    } catch (error) {
      this.tables = snapshot;
      throw error;
    } finally {
      this.depth -= 1;
    }
  }
}
