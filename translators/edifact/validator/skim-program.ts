import { compileProgram, type CompiledProgram, type ProgramElement } from '../../native/encode-program.js';
import { edifactSkimAddon } from '../../native/skim-addon.js';
import { nativeDelimiters } from '../native-syntax.js';
import type { EdifactDelimiters } from '../delimiters.js';
import type { ElementFormat } from '../specs/spec-types.js';
import type { CompiledEdifactElement, CompiledEdifactSegment, CompiledMessage } from './compiled-message.js';

// A compiled message (partner overlay applied) as the native fast path reads it, compiled once per message,
// and the fast path's judgement of one segment for the validator.

export type EdifactSkimProgram = CompiledProgram<CompiledEdifactSegment>;

/** Data types as src/program.h numbers them. */
const TYPES: Record<ElementFormat['type'], number> = { a: 7, an: 8, n: 9 };

const programs = new WeakMap<CompiledMessage, EdifactSkimProgram>();

export function skimProgramFor(compiled: CompiledMessage): EdifactSkimProgram {
  let program = programs.get(compiled);
  if (!program) {
    program = compileProgram(
      { root: compiled.root, trailer: 'UNT', hierarchy: undefined, segment: (definition) => ({ elements: definition.elements.map(programElement), rules: [] }) },
      edifactSkimAddon.compileProgram,
    );
    programs.set(compiled, program);
  }
  return program;
}

function programElement(element: CompiledEdifactElement): ProgramElement {
  const simple = element.simple;
  return {
    mandatory: element.requirement === 'M',
    repeat: element.repeat,
    notUsed: element.notUsed,
    type: simple ? TYPES[simple.type] : TYPES.an,
    min: simple?.min ?? 0,
    max: simple?.max ?? 0,
    codes: simple?.codes,
    components: (element.components ?? []).map(programElement),
    rules: [],
  };
}

/** Text decoded from UTF-8 or an ISO 8859 part may hold characters the addon cannot take as bytes. */
const BEYOND_LATIN1 = /[^\x00-\xff]/;

/** Whether the segment's text certainly has no data element problem under its definition in this message. */
export function plainlyValid(compiled: CompiledMessage, definition: CompiledEdifactSegment, text: string, delimiters: EdifactDelimiters): boolean {
  const words = nativeDelimiters(delimiters);
  const program = skimProgramFor(compiled);
  const index = program.indexOf.get(definition);
  return words !== null && index !== undefined && !BEYOND_LATIN1.test(text) && edifactSkimAddon.edifactSegmentClean(program.native, index, text, words);
}
