import type { X12Delimiters } from '../segment.js';
import { UNBOUNDED } from '../specs/spec-types.js';
import type { CompiledElement, CompiledSegment, CompiledSimple, SyntaxRule } from './compiled-spec.js';

// A segment definition, syntax notes included, as one regular expression over the segment's text, so that
// the common case, a segment with nothing wrong, is settled by the regular-expression engine in one native
// pass instead of element by element. The expression is conservative: whatever it accepts, the element
// checks would find nothing wrong with; a few unusual but valid values (29 February, exponents in R,
// binary data) are refused by it and settled by those checks instead.

/** Whether the segment's text certainly has no element problem under its definition. */
export function plainlyValid(definition: CompiledSegment, text: string, delimiters: X12Delimiters): boolean {
  return patternFor(definition, delimiters).test(text);
}

interface CachedPattern {
  readonly element: string;
  readonly component: string;
  readonly repetition: string | undefined;
  readonly pattern: RegExp;
}

// A file nearly always keeps one set of delimiters, so one pattern per definition is kept: the latest.
const cache = new WeakMap<CompiledSegment, CachedPattern>();

function patternFor(definition: CompiledSegment, delimiters: X12Delimiters): RegExp {
  const cached = cache.get(definition);
  if (cached && cached.element === delimiters.element && cached.component === delimiters.component && cached.repetition === delimiters.repetition) return cached.pattern;
  const pattern = new RegExp(segmentSource(definition, delimiters));
  cache.set(definition, { element: delimiters.element, component: delimiters.component, repetition: delimiters.repetition, pattern });
  return pattern;
}

/** The pattern's source; exported so tests can show what a definition becomes. */
export function segmentSource(definition: CompiledSegment, delimiters: X12Delimiters): string {
  const separator = escape(delimiters.element);
  const { start, values } = withNotes(
    definition.elements.map((element) => elementSource(element, delimiters)),
    definition.rules,
    separator,
    `[^${separator}]`,
    0,
  );
  return `^${start}${escape(definition.tag)}${nested(values, separator)}(?:${separator})*$`;
}

/**
 * Syntax notes as look-aheads. A note is checked where its first element starts, looking ahead only as far
 * as its last: a segment (or composite) that stops before that element has none of the note's elements,
 * which satisfies every kind of note but R. An R note (at least one) is checked from the start instead: from
 * `origin`, the position where the text begins (0, the tag, for a segment; 1 for a composite).
 */
function withNotes(values: readonly Value[], rules: readonly SyntaxRule[], separator: string, field: string, origin: number): { start: string; values: Value[] } {
  const guarded = [...values];
  let start = '';
  for (const rule of rules) {
    const from = rule.kind === 'R' ? origin : Math.min(...rule.positions);
    const value = guarded[from - 1];
    if (value) guarded[from - 1] = { ...value, guard: value.guard + ruleSource(rule, from, separator, field) };
    else start += ruleSource(rule, origin, separator, field);
  }
  return { start, values: guarded };
}

/**
 * Values in order, each after its separator: later values may be left off entirely. A value that can be
 * empty, followed only by values that can, is optional.
 */
function nested(values: readonly Value[], separator: string): string {
  let source = '';
  for (let index = values.length - 1; index >= 0; index -= 1) {
    const value = values[index] as Value;
    const optional = values.slice(index).every((later) => later.mayBeEmpty);
    source = `(?:${separator}${value.guard}${value.source}${source})${optional ? '?' : ''}`;
  }
  return source;
}

interface Value {
  readonly source: string;
  readonly mayBeEmpty: boolean;
  /** Look-aheads checked where the value starts: the syntax notes whose first element it is. */
  readonly guard: string;
}

const NOTHING: Value = { source: '', mayBeEmpty: true, guard: '' };

function elementSource(element: CompiledElement, delimiters: X12Delimiters): Value {
  if (element.notUsed) return NOTHING;
  const single = element.components ? compositeSource(element, delimiters) : simpleSource(element.simple as CompiledSimple, delimiters);
  // Each repetition is checked alone, and an empty one is no error.
  const repetition = delimiters.repetition === undefined || element.repeat === 1 ? undefined : escape(delimiters.repetition);
  const source = repetition ? `(?:${single})?(?:${repetition}(?:${single})?)${element.repeat === UNBOUNDED ? '*' : `{0,${element.repeat - 1}}`}` : single;
  if (element.requirement === 'M') {
    // A simple value is never empty; a composite or repeated one may match nothing, and needs some text: even
    // separators alone, for which the checks find components or repetitions missing, not the element.
    const present = element.components || repetition ? `(?=[^${escape(delimiters.element)}])` : '';
    return { source: `${present}${source}`, mayBeEmpty: false, guard: '' };
  }
  return { source: `(?:${source})?`, mayBeEmpty: true, guard: '' };
}

