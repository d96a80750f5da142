import { composite, type CompositeDef } from '../spec-types.js';

// The 004010 composites used by the supported sets. C001 lets one unit of measure be built from up to five
// units with exponents and multipliers; each later unit only counts when its own exponent or multiplier is sent.

export const composites: Readonly<Record<string, CompositeDef>> = {
  C001: composite('Composite Unit of Measure',
    ['M 355', 'O 1018', 'O 649', 'X 355', 'O 1018', 'O 649', 'X 355', 'O 1018', 'O 649', 'X 355', 'O 1018', 'O 649', 'X 355', 'O 1018', 'O 649'],
    ['C0504', 'C0604', 'C0807', 'C0907', 'C1110', 'C1210', 'C1413', 'C1513']),
  C002: composite('Actions Indicated', ['M 704', 'O 704', 'O 704', 'O 704', 'O 704']),
  C030: composite('Position in Segment', ['M 722', 'O 1528']),
  C040: composite('Reference Identifier', ['M 128', 'M 127', 'X 128', 'X 127', 'X 128', 'X 127'], ['P0304', 'P0506']),
};
