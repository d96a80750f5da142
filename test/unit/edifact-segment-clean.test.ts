import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { defaultDelimiters, LEVEL_B_DEFAULTS, type EdifactDelimiters } from '../../translators/edifact/delimiters.js';
import { createEdifactReader } from '../../translators/edifact/envelope-reader.js';
import { EdifactSegment } from '../../translators/edifact/segment.js';
import { compiledMessageFor, handledMessages } from '../../translators/edifact/specs/registry.js';
import { standardSpec } from '../../translators/edifact/validating-reader.js';
import { checkElements } from '../../translators/edifact/validator/check-elements.js';
import type { CompiledEdifactElement, CompiledEdifactSegment, CompiledMessage } from '../../translators/edifact/validator/compiled-message.js';
import { plainlyValid } from '../../translators/edifact/validator/skim-program.js';
import { placeSegments } from '../../translators/edifact/validator/validate-message.js';
import type { GuideOverlay } from '../../translators/guide-overlay.js';
import type { StructureLoop } from '../../translators/structure/match-structure.js';
import { CORPUS, corpusEntries } from '../helpers/corpus.js';

// The native segment check (translators/native) stands in for the element checks on segments with nothing
// wrong. It may refuse a valid segment (the checks then settle it), but must never accept one the checks
// would fault: every definition of every handled message, with and without a partner's guide, against
// random segment texts written with several sets of delimiters.

const DELIMITERS: readonly EdifactDelimiters[] = [defaultDelimiters(false), defaultDelimiters(true), LEVEL_B_DEFAULTS, { component: '|', element: '*', decimal: ',', release: '#', repetition: '^', segment: '~' }];

const OVERLAY: GuideOverlay = {
  loops: { SG1: { requirement: 'M' } },
  elements: { 'BGM01-1': { codes: ['220'] }, 'SG2/NAD02-3': { notUsed: true }, BGM02: { min: 3, max: 10 }, 'SG25/QTY01-2': { max: 5 } },
};

interface Definition {
  readonly compiled: CompiledMessage;
  readonly definition: CompiledEdifactSegment;
}

function segmentsOf(loop: StructureLoop<CompiledEdifactSegment>): CompiledEdifactSegment[] {
  return loop.body.flatMap((slot) => (slot.kind === 'segment' ? [slot.segment] : segmentsOf(slot)));
}

const definitions: Definition[] = handledMessages().flatMap(({ directory, type }) => {
  const messages = [compiledMessageFor(directory, type), type === 'ORDERS' && directory === 'D96A' ? compiledMessageFor(directory, type, OVERLAY) : undefined];
  return messages.flatMap((compiled) => (compiled ? segmentsOf(compiled.root).map((definition) => ({ compiled, definition })) : []));
});

/** Values on the edges of what a simple element of this definition allows, written with release characters where they need them. */
function values(element: CompiledEdifactElement | undefined, delimiters: EdifactDelimiters): string[] {
  const release = delimiters.release ?? '';
  const edges = ['', 'A', 'a', '1', '-1', '1.5', '1,5', '-1.5', '.5', '5.', '-', '-.5', '1.2', '1.2.3', '1-2', 'ABC DEF', '\x01', `${release}${delimiters.element}`, `A${release}${delimiters.component}B`, `1${release}.5`, `${release}${release}`, release];
  const simple = element?.simple;
  if (!simple) return edges;
  const codes = [...(simple.codes ?? [])].slice(0, 4);
  const lengths = [simple.min - 1, simple.min, simple.max, simple.max + 1].filter((length) => length >= 0 && length <= 80);
  // A released character is one character of the value, the release character none.
  const released = lengths.filter((length) => length > 0).map((length) => `${'X'.repeat(length - 1)}${release}${delimiters.element}`);
  const writtenReleased = codes.map((code) => `${release}${code}`);
  return [...codes, ...writtenReleased, ...lengths.map((length) => '7'.repeat(length)), ...lengths.map((length) => 'X'.repeat(length)), ...lengths.map((length) => `-${'7'.repeat(length)}`), ...released, ...edges];
}

/** A value the element checks accept for a simple element. */
function cleanValue(simple: NonNullable<CompiledEdifactElement['simple']>): string {
  const [code] = simple.codes ?? [];
  if (code !== undefined) return code;
  return (simple.type === 'n' ? '7' : simple.type === 'a' ? 'A' : 'X').repeat(simple.min);
}

/** An element's text with every mandatory part given a clean value, and nothing else. */
function cleanText(element: CompiledEdifactElement, delimiters: EdifactDelimiters): string {
  if (element.simple) return cleanValue(element.simple);
  const components = element.components ?? [];
  return components.map((component) => (component.requirement === 'M' ? cleanValue(component.simple as NonNullable<CompiledEdifactElement['simple']>) : '')).join(delimiters.component);
}

