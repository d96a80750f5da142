import type { EdifactDictionary } from '../spec-types.js';
import { composites } from './composites.js';
import { elements } from './elements.js';
import { segments } from './segments.js';

export const dictionary: EdifactDictionary = { directory: 'D01B', segments, composites, elements };
