import type { ElementProblem } from '../../diagnostic.js';
import { ElementError } from '../codes.js';
import type { Segment } from '../segment.js';
import type { CompiledElement, CompiledSegment, SyntaxRule } from './compiled-spec.js';
import { isDate, isTime } from '../../date-time.js';
import { firstInvalidCharacter, isNumber, valueLength } from '../element-values.js';

// The elements of one segment against its definition: presence, repetitions, components, type, length,
// codes and the segment's syntax notes, reported with the 997/999 element codes.

export interface ElementCheckOptions {
  readonly component: string;
  readonly repetition: string | undefined;
  /** 005010: repetitions, too many components, exponents in R, and the 999's implementation codes. */
  readonly version5010: boolean;
}

export function checkElements(segment: Segment, definition: CompiledSegment, options: ElementCheckOptions): ElementProblem[] {
  const problems: ElementProblem[] = [];
  const values = segment.elements;
  const tag = definition.tag;
  for (let position = definition.elements.length + 1; position < values.length; position += 1) {
    // Trailing empty elements are harmless; data past the last defined element is not.
    if (values[position] !== '') {
      problems.push({ code: ElementError.tooManyElements, element: position, ref: '', message: `${tag} has data in element ${position}, but a ${tag} segment has only ${definition.elements.length} elements.`, data: values[position] });
      break;
    }
  }
  const elements = definition.elements;
  for (let index = 0; index < elements.length; index += 1) {
    const element = elements[index] as CompiledElement;
    const value = values[element.position] ?? '';
    if (value === '' && element.requirement !== 'M') continue;
    checkElement(element, value, `${tag}${pad(element.position)}`, problems, options);
  }
  if (definition.rules.some((rule) => broken(rule, values, 0))) {
    checkRules(definition.rules, values, 0, tag, (position) => `${tag}${pad(position)}`, (position) => elements[position - 1], problems, undefined);
  }
  return problems;
}

function checkElement(element: CompiledElement, raw: string, name: string, problems: ElementProblem[], options: ElementCheckOptions): void {
  if (raw === '' && element.requirement !== 'M') return;
  const at = { element: element.position, ref: element.ref };
  const label = `${name}, the ${element.description},`;
  if (raw === '') {
    if (element.requirement === 'M') {
      problems.push({ code: ElementError.requiredMissing, ...at, message: `${label} is missing${element.requiredByGuide ? " (this partner's guide requires it)" : ''}.` });
    }
    return;
  }
  if (element.notUsed) {
    problems.push({ code: options.version5010 ? ElementError.implementationNotUsedElementPresent : ElementError.tooManyElements, ...at, message: `${label} is not used in this partner's guide but has "${raw}".`, data: raw });
    return;
  }
  let repeats = [raw];
  if (options.repetition !== undefined && raw.includes(options.repetition)) {
    repeats = raw.split(options.repetition);
    if (repeats.length > element.repeat) {
      problems.push({ code: options.version5010 ? ElementError.tooManyRepetitions : ElementError.invalidCharacter, ...at, message: `${label} repeats ${repeats.length} times; at most ${element.repeat} ${element.repeat === 1 ? 'is' : 'are'} allowed.`, data: raw });
      repeats = repeats.slice(0, element.repeat);
    }
  }
  repeats.forEach((value, index) => {
    const repetition = repeats.length > 1 ? { repetition: index + 1 } : {};
    if (value === '') return;
    if (element.components) {
      checkComposite(element, value, name, problems, options, repetition);
      return;
    }
    checkSimple(element, value, label, { ...at, ...repetition }, problems, options);
  });
}

function checkComposite(element: CompiledElement, value: string, name: string, problems: ElementProblem[], options: ElementCheckOptions, repetition: { repetition?: number }): void {
  const components = element.components as readonly CompiledElement[];
  const parts = value.split(options.component);
  if (parts.length > components.length && parts.slice(components.length).some((part) => part !== '')) {
    problems.push({
      code: options.version5010 ? ElementError.tooManyComponents : ElementError.tooManyElements,
      element: element.position,
      component: components.length + 1,
      ...repetition,
      ref: element.ref,
      message: `${name}, the ${element.description}, has ${parts.length} components; it has only ${components.length}.`,
      data: value,
    });
  }
  for (const component of components) {
    const part = parts[component.position - 1] ?? '';
    const componentName = `${name}-${component.position}`;
    const at = { element: element.position, component: component.position, ...repetition, ref: component.ref };
    if (part === '') {
      if (component.requirement === 'M') problems.push({ code: ElementError.requiredMissing, ...at, message: `${componentName}, the ${component.description}, is missing.` });
      continue;
    }
    checkSimple(component, part, `${componentName}, the ${component.description},`, at, problems, options);
  }
  if (element.rules.length === 0) return;
  checkRules(
    element.rules,
    parts,
    1,
    element.ref,
    (position) => `${name}-${position}`,
    (position) => components[position - 1],
    problems,
    element.position,
  );
}

type At = { element: number; component?: number; repetition?: number; ref: string };

