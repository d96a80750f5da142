import type { ElementProblem } from '../../diagnostic.js';
import { SyntaxError } from '../codes.js';
import type { EdifactSegment, ElementValue } from '../segment.js';
import type { CompiledEdifactElement, CompiledEdifactSegment, CompiledSimpleElement } from './compiled-message.js';

// One segment's data elements against their definitions, with the CONTRL codes (0085) UCD reports:
// 13 missing, 16 too many constituents, 35 too many repetitions, 12 a code not in the list, 37 wrong kind
// of characters, 19 and 38 decimal notation, 39 too long, 40 too short, 15 used where the guide says not.

export function checkElements(segment: EdifactSegment, definition: CompiledEdifactSegment): ElementProblem[] {
  const problems: ElementProblem[] = [];
  const { elements } = segment;
  const defined = definition.elements;
  for (let position = defined.length + 1; position < elements.length; position += 1) {
    if (!isEmpty(elements[position] as ElementValue)) {
      problems.push({ code: SyntaxError.tooManyConstituents, element: position, message: `${segment.tag} has data in element ${position}, but the segment has only ${defined.length} element${defined.length === 1 ? '' : 's'}.` });
      break;
    }
  }
  for (const element of defined) {
    const value = elements[element.position] ?? [];
    const where = { tag: segment.tag, element };
    if (isEmpty(value)) {
      if (element.requirement === 'M') problems.push({ code: SyntaxError.missing, element: element.position, ref: element.ref, message: `${name(where)} is mandatory but missing.` });
      continue;
    }
    if (element.notUsed) {
      problems.push({ code: SyntaxError.notSupportedInPosition, element: element.position, ref: element.ref, message: `${name(where)} is not used in this partner's guide.` });
      continue;
    }
    if (value.length > element.repeat) {
      problems.push({ code: SyntaxError.tooManyRepetitions, element: element.position, repetition: element.repeat + 1, ref: element.ref, message: `${name(where)} repeats ${value.length} times; at most ${element.repeat} ${element.repeat === 1 ? 'is' : 'are'} allowed.` });
    }
    value.forEach((occurrence, index) => {
      const repetition = value.length > 1 ? { repetition: index + 1 } : {};
      for (const problem of checkOccurrence(segment.tag, element, occurrence)) problems.push({ ...problem, ...repetition });
    });
  }
  return problems;
}

function checkOccurrence(tag: string, element: CompiledEdifactElement, components: readonly string[]): ElementProblem[] {
  const problems: ElementProblem[] = [];
  if (!element.components) {
    const extra = components.findIndex((component, index) => index > 0 && component !== '');
    if (extra > 0) {
      problems.push({ code: SyntaxError.tooManyConstituents, element: element.position, component: extra + 1, ref: element.ref, message: `${name({ tag, element })} is a simple data element, but has a component ${extra + 1}.` });
    }
    const problem = checkValue(components[0] ?? '', element.simple as CompiledSimpleElement);
    if (problem) problems.push({ ...problem, element: element.position, ref: element.ref, message: `${name({ tag, element })} ${problem.message}` });
    return problems;
  }
  const defined = element.components;
  const extra = components.findIndex((component, index) => index >= defined.length && component !== '');
  if (extra >= 0) {
    problems.push({ code: SyntaxError.tooManyConstituents, element: element.position, component: extra + 1, ref: element.ref, message: `${name({ tag, element })} has data in component ${extra + 1}, but ${element.ref} has only ${defined.length} components.` });
  }
  for (const component of defined) {
    const value = components[component.position - 1] ?? '';
    const where = { tag, element, component };
    const location = { element: element.position, component: component.position, ref: component.ref };
    if (value === '') {
      if (component.requirement === 'M') problems.push({ ...location, code: SyntaxError.missing, message: `${name(where)} is mandatory but missing.` });
      continue;
    }
    if (component.notUsed) {
      problems.push({ ...location, code: SyntaxError.notSupportedInPosition, message: `${name(where)} is not used in this partner's guide.` });
      continue;
    }
    const problem = checkValue(value, component.simple as CompiledSimpleElement);
    if (problem) problems.push({ ...problem, ...location, message: `${name(where)} ${problem.message}` });
  }
  return problems;
}

/** A present value against its format, lengths and codes: the first thing wrong, as the end of a sentence. */
function checkValue(value: string, simple: CompiledSimpleElement): { code: string; message: string; data: string } | undefined {
  const data = value;
  let length = value.length;
  if (simple.type === 'n') {
    const numeric = /^-?(\d*)(?:[.,](\d*))?$/.exec(value);
    if (!numeric) return { code: SyntaxError.invalidTypeOfCharacters, message: `must be numeric; it is "${value}".`, data };
    const [, whole = '', fraction] = numeric;
    if (whole === '' && fraction !== undefined) return { code: SyntaxError.missingDigitBeforeDecimalSign, message: `has no digit before its decimal mark ("${value}").`, data };
    if (whole === '' || fraction === '') return { code: SyntaxError.invalidDecimalNotation, message: `is not a number as EDIFACT writes them ("${value}").`, data };
    // Neither the sign nor the decimal mark counts toward a numeric value's length.
    length = whole.length + (fraction?.length ?? 0);
  } else if (simple.type === 'a' && /\d/.test(value)) {
    return { code: SyntaxError.invalidTypeOfCharacters, message: `must be alphabetic; it is "${value}".`, data };
  }
  if (length > simple.max) return { code: SyntaxError.elementTooLong, message: `is ${length} characters long; at most ${simple.max} are allowed ("${value}").`, data };
  if (length < simple.min) return { code: SyntaxError.elementTooShort, message: `is ${length} characters long; it must be ${simple.min === simple.max ? 'exactly' : 'at least'} ${simple.min} ("${value}").`, data };
  if (simple.codes && !simple.codes.has(value)) return { code: SyntaxError.invalidValue, message: `is "${value}", which is not one of its codes.`, data };
  return undefined;
}

function isEmpty(value: ElementValue): boolean {
  return value.every((components) => components.every((component) => component === ''));
}

/** 'BGM element 1, component 1 (Document/message name, coded, 1001)'. */
function name(where: { tag: string; element: CompiledEdifactElement; component?: CompiledEdifactElement }): string {
  const { tag, element, component } = where;
  const named = component ?? element;
  return `${tag} element ${element.position}${component ? `, component ${component.position}` : ''} (${named.name}, ${named.ref})`;
}
