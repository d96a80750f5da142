import { composite, type CompositeDef } from '../spec-types.js';

// The 005010 composites used by the supported sets. Positions in a composite's notes count its components.

export const composites: Readonly<Record<string, CompositeDef>> = {
  C001: composite(
    'Composite Unit of Measure',
    ['M 355', 'O 1018', 'O 649', 'X 355', 'X 1018', 'X 649', 'X 355', 'X 1018', 'X 649', 'X 355', 'X 1018', 'X 649', 'X 355', 'X 1018', 'X 649'],
    ['C0504', 'C0604', 'C0807', 'C0907', 'C1110', 'C1210', 'C1413', 'C1513'],
  ),
  C002: composite('Actions Indicated', ['M 704', 'O 704', 'O 704', 'O 704', 'O 704']),
  C030: composite('Position in Segment', ['M 722', 'O 1528', 'O 1686']),
  C040: composite('Reference Identifier', ['M 128', 'M 127', 'X 128', 'X 127', 'X 128', 'X 127'], ['P0304', 'P0506']),
  C056: composite('Composite Race or Ethnicity Information', ['O 1109', 'X 1270', 'X 1271'], ['P0203']),
  C998: composite('Context Identification', ['M 9999', 'O 9998']),
  C999: composite('Reference in Segment', ['M 725', 'O 725']),
};
