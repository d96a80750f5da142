import { compileProgram, type CompiledProgram, type ProgramElement, type ProgramRule } from '../../native/encode-program.js';
import { skimAddon } from '../../native/skim-addon.js';
import { nativeDelimiters } from '../native-delimiters.js';
import type { X12Delimiters } from '../segment.js';
import type { ElementType } from '../specs/spec-types.js';
import type { CompiledElement, CompiledSegment, CompiledSet, SyntaxRule } from './compiled-spec.js';

// A compiled transaction set (partner overlay applied) as the native fast path reads it, compiled once per
// set, and the fast path's judgement of one segment for the validator.

export type X12SkimProgram = CompiledProgram<CompiledSegment>;

/** Data types as src/program.h numbers them; every Nn is N, the implied decimals not changing what is valid. */
const TYPES: Record<ElementType, number> = { AN: 0, ID: 1, R: 2, DT: 3, TM: 4, B: 5, N: 6, N0: 6, N1: 6, N2: 6, N3: 6, N4: 6, N5: 6, N6: 6, N7: 6, N8: 6, N9: 6 };

const programs = new WeakMap<CompiledSet, X12SkimProgram>();

export function skimProgramFor(compiled: CompiledSet): X12SkimProgram {
  let program = programs.get(compiled);
  if (!program) {
    program = compileProgram({
      root: compiled.root,
      trailer: 'SE',
      hierarchy: compiled.hierarchical ? 'HL' : undefined,
      segment: (definition) => ({ elements: definition.elements.map(programElement), rules: definition.rules.map(programRule) }),
    });
    programs.set(compiled, program);
  }
  return program;
}

function programElement(element: CompiledElement): ProgramElement {
  const simple = element.simple;
  return {
    mandatory: element.requirement === 'M',
    repeat: Number.isFinite(element.repeat) ? element.repeat : 0,
    notUsed: element.notUsed,
    type: simple ? TYPES[simple.type] : TYPES.AN,
    min: simple?.min ?? 0,
    max: simple?.max ?? 0,
    codes: simple?.codes,
    components: (element.components ?? []).map(programElement),
    rules: element.rules.map(programRule),
  };
}

function programRule(rule: SyntaxRule): ProgramRule {
  return { kind: rule.kind, positions: rule.positions };
}

/** Whether the segment's text certainly has no element problem under its definition in this set. */
export function plainlyValid(compiled: CompiledSet, definition: CompiledSegment, text: string, delimiters: X12Delimiters): boolean {
  const words = nativeDelimiters(delimiters);
  const program = skimProgramFor(compiled);
  const index = program.indexOf.get(definition);
  return words !== null && index !== undefined && skimAddon.x12SegmentClean(program.native, index, text, words);
}
