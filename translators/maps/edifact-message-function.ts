import type { Order } from '../canonical/index.js';
import type { TreeSegment } from '../tree.js';
import { codeOf, type InboundProblems } from './edifact-reading.js';
import type { MapOptions } from './map-contract.js';
import { codeOut } from './map-options.js';

// BGM03, the message function (1225), as the canonical purpose: whether a document is new or replaces,
// changes or cancels one sent before. A message that leaves it out is an original.

type Purpose = Order['purpose'];

/** 1225 codes read; 3 (deletion) and 31 (copy) mean what 1 and 7 do, which are the ones written. */
const PURPOSES: Readonly<Record<string, Purpose>> = {
  '9': 'original',
  '4': 'change',
  '5': 'replacement',
  '1': 'cancellation',
  '3': 'cancellation',
  '7': 'duplicate',
  '31': 'duplicate',
};

export function readPurpose(problems: InboundProblems, bgm: TreeSegment | undefined, options: MapOptions): Purpose | undefined {
  if (bgm === undefined || bgm.value('BGM03') === '') return 'original';
  const purpose = PURPOSES[codeOf(options, bgm, 'BGM03')];
  if (purpose === undefined) problems.unknownCode(bgm, 'BGM03', 'a message function');
  return purpose;
}

export function purposeCode(options: MapOptions, purpose: Purpose): string {
  return codeOut(options, 'BGM03', Object.entries(PURPOSES).find(([, meaning]) => meaning === purpose)?.[0] as string);
}