/** Every segment that sets one element, component or repetition of a definition off the clean, the rest clean where mandatory. */
function oneOff(definition: CompiledEdifactSegment, delimiters: EdifactDelimiters): string[] {
  const base = definition.elements.map((element) => (element.requirement === 'M' ? cleanText(element, delimiters) : ''));
  const segment = (position: number, text: string) => [definition.tag, ...base.map((value, index) => (index === position ? text : value))].join(delimiters.element);
  return definition.elements.flatMap((element, index) => {
    const texts: string[] = [];
    const components = element.components;
    if (components) {
      components.forEach((component, at) => {
        const parts = components.map((part) => (part.requirement === 'M' ? cleanValue(part.simple as NonNullable<CompiledEdifactElement['simple']>) : ''));
        for (const value of values(component, delimiters)) texts.push(parts.map((part, position) => (position === at ? value : part)).join(delimiters.component));
      });
      texts.push(`${cleanText(element, delimiters)}${delimiters.component}X`);
    } else {
      texts.push(...values(element, delimiters), `${cleanText(element, delimiters)}${delimiters.component}X`);
    }
    const clean = cleanText(element, delimiters);
    const repetition = delimiters.repetition;
    if (repetition !== undefined) texts.push(`${clean}${repetition}`, `${repetition}${clean}`, Array.from({ length: element.repeat + 1 }, () => clean).join(repetition), `${clean}${repetition}${clean}`);
    return texts.map((text) => segment(index, text));
  });
}

/** An element's text: a simple value, or a composite's components, with a repetition now and then. */
function elementText(element: CompiledEdifactElement | undefined, delimiters: EdifactDelimiters): fc.Arbitrary<string> {
  const components = element?.components;
  const occurrence = components
    ? fc.tuple(...[...components, undefined].map((component) => fc.constantFrom(...values(component, delimiters)))).chain((parts) => fc.nat({ max: parts.length }).map((count) => parts.slice(0, count).join(delimiters.component)))
    : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values(element, delimiters)) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...values(element, delimiters)), fc.constantFrom(...values(undefined, delimiters))).map((parts) => parts.join(delimiters.component)) });
  const repetition = delimiters.repetition;
  return repetition === undefined ? occurrence : fc.oneof({ weight: 5, arbitrary: occurrence }, { weight: 1, arbitrary: fc.array(occurrence, { minLength: 2, maxLength: 3 }).map((parts) => parts.join(repetition)) });
}

const arbitrarySegment = fc.tuple(fc.nat({ max: definitions.length - 1 }), fc.nat({ max: DELIMITERS.length - 1 })).chain(([index, which]) => {
  const { compiled, definition } = definitions[index] as Definition;
  const delimiters = DELIMITERS[which] as EdifactDelimiters;
  const count = fc.nat({ max: definition.elements.length + 2 });
  return count
    .chain((length) => fc.tuple(...Array.from({ length }, (_, offset) => elementText(definition.elements[offset], delimiters))))
    .map((texts) => ({ compiled, definition, delimiters, text: [definition.tag, ...texts].join(delimiters.element) }));
});

describe('the native EDIFACT segment check', () => {
  it('never accepts a segment the element checks would fault', () => {
    let accepted = 0;
    fc.assert(
      fc.property(arbitrarySegment, ({ compiled, definition, delimiters, text }) => {
        if (!plainlyValid(compiled, definition, text, delimiters)) return;
        accepted += 1;
        expect({ text, problems: checkElements(new EdifactSegment(definition.tag, text, 0, delimiters), definition) }).toEqual({ text, problems: [] });
      }),
      { numRuns: 20_000 },
    );
    expect(accepted).toBeGreaterThan(500);
  });

  it('never accepts a segment with one element, component or repetition off the clean that the element checks would fault', () => {
    let accepted = 0;
    for (const { compiled, definition } of definitions) {
      for (const delimiters of [DELIMITERS[1], DELIMITERS[3]] as EdifactDelimiters[]) {
        for (const text of oneOff(definition, delimiters)) {
          if (!plainlyValid(compiled, definition, text, delimiters)) continue;
          accepted += 1;
          const problems = checkElements(new EdifactSegment(definition.tag, text, 0, delimiters), definition);
          if (problems.length > 0) throw new Error(`accepted ${text}, which the element checks fault: ${problems[0]?.message}`);
        }
      }
    }
    expect(accepted).toBeGreaterThan(5000);
  });

  it('accepts the segments of the corpus that the element checks accept, but for values it leaves to them', () => {
    const fixtures = path.resolve('test/fixtures/edifact');
    const files = [...corpusEntries('edifact/').map((entry) => path.join(CORPUS, entry.name)), ...fs.readdirSync(fixtures).map((file) => path.join(fixtures, file))];
    const refused: string[] = [];
    let checked = 0;
    for (const file of files) {
      const reader = createEdifactReader({
        message(message) {
          const compiled = standardSpec(message);
          if (!compiled) return;
          const { placed, definitions: placedDefinitions } = placeSegments(message, compiled);
          placed.forEach((node, index) => {
            if (node.tag === 'UNH' || node.tag === 'UNT') return;
            const definition = placedDefinitions[index] as CompiledEdifactSegment;
            const { text, delimiters } = node.segment;
            const clean = checkElements(node.segment, definition).length === 0;
            const accepted = plainlyValid(compiled, definition, text, delimiters);
            checked += 1;
            if (accepted && !clean) throw new Error(`${file}: accepted ${text}, which the element checks fault`);
            if (clean && !accepted) refused.push(text);
          });
        },
      });
      reader.write(fs.readFileSync(file));
      reader.end();
    }
    expect(checked).toBeGreaterThan(2000);
    // What it leaves to the element checks: a release character in a number or a coded value, an empty
    // repetition, a character beyond latin1.
    const release = (text: string) => /\?./.test(text);
    expect(refused.filter((text) => !release(text) && !/[^\x00-\xff]/.test(text))).toEqual([]);
  });
});