/** A composite's components, which may all be empty. */
function compositeSource(element: CompiledElement, delimiters: X12Delimiters): string {
  const separator = escape(delimiters.component);
  const { start, values } = withNotes(
    (element.components as readonly CompiledElement[]).map((component) => elementSource(component, delimiters)),
    element.rules,
    separator,
    `[^${escape(delimiters.element)}${separator}]`,
    1,
  );
  const [first, ...others] = values as [Value, ...Value[]];
  return `${start}${first.guard}${first.source}${nested(others, separator)}(?:${separator})*`;
}

/** A non-empty value of the type, within its lengths and codes, that cannot be mistaken for anything else. */
function simpleSource(simple: CompiledSimple, delimiters: X12Delimiters): string {
  const reserved = [delimiters.element, delimiters.component, delimiters.repetition ?? ''].join('');
  // Control characters are never data; separators inside a value make it a composite or repetition.
  const character = `[^\\x00-\\x1f\\x7f${escape(reserved)}]`;
  const min = Math.max(simple.min, 1);
  const { max } = simple;
  if (min > max) return '(?!)';
  switch (simple.type) {
    case 'AN':
      return `${character}{${min},${max}}`;
    case 'ID': {
      if (!simple.codes) return `${character}{${min},${max}}`;
      const codes = [...simple.codes].filter((code) => code.length >= min && code.length <= max && !/[\x00-\x1f\x7f]/.test(code) && ![...reserved].some((reservedCharacter) => code.includes(reservedCharacter)));
      return codes.length === 0 ? '(?!)' : `(?:${codes.map(escape).join('|')})`;
    }
    case 'R':
      // Digits, at most one decimal point; the length counts digits only. Exponents (005010) take the long way.
      return `-?(?=(?:\\.?\\d){${min},${max}}(?!\\.?\\d))(?:\\d+\\.?\\d*|\\.\\d+)`;
    case 'DT':
      return alternatives([6, 8].filter((length) => length >= min && length <= max).map((length) => (length === 8 ? `\\d\\d${YYMMDD}` : YYMMDD)));
    case 'TM':
      return alternatives([4, 6, 7, 8].filter((length) => length >= min && length <= max).map((length) => `${HHMM}${length > 4 ? '[0-5]\\d' : ''}${'\\d'.repeat(Math.max(length - 6, 0))}`));
    case 'B':
      return '(?!)';
    default:
      return `-?\\d{${min},${max}}`;
  }
}

/** A day that exists in every year; 29 February is left to the element checks. */
const YYMMDD = '\\d\\d(?:(?:0[13578]|1[02])(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)(?:0[1-9]|[12]\\d|30)|02(?:0[1-9]|1\\d|2[0-8]))';
const HHMM = '(?:[01]\\d|2[0-3])[0-5]\\d';

function alternatives(sources: readonly string[]): string {
  return sources.length === 0 ? '(?!)' : `(?:${sources.join('|')})`;
}

/** A syntax note as look-aheads from where value `from` starts (0: one before the first); `field` matches a character of a value. */
function ruleSource(rule: SyntaxRule, from: number, separator: string, field: string): string {
  const present = (position: number) => `${position > from ? `(?:${field}*${separator}){${position - from}}` : ''}${field}`;
  const all = (positions: readonly number[]) => positions.map((position) => `(?=${present(position)})`).join('');
  const none = (positions: readonly number[]) => positions.map((position) => `(?!${present(position)})`).join('');
  const any = (positions: readonly number[]) => `(?=${positions.map(present).join('|')})`;
  const [first, ...others] = rule.positions as [number, ...number[]];
  switch (rule.kind) {
    case 'P':
      return `(?:${all(rule.positions)}|${none(rule.positions)})`;
    case 'R':
      return any(rule.positions);
    case 'E':
      return rule.positions.flatMap((a, index) => rule.positions.slice(index + 1).map((b) => `(?!${all([a, b])})`)).join('');
    case 'C':
      return `(?:${none([first])}|${all(others)})`;
    case 'L':
      return `(?:${none([first])}|${any(others)})`;
  }
}

/** Any text as a literal: every character outside letters and digits written as a \uXXXX escape. */
function escape(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
