import { def, type X12Dictionary } from '../spec-types.js';
import { composites } from './composites.js';
import { elements } from './elements.js';
import { segments } from './segments.js';

// The TA1 answers an interchange, so its elements are the interchange-level ones (I12, I08 ...).
const TA1 = def('Interchange Acknowledgment', ['M I12', 'M I08', 'M I09', 'M I17', 'M I18']);

export const dictionary: X12Dictionary = {
  version: '004010',
  segments: { ...segments, TA1 },
  composites,
  elements,
};
