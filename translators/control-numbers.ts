// Control numbers for what the gateway writes: ISA13 / UNB 0020 for interchanges, GS06 / UNG 0048 for
// groups, ST02 / UNH 0062 for transaction sets and messages. Translators ask an allocator and never count
// on their own, so numbers stay unique per partner however many gateway instances write at once.

export type ControlNumberKind = 'interchange' | 'group' | 'set';

export interface ControlNumberAllocator {
  /**
   * The next number of `kind` for `partner`, from 1 up to `max`, then 1 again. Two calls never get the
   * same number until the counter has gone round.
   */
  next(partner: string, kind: ControlNumberKind, max: number): Promise<number>;
}

/** Counters in memory: for the CLI and tests, where one process is the only writer. */
export function createMemoryAllocator(start: Partial<Record<ControlNumberKind, number>> = {}): ControlNumberAllocator {
  const last = new Map<string, number>();
  return {
    async next(partner, kind, max) {
      const key = `${partner}\u0000${kind}`;
      const previous = last.get(key) ?? (start[kind] ?? 1) - 1;
      const value = previous >= max ? 1 : previous + 1;
      last.set(key, value);
      return value;
    },
  };
}
