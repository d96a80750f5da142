import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Diagnostic } from '../../translators/diagnostic.js';
import { acknowledge } from '../../translators/acks/acknowledge.js';
import { createMemoryAllocator } from '../../translators/control-numbers.js';
import { createX12Reader } from '../../translators/x12/envelope-reader.js';
import { DelimiterInDataError, segmentData, serializeInterchange, writeSegmentData } from '../../translators/x12/serialize.js';
import { compiledSpecFor } from '../../translators/x12/specs/registry.js';
import { createValidatingReader, type InterchangeOutcome } from '../../translators/x12/validating-reader.js';
import type { Segment, X12Delimiters } from '../../translators/x12/segment.js';
import { CORPUS, corpusEntries, type CorpusEntry } from '../helpers/corpus.js';

// Every X12 file of the shared corpus (real samples nobody here wrote), read by the streaming reader.
const entries: CorpusEntry[] = corpusEntries('x12/');

const flagged = (entry: CorpusEntry) => /\[(MALFORMED-INTENTIONAL|ENVELOPE-ISSUES-DETECTED)\]/.test(entry.notes);

/** Unflagged files with real envelope faults that the MANIFEST's analyser missed, checked by hand. */
const manifestMisses: Record<string, string[]> = {
  // ISA08 is 17 characters, not 15.
  'x12/180/oopfactory-x12parser__FromLowes.txt': ['TA105:008'],
  // ISA06 is blank, and IEA02 has a leading space that ISA13 does not.
  'x12/820/oopfactory-x12parser__Example2_ScanaEnergy.txt': ['TA105:006', 'TA105:001'],
  // The same interchange (sender, receiver, ISA13) twice in one file.
  'x12/835/tastypackets-x12__oneLine-2-ISA.edi': ['TA105:025'],
  'x12/850/node-x12__850_fat.edi': ['TA105:025'],
  // ISA10 is 3339: not a time.
  'x12/837/pyx12__ele.txt': ['TA105:015'],
  // Two groups numbered 5 in one interchange, each with two sets numbered 000000001.
  'x12/850/bots-plugins__850-004010-02.x12': ['AK502:7', 'AK905:6', 'AK502:7'],
  'x12/850/bots-plugins__850-004010.17.x12': ['AK502:7', 'AK905:6', 'AK502:7'],
  'x12/mixed/bots-plugins__mailbag01.x12': ['AK502:7', 'AK905:6', 'AK502:7'],
  // Two groups numbered 000000001 in one interchange.
  'x12/mixed/edifabric-x12__MixedTransactions.txt': ['AK905:6'],
  // An EBCDIC file: the gateway reads ASCII and UTF-8 X12.
  'x12/850/bots-plugins__ebcdic.x12': ['TA105:024'],
  // A TA1-only interchange whose IEA01 counts 1 group; it has none.
  'x12/TA1/staedi__x12_interchange_ack.txt': ['TA105:021'],
};

/** Flagged files whose fault the envelope reader cannot see: they wait for the transaction set validator. */
const needsSetValidator = new Set([
  'x12/275/staedi__sample275_with_HL7_invalid_BIN01.edi', // BIN01 length disagrees with the HL7 data it carries
  'x12/837/pyx12__bad_2010AA_bug.txt', // implementation-guide loop 2010AA
  'x12/837/pyx12__per_repeat.txt', // PER over its maximum use
  'x12/997/staedi__extraDelimiter997.edi', // trailing element separators
  'x12/997/staedi__invalid997.edi', // 997 content against its spec
]);

/** Flagged files that are in fact well-formed. */
const wronglyFlagged = new Set([
  // ISB and ISE are the optional interchange service segments, allowed between ISA and GS.
  'x12/997/staedi__optionalInterchangeServices.edi',
]);

