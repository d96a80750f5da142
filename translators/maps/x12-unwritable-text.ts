import type { CanonicalDocument } from '../canonical/index.js';
import type { MapOptions } from './map-contract.js';
import { mapProblem } from './map-result.js';
import type { Problems } from './x12-elements.js';

// X12 has no release character: a value holding one of the interchange's delimiters cannot be written, nor
// can a line break, which readers take for line wrapping. Found here in the canonical document, before any
// segment is built, so the problem names the field to correct rather than an element of a segment.

/** A problem for each text of the document (its source envelope aside) that the partner's delimiters make unwritable. */
export function unwritableText(document: CanonicalDocument, options: MapOptions): Problems {
  const forbidden = [...(options.reservedCharacters ?? ''), '\r', '\n'];
  const problems: Problems = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      const found = forbidden.find((character) => value.includes(character));
      if (found !== undefined) problems.push(mapProblem('MAP_VALUE_INVALID', `${JSON.stringify(value)} at ${path} holds ${describe(found)}, which X12 cannot carry in this partner's interchanges.`, { path }));
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}/${index}`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) if (`${path}/${key}` !== '/source') visit(inner, `${path}/${key}`);
    }
  };
  visit(document, '');
  return problems;
}

function describe(character: string): string {
  return character === '\r' || character === '\n' ? 'a line break' : `"${character}", a delimiter`;
}