function checkSimple(element: CompiledElement, value: string, label: string, at: At, problems: ElementProblem[], options: ElementCheckOptions): void {
  const simple = element.simple;
  if (!simple) return;
  const report = (code: string, message: string): void => void problems.push({ code, ...at, message: `${label} ${message}`, data: value });
  if (value.includes(options.component) && options.component !== '') {
    return report(ElementError.invalidCharacter, `contains the component separator "${options.component}", which cannot be data.`);
  }
  const bad = firstInvalidCharacter(value);
  if (bad >= 0) return report(ElementError.invalidCharacter, `contains a control character (code ${value.charCodeAt(bad)}) at character ${bad + 1}.`);
  const { type } = simple;
  if ((type === 'R' || type.startsWith('N')) && !isNumber(type, value, options.version5010)) {
    return report(ElementError.invalidCharacter, `is "${value}", which is not a ${type === 'R' ? 'decimal number' : 'whole number'}.`);
  }
  const length = valueLength(type, value);
  if (length < simple.min) return report(ElementError.tooShort, `is "${value}", ${length} long; it must be at least ${simple.min}.`);
  if (length > simple.max) return report(ElementError.tooLong, `is "${value}", ${length} long; it may be at most ${simple.max}.`);
  if (type === 'DT' && !isDate(value)) return report(ElementError.invalidDate, `is "${value}", which is not a date (${simple.max === 8 ? 'CCYYMMDD' : 'YYMMDD'}).`);
  if (type === 'TM' && !isTime(value)) return report(ElementError.invalidTime, `is "${value}", which is not a time of day (HHMM, HHMMSS).`);
  if (type === 'ID' && simple.codes && !simple.codes.has(value)) {
    const listed = simple.codes.size <= 12 ? ` (${[...simple.codes].join(', ')})` : '';
    if (simple.codesFromGuide) {
      return report(options.version5010 ? ElementError.implementationCodeNotUsed : ElementError.invalidCodeValue, `is "${value}", which this partner's guide does not use${listed}.`);
    }
    return report(ElementError.invalidCodeValue, `is "${value}", which is not one of its codes${listed}.`);
  }
}

/** `values[position - offset]` is the element (or component) at a 1-based position. */
function checkRules(
  rules: readonly SyntaxRule[],
  values: readonly string[],
  offset: number,
  owner: string,
  nameOf: (position: number) => string,
  elementAt: (position: number) => CompiledElement | undefined,
  problems: ElementProblem[],
  compositePosition: number | undefined,
): void {
  for (const rule of rules) {
    if (!broken(rule, values, offset)) continue;
    const present = (position: number) => (values[position - offset] ?? '') !== '';
    const [first, ...others] = rule.positions as [number, ...number[]];
    const given = rule.positions.filter(present);
    const absent = rule.positions.filter((position) => !present(position));
    const names = rule.positions.map(nameOf).join(', ');
    const report = (code: string, position: number, message: string) => {
      const element = elementAt(position);
      const where = compositePosition === undefined ? { element: position } : { element: compositePosition, component: position };
      problems.push({ code, ...where, ref: element?.ref ?? '', message: `${message} (syntax note ${owner} ${rule.text}).` });
    };
    switch (rule.kind) {
      case 'P':
        if (given.length > 0 && absent.length > 0) report(ElementError.conditionalRequiredMissing, absent[0] as number, `${names} go together: ${absent.map(nameOf).join(', ')} ${absent.length === 1 ? 'is' : 'are'} missing while ${given.map(nameOf).join(', ')} ${given.length === 1 ? 'is' : 'are'} given`);
        break;
      case 'R':
        if (given.length === 0) report(ElementError.conditionalRequiredMissing, first, `At least one of ${names} is required`);
        break;
      case 'E':
        if (given.length > 1) report(ElementError.exclusionViolated, given[1] as number, `Only one of ${names} may be given, but ${given.map(nameOf).join(' and ')} are`);
        break;
      case 'C':
        if (present(first)) {
          const lacking = others.filter((position) => !present(position));
          if (lacking.length > 0) report(ElementError.conditionalRequiredMissing, lacking[0] as number, `${lacking.map(nameOf).join(', ')} ${lacking.length === 1 ? 'is' : 'are'} required when ${nameOf(first)} is given`);
        }
        break;
      case 'L':
        if (present(first) && !others.some(present)) report(ElementError.conditionalRequiredMissing, others[0] as number, `One of ${others.map(nameOf).join(', ')} is required when ${nameOf(first)} is given`);
        break;
    }
  }
}

/** Whether the note is broken, without building anything: most notes hold on most segments. */
function broken(rule: SyntaxRule, values: readonly string[], offset: number): boolean {
  const positions = rule.positions;
  let given = 0;
  for (let index = 0; index < positions.length; index += 1) {
    if ((values[(positions[index] as number) - offset] ?? '') !== '') given += 1;
  }
  const first = (values[(positions[0] as number) - offset] ?? '') !== '';
  switch (rule.kind) {
    case 'P':
      return given > 0 && given < positions.length;
    case 'R':
      return given === 0;
    case 'E':
      return given > 1;
    case 'C':
      return first && given < positions.length;
    case 'L':
      return first && given === 1;
  }
}

function pad(position: number): string {
  return String(position).padStart(2, '0');
}