/** Unflagged files whose transaction sets break the standard, each checked by hand against the 004010 or 005010 tables. */
const setFaults: Record<string, string[]> = {
  // IT1 note P020304: quantity, unit and price go together; 122 IT1s leave out IT104, the unit price.
  'x12/810/bots-plugins__810_3.x12': ['AK403:2 IT1.4'],
  // Two IT1s give a quantity but no unit (IT103), which the same note requires.
  'x12/810/stupidedi__004010_IN810_pass_1.edi': ['AK403:2 IT1.3'],
  // The summary runs ISS, TDS, CAD; the standard's order is TDS, TXI, CAD, AMT, SAC, ISS, CTT.
  'x12/810/oopfactory-x12parser__Example5_Walmart.txt': ['AK304:3 TDS', 'AK304:7 CAD', 'AK304:7 TDS'],
  // The elements of a PO1 are shifted: PO106 holds "SKU-A" (a qualifier is 2 characters) and PO107 is empty.
  'x12/850/ballerina-edi__x12-sender.edi': ['AK403:2 PO1.7', 'AK403:5 PO1.6'],
  // DTM05 is "19", the century of earlier versions; in 004010 DTM05 is a format qualifier paired with DTM06.
  'x12/850/bots-plugins__850-004010-03.x12': ['AK403:2 DTM.6'],
  'x12/850/bots-plugins__850-004010-05.x12': ['AK403:2 DTM.6'],
  'x12/850/bots-plugins__850-004010-07.x12': ['AK403:2 DTM.6'],
  'x12/850/bots-plugins__850-004010-08.x12': ['AK403:2 DTM.6'],
  'x12/850/bots-plugins__850-004010-09.x12': ['AK403:2 DTM.6'],
  'x12/850/bots-plugins__850-004010.16.x12': ['AK403:2 DTM.6'],
  'x12/850/bots-plugins__inbound__850-004010-05.x12': ['AK403:2 DTM.6'],
  'x12/850/bots-plugins__inbound__850-004010-07.x12': ['AK403:2 DTM.6'],
  'x12/mixed/bots-plugins__mailbag01.x12': ['AK403:2 DTM.6'],
  // BEG02 "02" is not a purchase order type code.
  'x12/850/edifabric-x12__PurchaseOrderCSV.txt': ['AK403:7 BEG.2'],
  // Samples of a custom-extended template: a 13-element BEG, and an N2 outside the N1 loop.
  'x12/850/edifabric-x12__PurchaseOrderCustom1.txt': ['AK403:3 BEG.13'],
  'x12/850/edifabric-x12__PurchaseOrderCustom2.txt': ['AK304:7 N2', 'AK403:3 BEG.13'],
  'x12/850/edifabric-x12__PurchaseOrderModified.txt': ['AK403:3 BEG.13', 'AK403:5 BEG.12'],
  // PO103 "INVALID" in the second set: a unit of measure is 2 characters.
  'x12/850/edifabric-x12__PurchaseOrders.txt': ['AK403:5 PO1.3'],
  // N402 "LOCSTATE", a placeholder where a 2-letter state code belongs.
  'x12/856/oopfactory-x12parser__Example4.txt': ['AK403:5 N4.2'],
  // TAX02 "TTT": a state code is 2 characters.
  'x12/mixed/edifabric-x12__MixedTransactions.txt': ['AK403:5 TAX.2'],
  // A 997 with neither AK1 nor AK9, both mandatory (its 005010 group is answered with 999 codes).
  'x12/997/staedi__empty997.edi': ['IK304:3 AK1', 'IK304:3 AK9'],
  // AK202 "002" is shorter than a control number's 4 characters. CTX06-1 holds "C023", a composite's
  // name, where element 725 (a number) belongs; the 999 guide's own example writes it so, but the
  // standard's type is numeric, and the gateway's 999s put only numbers there.
  'x12/999/oopfactory-x12parser__DHS_Wisconsin_Sample.txt': ['IK403:4 AK2.2', 'IK403:6 CTX.6'],
};

interface Reading {
  readonly segments: { segment: Segment; delimiters: X12Delimiters }[];
  readonly diagnostics: Diagnostic[];
}

