import type { Diagnostic } from '../diagnostic.js';
import { createX12Reader, type GroupHeader, type InterchangeHeader, type TransactionSet } from './envelope-reader.js';
import type { Segment } from './segment.js';

export interface ReadInterchange {
  readonly header: InterchangeHeader;
  readonly groups: { readonly header: GroupHeader; readonly sets: TransactionSet[] }[];
  /** Segments directly in the interchange, such as TA1. */
  readonly segments: Segment[];
}

/** The whole of a small file in memory (tests, tools); the gateway streams through createX12Reader. */
export function readX12(chunks: Iterable<Uint8Array>): { interchanges: ReadInterchange[]; diagnostics: Diagnostic[] } {
  const interchanges: ReadInterchange[] = [];
  const diagnostics: Diagnostic[] = [];
  const reader = createX12Reader({
    interchange: (header) => void interchanges.push({ header, groups: [], segments: [] }),
    group: (header) => void interchanges.at(-1)?.groups.push({ header, sets: [] }),
    transactionSet: (set) => void interchanges.at(-1)?.groups.at(-1)?.sets.push(set),
    interchangeSegment: (segment) => void interchanges.at(-1)?.segments.push(segment),
    diagnostic: (diagnostic) => void diagnostics.push(diagnostic),
  });
  for (const chunk of chunks) reader.write(chunk);
  reader.end();
  return { interchanges, diagnostics };
}
