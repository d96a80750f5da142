import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createX12Reader } from '../../translators/x12/envelope-reader.js';
import { Segment, type X12Delimiters } from '../../translators/x12/segment.js';
import type { GuideOverlay } from '../../translators/guide-overlay.js';
import { compiledSpecFor, handledSets } from '../../translators/x12/specs/registry.js';
import { checkElements } from '../../translators/x12/validator/check-elements.js';
import type { CompiledElement, CompiledLoop, CompiledSegment, CompiledSet } from '../../translators/x12/validator/compiled-spec.js';
import { matchStructure } from '../../translators/x12/validator/match-structure.js';
import { plainlyValid } from '../../translators/x12/validator/skim-program.js';
import { CORPUS, corpusEntries } from '../helpers/corpus.js';

// The native segment check (translators/native) stands in for the element checks on segments with nothing
// wrong. It may refuse a valid segment (the checks then settle it), but must never accept one the checks
// would fault: every definition of every handled set, with and without a partner's guide, against random
// segment texts.

const DELIMITERS: Record<'004010' | '005010', X12Delimiters> = {
  '004010': { element: '*', component: '>', repetition: undefined, segment: '~' },
  '005010': { element: '*', component: ':', repetition: '^', segment: '~' },
};

const OVERLAY: GuideOverlay = {
  segments: { REF: { requirement: 'M' } },
  elements: { BEG02: { codes: ['DS', 'SA'] }, BEG04: { notUsed: true }, 'N1/N104': { requirement: 'M' }, 'PO1/PO102': { max: 5 } },
};

interface Definition {
  readonly version: '004010' | '005010';
  readonly compiled: CompiledSet;
  readonly definition: CompiledSegment;
}

function segmentsOf(loop: CompiledLoop): CompiledSegment[] {
  return loop.body.flatMap((slot) => (slot.kind === 'segment' ? [slot.segment] : segmentsOf(slot)));
}

const definitions: Definition[] = handledSets().flatMap((entry) => {
  const [id, version] = entry.split(' ') as [string, '004010' | '005010'];
  const sets = [compiledSpecFor(version, id), id === '850' ? compiledSpecFor(version, id, OVERLAY) : undefined];
  return sets.flatMap((set) => (set ? segmentsOf(set.root).map((definition) => ({ version, compiled: set, definition })) : []));
});

/** Values that sit on the edges of what an element of this definition allows. */
function candidates(element: CompiledElement | undefined, delimiters: X12Delimiters): string[] {
  const simple = element?.simple;
  const edges = ['', 'A', '1', '-1', '1.5', '.5', '5.', '1E3', '1.2.3', 'ABC DEF', '\x01', '20240229', '20230229', '20251301', '250107', '1305', '2460', '130560', '1305599'];
  if (!simple) {
    const parts = (element?.components ?? []).map((component) => candidates(component, delimiters)[0] ?? '');
    return [...edges, parts.join(delimiters.component), parts.slice(0, 1).join(delimiters.component), `${parts.join(delimiters.component)}${delimiters.component}X`];
  }
  const codes = [...(simple.codes ?? [])].slice(0, 4);
  const lengths = [simple.min - 1, simple.min, simple.max, simple.max + 1].filter((length) => length >= 0 && length <= 100);
  return [...codes, ...lengths.map((length) => '7'.repeat(length)), ...lengths.map((length) => 'X'.repeat(length)), ...edges];
}

const arbitrarySegment = fc.integer({ min: 0, max: definitions.length - 1 }).chain((index) => {
  const { version, compiled, definition } = definitions[index] as Definition;
  const delimiters = DELIMITERS[version];
  const reserved = [delimiters.element, delimiters.component, delimiters.repetition ?? '^'];
  const element = (position: number) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...candidates(definition.elements[position - 1], delimiters)) },
      { weight: 1, arbitrary: fc.array(fc.constantFrom(...candidates(definition.elements[position - 1], delimiters)), { minLength: 2, maxLength: 3 }).map((parts) => parts.join(delimiters.repetition ?? '^')) },
      { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('A', '0', '.', '-', ' ', ...reserved, '\x7f'), maxLength: 6 }) },
    );
  const count = fc.integer({ min: 0, max: definition.elements.length + 2 });
  return count.chain((length) => fc.tuple(...Array.from({ length }, (_, offset) => element(offset + 1)))).map((values) => ({ version, compiled, definition, text: [definition.tag, ...values].join(delimiters.element) }));
});

describe('the native segment check', () => {
  it('never accepts a segment the element checks would fault', () => {
    fc.assert(
      fc.property(arbitrarySegment, ({ version, compiled, definition, text }) => {
        const delimiters = DELIMITERS[version];
        if (!plainlyValid(compiled, definition, text, delimiters)) return;
        const options = { component: delimiters.component, repetition: delimiters.repetition, version5010: version === '005010' };
        expect(checkElements(new Segment(definition.tag, text, 0, delimiters.element), definition, options)).toEqual([]);
      }),
      { numRuns: 20_000 },
    );
  });

  it('accepts every segment of the corpus that the element checks accept, so that they run only on faults', () => {
    const files = corpusEntries('x12/').map((entry) => entry.name);
    const disagreements: string[] = [];
    let checked = 0;
    for (const file of files) {
      let delimiters: X12Delimiters | undefined;
      const reader = createX12Reader({
        interchange: (header) => void (delimiters = header.delimiters),
        transactionSet: (set) => {
          const compiled = compiledSpecFor(set.groupVersion, set.id);
          if (!compiled || !delimiters) return;
          const version5010 = set.groupVersion.startsWith('005');
          const { placed, definitions: placedDefinitions } = matchStructure(compiled, set.segments, delimiters, version5010);
          placed.forEach((node, index) => {
            const definition = placedDefinitions[index] as CompiledSegment;
            const faults = checkElements(node.segment, definition, { component: (delimiters as X12Delimiters).component, repetition: (delimiters as X12Delimiters).repetition, version5010 });
            checked += 1;
            if ((faults.length === 0) !== plainlyValid(compiled, definition, node.segment.text, delimiters as X12Delimiters)) disagreements.push(`${file}: ${node.segment.text}`);
          });
        },
      });
      reader.write(fs.readFileSync(path.join(CORPUS, file)));
      reader.end();
    }
    expect(checked).toBeGreaterThan(5000);
    expect(disagreements).toEqual([]);
  });

  it('leaves 29 February and exponents to the element checks, which accept them where they are right', () => {
    const { compiled, definition: dtm } = definitions.find(({ version, definition }) => version === '004010' && definition.tag === 'DTM') as Definition;
    const options = { component: '>', repetition: undefined, version5010: false };
    for (const text of ['DTM*011*20240229', 'DTM*011*20230229']) {
      expect(plainlyValid(compiled, dtm, text, DELIMITERS['004010'])).toBe(false);
    }
    expect(checkElements(new Segment('DTM', 'DTM*011*20240229', 0, '*'), dtm, options)).toEqual([]);
    expect(checkElements(new Segment('DTM', 'DTM*011*20230229', 0, '*'), dtm, options)).toHaveLength(1);
    expect(plainlyValid(compiled, dtm, 'DTM*011*20250228', DELIMITERS['004010'])).toBe(true);
  });
});
