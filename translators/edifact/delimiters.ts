// The service characters of an interchange: from its UNA service string advice, or the defaults of
// ISO 9735 when there is none.

export interface EdifactDelimiters {
  readonly component: string;
  readonly element: string;
  /** The decimal mark data uses: '.' or ','. Both are accepted on read; this one is written. */
  readonly decimal: string;
  readonly release: string | undefined;
  /** Syntax version 4 on; a space in UNA (versions 1 to 3) means there is none. */
  readonly repetition: string | undefined;
  readonly segment: string;
}

/** `:+.? '` with the version 4 repetition separator `*` when the interchange is version 4. */
export function defaultDelimiters(syntaxVersion4: boolean): EdifactDelimiters {
  return { component: ':', element: '+', decimal: '.', release: '?', repetition: syntaxVersion4 ? '*' : undefined, segment: "'" };
}

/**
 * Level B's defaults when there is no UNA: the information separators IS1, IS3 and IS4 (0x1F, 0x1D, 0x1C)
 * and no release character. A file written so starts "UNB" then 0x1D.
 */
export const LEVEL_B_DEFAULTS: EdifactDelimiters = { component: '\x1f', element: '\x1d', decimal: '.', release: undefined, repetition: undefined, segment: '\x1c' };

export type UnaResult = { readonly kind: 'una'; readonly delimiters: EdifactDelimiters } | { readonly kind: 'invalid'; readonly message: string };

/** The six characters after "UNA": component, element, decimal mark, release, repetition (or space), terminator. */
export function parseUna(advice: string): UnaResult {
  const [component, element, decimal, release, repetition, segment] = [...advice] as [string, string, string, string, string, string];
  const service = [component, element, release, segment];
  if (new Set(service).size !== service.length) {
    return { kind: 'invalid', message: `UNA gives the same character twice among separators, release character and terminator ("${advice}").` };
  }
  if (decimal !== '.' && decimal !== ',') return { kind: 'invalid', message: `UNA gives "${decimal}" as the decimal mark; it must be "." or ",".` };
  if (/[A-Za-z0-9]/.test(advice.replace(/ /g, ''))) return { kind: 'invalid', message: `UNA gives a letter or digit as a service character ("${advice}").` };
  return {
    kind: 'una',
    delimiters: {
      component,
      element,
      decimal,
      // A space as release character means none is used.
      release: release === ' ' ? undefined : release,
      repetition: repetition === ' ' ? undefined : repetition,
      segment,
    },
  };
}
