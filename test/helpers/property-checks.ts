// What the X12 and EDIFACT property tests check alike: that nothing is left on the built-in prototypes, and
// that time grows linearly with the sets or messages of a file (its envelope kept, its body repeated).

export type PrototypeSnapshot = Map<string, readonly unknown[]>;

/** Every property of Object, Array and String.prototype, with its descriptor. */
export function prototypeSnapshot(): PrototypeSnapshot {
  const snapshot: PrototypeSnapshot = new Map();
  for (const [name, prototype] of [['Object', Object.prototype], ['Array', Array.prototype], ['String', String.prototype]] as const) {
    for (const key of Reflect.ownKeys(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key) as PropertyDescriptor;
      snapshot.set(`${name}.prototype.${String(key)}`, [descriptor.value, descriptor.get, descriptor.set, descriptor.writable, descriptor.enumerable, descriptor.configurable]);
    }
  }
  return snapshot;
}

/** The prototype properties added, removed or changed between two snapshots. */
export function changedProperties(before: PrototypeSnapshot, after: PrototypeSnapshot): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => {
    const was = before.get(key);
    const is = after.get(key);
    return !was || !is || was.some((value, index) => !Object.is(value, is[index]));
  });
}

export interface Layout {
  /** The envelope up to the first set or message header (ISA and GS; UNA, UNB and UNG). */
  readonly prefix: string;
  /** The first set or message header to the last trailer, with whatever lies between. */
  readonly body: string;
  /** The envelope after the last trailer (GE and IEA; UNE and UNZ). */
  readonly suffix: string;
}

/** A file's segments (terminators included) split around its sets or messages, or undefined when it has none. */
export function layoutOf(parts: readonly string[], tags: readonly string[], header: string, trailer: string): Layout | undefined {
  const first = tags.indexOf(header);
  const last = tags.lastIndexOf(trailer);
  if (first < 0 || last < first) return undefined;
  return { prefix: parts.slice(0, first).join(''), body: parts.slice(first, last + 1).join(''), suffix: parts.slice(last + 1).join('') };
}

/** The body is repeated to at least this many bytes for k = 1, so that fixed costs do not hide the rest. */
export const BASE_BYTES = 16 * 1024;
/** Runs of each size; the least CPU time of them is what the work itself costs, without GC or a busy neighbour. */
export const REPETITIONS = 5;

export async function cpuMicros(run: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await run();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}
