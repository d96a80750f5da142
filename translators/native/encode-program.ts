import type { StructureLoop } from '../structure/match-structure.js';
import { skimAddon, type NativeProgram } from './skim-addon.js';

// A spec as the native fast path reads it: structure, segment definitions and code lists written as one
// flat Int32Array, in the order src/program.cc decodes them:
//   header   1 (format), hierarchical, trailer tag, hierarchy tag, loops, segments, code lists
//   loop     slot count, then per slot: is loop, tag (a loop's trigger), mandatory, max (-1 unbounded), not used, loop or segment index
//   segment  element count, elements, rule count, rules
//   element  mandatory, repeat (0 unbounded), not used, type, min, max, code list (-1 none), component count, components, rule count, rules
//   rule     kind (its letter's code), position count, positions
//   codes    code count, then per code: length, characters
// Tags are numbers: two or three capital letters or digits read as base 36, three-letter ones after all two-letter ones.

export interface ProgramRule {
  /** P paired, R at least one, E at most one, C if first then all, L if first then at least one more. */
  readonly kind: 'P' | 'R' | 'E' | 'C' | 'L';
  readonly positions: readonly number[];
}

export interface ProgramElement {
  readonly mandatory: boolean;
  /** How often the element may repeat; 0 for without limit. */
  readonly repeat: number;
  readonly notUsed: boolean;
  /** The standard's data type as the addon numbers them (src/program.h). */
  readonly type: number;
  readonly min: number;
  readonly max: number;
  readonly codes: ReadonlySet<string> | undefined;
  readonly components: readonly ProgramElement[];
  readonly rules: readonly ProgramRule[];
}

export interface ProgramSegment {
  readonly elements: readonly ProgramElement[];
  readonly rules: readonly ProgramRule[];
}

export interface ProgramSource<D> {
  readonly root: StructureLoop<D>;
  /** The trailer (SE, UNT), whose absence the envelope reports. */
  readonly trailer: string;
  /** The tag whose levels are numbered in order (HL), when the set has a hierarchy. */
  readonly hierarchy: string | undefined;
  segment(definition: D): ProgramSegment;
}

export interface CompiledProgram<D> {
  readonly native: NativeProgram;
  /** The index the addon knows each segment definition by. */
  readonly indexOf: ReadonlyMap<D, number>;
}

const FORMAT = 1;

/** `compile` is the addon's that will read the program: X12's unless said otherwise. */
export function compileProgram<D>(source: ProgramSource<D>, compile: (words: Int32Array) => NativeProgram = skimAddon.compileProgram): CompiledProgram<D> {
  const loops: StructureLoop<D>[] = [];
  const loopIndex = new Map<StructureLoop<D>, number>();
  const segments: D[] = [];
  const indexOf = new Map<D, number>();
  const codeLists: ReadonlySet<string>[] = [];
  const codeListIndex = new Map<ReadonlySet<string>, number>();

  const collect = (loop: StructureLoop<D>): void => {
    loopIndex.set(loop, loops.length);
    loops.push(loop);
    for (const slot of loop.body) {
      if (slot.kind === 'loop') collect(slot);
      else if (!indexOf.has(slot.segment)) {
        indexOf.set(slot.segment, segments.length);
        segments.push(slot.segment);
      }
    }
  };
  collect(source.root);

  const words: number[] = [FORMAT, source.hierarchy === undefined ? 0 : 1, tagCode(source.trailer), source.hierarchy === undefined ? -1 : tagCode(source.hierarchy), loops.length, segments.length];
  const codeListCountAt = words.length;
  words.push(0);
  for (const loop of loops) {
    words.push(loop.body.length);
    for (const slot of loop.body) {
      const max = Number.isFinite(slot.max) ? slot.max : -1;
      const common = [slot.requirement === 'M' ? 1 : 0, max, slot.notUsed ? 1 : 0];
      if (slot.kind === 'loop') words.push(1, tagCode(slot.trigger), ...common, loopIndex.get(slot) as number);
      else words.push(0, tagCode(slot.tag), ...common, indexOf.get(slot.segment) as number);
    }
  }
  const writeRules = (rules: readonly ProgramRule[]) => {
    words.push(rules.length);
    for (const rule of rules) words.push(rule.kind.charCodeAt(0), rule.positions.length, ...rule.positions);
  };
  const writeElement = (element: ProgramElement): void => {
    let list = -1;
    if (element.codes) {
      list = codeListIndex.get(element.codes) ?? codeLists.length;
      if (list === codeLists.length) {
        codeListIndex.set(element.codes, list);
        codeLists.push(element.codes);
      }
    }
    words.push(element.mandatory ? 1 : 0, element.repeat, element.notUsed ? 1 : 0, element.type, element.min, Math.min(element.max, 0x7fffffff), list, element.components.length);
    element.components.forEach(writeElement);
    writeRules(element.rules);
  };
  for (const definition of segments) {
    const segment = source.segment(definition);
    words.push(segment.elements.length);
    segment.elements.forEach(writeElement);
    writeRules(segment.rules);
  }
  words[codeListCountAt] = codeLists.length;
  for (const codes of codeLists) {
    // Bytes are compared as read (latin1); a code with a control character or beyond latin1 is never data.
    const usable = [...codes].filter((code) => /^[\x20-\x7e\x80-\xff]+$/.test(code));
    words.push(usable.length);
    for (const code of usable) words.push(code.length, ...Array.from(code, (character) => character.charCodeAt(0)));
  }
  return { native: compile(Int32Array.from(words)), indexOf };
}

/** A tag as the addon numbers it. */
export function tagCode(tag: string): number {
  let code = 0;
  for (const character of tag) {
    const value = Number.parseInt(character, 36);
    if (Number.isNaN(value) || character !== character.toUpperCase()) throw new RangeError(`"${tag}" is not a segment tag (two or three capital letters or digits).`);
    code = code * 36 + value;
  }
  if (tag.length === 2) return code;
  if (tag.length === 3) return 36 * 36 + code;
  throw new RangeError(`"${tag}" is not a segment tag (two or three capital letters or digits).`);
}