function read(bytes: Buffer, chunkSize = bytes.length): Reading {
  const segments: Reading['segments'] = [];
  const diagnostics: Diagnostic[] = [];
  const reader = createX12Reader({ segment: (segment, delimiters) => void segments.push({ segment, delimiters }), diagnostic: (d) => void diagnostics.push(d) });
  for (let start = 0; start < bytes.length; start += chunkSize) reader.write(bytes.subarray(start, start + chunkSize));
  reader.end();
  return { segments, diagnostics };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const errors = (reading: Reading) => reading.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.codeList}:${d.code}`);

describe('X12 corpus conformance', () => {
  it('has the X12 part of the corpus at hand', () => {
    expect(entries.length).toBeGreaterThan(300);
  });

  it.each(entries.map((entry) => [entry.name, entry] as const))('%s', (_file, entry) => {
    const bytes = fs.readFileSync(path.join(CORPUS, entry.name));
    const reading = read(bytes);

    // Exact on input in chunks of any size.
    for (const size of bytes.length < 50_000 ? [1, 7, 4096] : [7, 4096]) expect(read(bytes, size)).toEqual(reading);

    // Parse then write reproduces every segment as the file has it (line wrapping aside).
    const found = errors(reading);
    const text = bytes.toString('latin1');
    for (const { segment, delimiters } of reading.segments) {
      // The serializer writes what the gateway sends; binary data (BIN, in 275s) is not among it.
      if (segment.tag === 'BIN') continue;
      let written: string;
      try {
        written = writeSegmentData(segmentData(segment, delimiters), delimiters);
      } catch (error) {
        // Only a broken file has a segment that cannot be written back, and it was reported.
        expect(error).toBeInstanceOf(DelimiterInDataError);
        expect(found.length).toBeGreaterThan(0);
        continue;
      }
      const lineBreaksAreData = [delimiters.element, delimiters.segment].some((value) => value === '\n' || value === '\r');
      const unwrap = (value: string) => (lineBreaksAreData ? value : value.replace(/[\r\n]/g, ''));
      const original = unwrap(text.slice(segment.offset, segment.offset + Math.ceil(written.length * 1.1) + 200));
      // The writer leaves off trailing empty components ("A:" is written "A"), as X12 asks.
      const trailingComponents = new RegExp(`(?:${escape(delimiters.component)})+(?=${[delimiters.element, delimiters.segment, ...(delimiters.repetition ? [delimiters.repetition] : [])].map(escape).join('|')})`, 'g');
      expect(original.replace(trailingComponents, '').startsWith(unwrap(written))).toBe(true);
    }

    if (manifestMisses[entry.name]) expect(found).toEqual(manifestMisses[entry.name]);
    else if (wronglyFlagged.has(entry.name) || (!flagged(entry) && !needsSetValidator.has(entry.name))) expect(found).toEqual([]);
    else if (!needsSetValidator.has(entry.name)) expect(found.length).toBeGreaterThan(0);
  });
});

/** The kinds of segment and element findings of the set validator, "AK304:7 REF" or "AK403:2 IT1.4", for the sets the gateway handles. */
function setFindings(bytes: Buffer): { findings: string[]; outcomes: InterchangeOutcome[] } {
  const findings: string[] = [];
  const outcomes: InterchangeOutcome[] = [];
  const reader = createValidatingReader(
    {
      interchangeEnd: (outcome) => void outcomes.push(outcome),
      transactionSet: (_set, outcome) => {
        for (const d of outcome.diagnostics) {
          if (outcome.supported && (d.level === 'segment' || d.level === 'element')) findings.push(`${d.codeList}:${d.code} ${d.location.segment}${d.location.element === undefined ? '' : `.${d.location.element}`}`);
        }
      },
    },
    { specs: compiledSpecFor, collectOutcomes: true },
  );
  reader.write(bytes);
  reader.end();
  return { findings: [...new Set(findings)].sort(), outcomes };
}

describe('X12 corpus: transaction sets against the standard, and their acknowledgments', () => {
  it.each(entries.map((entry) => [entry.name, entry] as const))('%s', async (_file, entry) => {
    const { findings, outcomes } = setFindings(fs.readFileSync(path.join(CORPUS, entry.name)));
    if (setFaults[entry.name]) expect(findings).toEqual(setFaults[entry.name]);
    else if (!flagged(entry)) expect(findings).toEqual([]);
    // Whatever the file holds, its acknowledgments can be built and written.
    for (const outcome of outcomes) {
      const answer = acknowledge(outcome, new Date(0));
      if (answer) await serializeInterchange(answer.interchange, { delimiters: answer.delimiters, allocator: createMemoryAllocator(), partner: 'corpus', now: new Date(0) });
    }
  });
});
