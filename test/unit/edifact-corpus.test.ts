import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Diagnostic } from '../../translators/diagnostic.js';
import { createEdifactReader } from '../../translators/edifact/envelope-reader.js';
import { CORPUS, corpusEntries } from '../helpers/corpus.js';

// Conformance of the EDIFACT reader over every EDIFACT file of the shared corpus: no crash and no hang;
// files the MANIFEST flags with envelope issues get envelope findings, and other files none, except where
// the file has faults the MANIFEST missed, each listed below with the reason, checked by hand.

const files = corpusEntries('edifact/');

/** Faults the MANIFEST does not flag, as "segment code" (0085) pairs. */
const unflaggedFaults: Record<string, string[]> = {
  // S001 has no syntax version number (0002), which is mandatory: "UNB+UNOB+...".
  'edifact/CONTRL/edifabric-edifact__CONTRL.txt': ['UNB 2'],
  // Declares UNOC (ISO 8859-1) but is written in UTF-8: its multi-byte characters read as C1 controls.
  'edifact/DESADV/php-edifact__example_utf8.edi': ['IMD 21'],
  // Both messages carry reference 111425; a reference must be unique in its interchange.
  'edifact/INVOIC/bots-plugins__invoic01.edi': ['UNH 26'],
  // Placeholder values: 0031 "a" and 0035 "t" where only 1 may stand, and lower case under UNOA.
  'edifact/INVOIC/edireader__tiny-UNOA.edi': ['UNB 12', 'UNB 21'],
  'edifact/INVOIC/edireader__tiny-syntaxVariants-UNOA.edi': ['UNB 12', 'UNB 21'],
  'edifact/INVOIC/edireader__tiny-withUNA-UNOA.edi': ['UNB 12', 'UNB 21'],
  'edifact/INVOIC/edireader__tiny-UNOE.edi': ['UNB 12'],
  'edifact/INVOIC/edireader__tiny-syntaxVariants-UNOE.edi': ['UNB 12'],
  'edifact/INVOIC/edireader__tiny-withUNA-UNOE.edi': ['UNB 12'],
  // Lower-case letters under UNOA, which is upper case only.
  'edifact/INVOIC/staedi__invoic_d93a_una.edi': ['NAD 21', 'IMD 21'],
  'edifact/ORDERS/dfdlschemas-edifact__ORDERS_D.03B_Interchange.txt': ['COM 21', 'FTX 21'],
  'edifact/ORDERS/smooks-edi__ORDERS_D.03B_Interchange.txt': ['COM 21', 'FTX 21'],
  'edifact/RECADV/smooks-edi__recadv.txt': ['NAD 21'],
  // UTF-8 bytes (an accented name) under UNOA.
  'edifact/INVOIC/staedi__invoic_d97b.edi': ['NAD 21'],
  // The MANIFEST's own note says it: placeholder ids such as <Sender GLN> hold characters outside UNOA.
  'edifact/ORDERS/pyas2lib__payload.txt': ['UNB 21', 'NAD 21'],
  'edifact/ORDERS/pyas2lib__payload_dos.txt': ['UNB 21', 'NAD 21'],
  // Flagged as malformed for message faults; their envelopes have these faults besides.
  'edifact/INVOIC/staedi__invoic_d97b_bad.edi': ['PRI 21'],
  'edifact/ORDERS/edifabric-edifact__DuplicateGroup.txt': ['UNH 26'],
  'edifact/ORDERS/edifabric-edifact__DuplicateMessage.txt': ['UNH 26'],
  'edifact/ORDERS/edifact-ls__syntax-error.edi': ['1BC 21'],
};

/**
 * Files the MANIFEST flags with envelope issues that are clean. Its notes say UNT/UNZ references differ,
 * read without joining the lines wrapped at 15 columns; joined, they match.
 */
const flaggedClean = new Set(['edifact/INVOIC/staedi__wrapped_invoic_d97b_una.edi']);

function read(bytes: Buffer, chunkSize = bytes.length): { diagnostics: Diagnostic[]; segments: string[]; messages: number } {
  const diagnostics: Diagnostic[] = [];
  const segments: string[] = [];
  let messages = 0;
  const reader = createEdifactReader({ diagnostic: (d) => void diagnostics.push(d), segment: (s) => void segments.push(`${s.offset} ${s.text}`), message: () => void (messages += 1) });
  for (let at = 0; at < bytes.length; at += chunkSize) reader.write(bytes.subarray(at, at + chunkSize));
  reader.end();
  return { diagnostics, segments, messages };
}

describe('EDIFACT corpus conformance (envelopes)', () => {
  it('has the EDIFACT part of the corpus at hand', () => {
    expect(files.length).toBeGreaterThan(140);
  });

  it.each(files)('$name', ({ name, notes }) => {
    const bytes = fs.readFileSync(path.join(CORPUS, name));
    const { diagnostics } = read(bytes);
    for (const diagnostic of diagnostics) {
      expect(diagnostic.codeList).toBe('0085');
      expect(diagnostic.message.length).toBeGreaterThan(10);
      expect(diagnostic.location.offset).toBeLessThanOrEqual(bytes.length);
    }
    const errors = [...new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.location.segment ?? '-'} ${d.code}`))];
    if (notes.includes('[ENVELOPE-ISSUES-DETECTED]') && !flaggedClean.has(name)) expect(errors.length).toBeGreaterThan(0);
    else expect(errors).toEqual(unflaggedFaults[name] ?? []);
  });

  it('reads every file in chunks of 1, 7 and 4096 bytes exactly as in one piece', () => {
    for (const { name } of files) {
      const bytes = fs.readFileSync(path.join(CORPUS, name));
      const whole = read(bytes);
      for (const size of bytes.length > 200_000 ? [4096] : [1, 7, 4096]) {
        const chunked = read(bytes, size);
        expect({ name, size, ...chunked }).toEqual({ name, size, ...whole });
      }
    }
  });
});
