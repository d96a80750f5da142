import { describe, expect, it } from '@jest/globals';
import { contrl, contrlStatus, type ContrlPolicy, type ContrlStatus } from '../../translators/acks/contrl.js';
import { createMemoryAllocator } from '../../translators/control-numbers.js';
import type { Diagnostic } from '../../translators/diagnostic.js';
import { serializeInterchange } from '../../translators/edifact/serialize.js';
import { createEdifactValidatingReader, type InterchangeOutcome } from '../../translators/edifact/validating-reader.js';

// CONTRL written out in full and checked by hand against ISO 9735's rules (UCI, UCF, UCM, UCS, UCD and
// their 0083 actions and 0085 codes). Every CONTRL written is read back and must itself be clean.

const NOW = new Date(Date.UTC(2025, 0, 8, 9, 30));

function read(text: string): { outcomes: InterchangeOutcome[]; errors: Diagnostic[] } {
  const outcomes: InterchangeOutcome[] = [];
  const errors: Diagnostic[] = [];
  const reader = createEdifactValidatingReader({
    interchangeEnd: (outcome) => void outcomes.push(outcome),
    diagnostic: (diagnostic) => void (diagnostic.severity === 'error' && errors.push(diagnostic)),
  }, { collectOutcomes: true });
  reader.write(Buffer.from(text, 'latin1'));
  reader.end();
  return { outcomes, errors };
}

interface Answer {
  /** Every CONTRL written, one segment per line. */
  readonly text: string;
  readonly statuses: ContrlStatus[];
  readonly omitted: number[];
}

async function answer(segments: readonly string[], policy: ContrlPolicy = {}): Promise<Answer> {
  const allocator = createMemoryAllocator({ interchange: 7001, group: 7001, set: 7001 });
  let text = '';
  const statuses: ContrlStatus[] = [];
  const omitted: number[] = [];
  for (const outcome of read(segments.join('\n')).outcomes) {
    statuses.push(contrlStatus(outcome));
    const written = contrl(outcome, policy);
    if (!written) continue;
    const serialized = await serializeInterchange(written.interchange, { delimiters: written.delimiters, lineEnding: '\n', allocator, partner: 'SENDER', now: NOW });
    expect(read(serialized).errors.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`)).toEqual([]);
    text += serialized;
    omitted.push(written.omitted);
  }
  return { text, statuses, omitted };
}

const unb = (options: { ack?: boolean; version?: '3' | '4'; reference?: string } = {}) => {
  const version4 = options.version === '4';
  return `UNB+${version4 ? 'UNOC:4' : 'UNOA:3'}+SENDER:14+THREEPL:14+${version4 ? '20250107' : '250107'}:1305+${options.reference ?? 'REF1'}${options.ack ? '++++1' : ''}'`;
};
const unz = (count: number, reference = 'REF1') => `UNZ+${count}+${reference}'`;

/** An ORDERS (D96A unless told) with the segments given between UNH and UNT. */
function orders(reference: string, body: readonly string[], options: { unt?: string; release?: '96A' | '01B' } = {}): string[] {
  return [`UNH+${reference}+ORDERS:D:${options.release ?? '96A'}:UN'`, ...body, options.unt ?? `UNT+${body.length + 2}+${reference}'`];
}

const GOOD = ["BGM+220+PO-1+9'", "DTM+137:20250107:102'", "UNS+S'"];
/** BGM C002 1001 is an..3: component 1 of element 1 is too long. */
const LONG_CODE = ["BGM+2200+PO-2+9'", "DTM+137:20250107:102'", "UNS+S'"];

/** The CONTRL's own envelope around `body` (UNH and UNT included), as the answers below are written. */
function contrlText(body: readonly string[], options: { version?: '3' | '4' } = {}): string {
  const version4 = options.version === '4';
  const head = version4 ? ["UNB+UNOC:4+THREEPL:14+SENDER:14+20250108:0930+7001'", "UNH+7001+CONTRL:4:1:UN'"] : ["UNB+UNOA:3+THREEPL:14+SENDER:14+250108:0930+7001'", "UNH+7001+CONTRL:D:3:UN'"];
  return [...head, ...body, `UNT+${body.length + 2}+7001'`, "UNZ+1+7001'", ''].join('\n');
}

describe('CONTRL', () => {
  it('accepts a clean interchange when its sender asks: UCI 7 and UCM 7, addressed back to the sender', async () => {
    const { text, statuses } = await answer([unb({ ack: true }), ...orders('1', GOOD), unz(1)]);
    expect(text).toBe(
      [
        "UNB+UNOA:3+THREEPL:14+SENDER:14+250108:0930+7001'",
        "UNH+7001+CONTRL:D:3:UN'",
        "UCI+REF1+SENDER:14+THREEPL:14+7'",
        "UCM+1+ORDERS:D:96A:UN+7'",
        "UNT+4+7001'",
        "UNZ+1+7001'",
        '',
      ].join('\n'),
    );
    expect(statuses).toEqual(['accepted']);
  });

  it('partially accepts two messages, one with a component too long: UCS with its position, UCD 39 with 0098:0104', async () => {
    const { text, statuses } = await answer([unb(), ...orders('1', GOOD), ...orders('2', LONG_CODE), unz(2)]);
    expect(text).toBe(
      [
        "UNB+UNOA:3+THREEPL:14+SENDER:14+250108:0930+7001'",
        "UNH+7001+CONTRL:D:3:UN'",
        "UCI+REF1+SENDER:14+THREEPL:14+7'",
        "UCM+1+ORDERS:D:96A:UN+7'",
        "UCM+2+ORDERS:D:96A:UN+4'",
        "UCS+2'",
        "UCD+39+1:1'",
        "UNT+7+7001'",
        "UNZ+1+7001'",
        '',
      ].join('\n'),
    );
    expect(statuses).toEqual(['partially-accepted']);
  });

  it('rejects the interchange at its own level when UNZ miscounts (29), and lists none of its messages', async () => {
    const { text, statuses } = await answer([unb(), ...orders('1', GOOD), unz(2)]);
    expect(text).toBe(
      [
        "UNB+UNOA:3+THREEPL:14+SENDER:14+250108:0930+7001'",
        "UNH+7001+CONTRL:D:3:UN'",
        "UCI+REF1+SENDER:14+THREEPL:14+4+29+UNZ+1'",
        "UNT+3+7001'",
        "UNZ+1+7001'",
        '',
      ].join('\n'),
    );
    expect(statuses).toEqual(['rejected']);
  });

  it('names the envelope error of a message in its UCM: UNT count 29, UNH/UNT reference 28, duplicate reference 26', async () => {
    const miscounted = await answer([unb(), ...orders('1', GOOD, { unt: "UNT+6+1'" }), unz(1)]);
    expect(miscounted.text).toBe(contrlText(["UCI+REF1+SENDER:14+THREEPL:14+7'", "UCM+1+ORDERS:D:96A:UN+4+29+UNT+1'"]));
    expect(miscounted.statuses).toEqual(['rejected']);

    const mismatched = await answer([unb(), ...orders('1', GOOD, { unt: "UNT+5+9'" }), unz(1)]);
    expect(mismatched.text).toBe(contrlText(["UCI+REF1+SENDER:14+THREEPL:14+7'", "UCM+1+ORDERS:D:96A:UN+4+28+UNT+2'"]));

    const duplicated = await answer([unb(), ...orders('1', GOOD), ...orders('1', GOOD), unz(2)]);
    expect(duplicated.text).toBe(contrlText(["UCI+REF1+SENDER:14+THREEPL:14+7'", "UCM+1+ORDERS:D:96A:UN+7'", "UCM+1+ORDERS:D:96A:UN+4+26+UNH+1'"]));
    expect(duplicated.statuses).toEqual(['partially-accepted']);
  });

  it('points at a missing mandatory segment (13) with the position where it was missed', async () => {
    // DTM belongs at position 3, where UNS stands.
    const { text } = await answer([unb(), ...orders('1', ["BGM+220+PO-1+9'", "UNS+S'"]), unz(1)]);
    expect(text).toBe(contrlText(["UCI+REF1+SENDER:14+THREEPL:14+7'", "UCM+1+ORDERS:D:96A:UN+4'", "UCS+3+13'"]));
  });

  it('lists the segments in error in message order: UCD under its segment\'s UCS (a simple element without 0104), 15 for a stray segment', async () => {
    const body = ["BGM+220+PO-123456789012345678901234567890123456+9'", "DTM+137:20250107:102'", "UNS+S'", "ZZZ+1'"];
    const { text } = await answer([unb(), ...orders('1', body), unz(1)]);
    expect(text).toBe(contrlText(["UCI+REF1+SENDER:14+THREEPL:14+7'", "UCM+1+ORDERS:D:96A:UN+4'", "UCS+2'", "UCD+39+2'", "UCS+5+15'"]));
  });

  it('rejects a message the gateway does not handle with 17 at UNH S009', async () => {
    const { text } = await answer([unb(), "UNH+1+PRICAT:D:96A:UN'", "BGM+9+1'", "UNT+3+1'", unz(1)]);
    expect(text).toBe(contrlText(["UCI+REF1+SENDER:14+THREEPL:14+7'", "UCM+1+PRICAT:D:96A:UN+4+17+UNH+2'"]));
  });

  it('answers the groups of an interchange with UCF, and a group rejected at its own level lists no messages', async () => {
    const ung = (reference: string) => `UNG+ORDERS+SAPP:ZZ+RAPP+250107:1305+${reference}+UN+D:96A'`;
    const { text, statuses } = await answer([unb(), ung('G1'), ...orders('1', GOOD), "UNE+1+G1'", ung('G2'), ...orders('2', GOOD), "UNE+2+G2'", unz(2)]);
    expect(text).toBe(
      contrlText(["UCI+REF1+SENDER:14+THREEPL:14+7'", "UCF+G1+SAPP:ZZ+RAPP+7'", "UCM+1+ORDERS:D:96A:UN+7'", "UCF+G2+SAPP:ZZ+RAPP+4+29+UNE+1'"]),
    );
    expect(statuses).toEqual(['partially-accepted']);
  });

  it('writes a version 4 CONTRL (CONTRL:4:1) for a version 4 interchange, with the repetition in S011 0136', async () => {
    const body = ["BGM+220+PO-1+9'", "DTM+137:20250107:102'", "NAD+BY+5412345000013::9'", "CTA+IC'", "COM+1:TE*2:TE*3:TE*4:TE'", "UNS+S'"];
    const { text } = await answer([unb({ version: '4', ack: true }), ...orders('1', body, { release: '01B' }), unz(1)]);
    expect(text).toBe(contrlText(["UCI+REF1+SENDER:14+THREEPL:14+7'", "UCM+1+ORDERS:D:01B:UN+4'", "UCS+6'", "UCD+35+1::4'"], { version: '4' }));
  });

  it('never answers a CONTRL, even when asked or told always', async () => {
    const received = [unb({ ack: true }), "UNH+1+CONTRL:D:3:UN'", "UCI+9+THREEPL:14+SENDER:14+7'", "UNT+3+1'", unz(1)];
    expect((await answer(received)).text).toBe('');
    expect((await answer(received, { always: true })).text).toBe('');
  });

  it('is due when asked (0031 = 1) or when something was rejected; a policy can ask for it always, or only when asked', async () => {
    const clean = [unb(), ...orders('1', GOOD), unz(1)];
    expect((await answer(clean)).text).toBe('');
    expect((await answer(clean, { always: true })).text).toBe(contrlText(["UCI+REF1+SENDER:14+THREEPL:14+7'", "UCM+1+ORDERS:D:96A:UN+7'"]));
    const broken = [unb(), ...orders('1', LONG_CODE), unz(1)];
    expect((await answer(broken)).statuses).toEqual(['rejected']);
    expect((await answer(broken)).text).toContain("UCM+1+ORDERS:D:96A:UN+4'");
    expect((await answer(broken, { whenRequestedOnly: true })).text).toBe('');
    expect((await answer([unb({ ack: true }), ...orders('1', LONG_CODE), unz(1)], { whenRequestedOnly: true })).text).toContain('UCD+39+1:1');
  });

  it('cuts a reference too long for 0020 rather than write a CONTRL that is wrong itself', async () => {
    const reference = 'REF-1234567890123';
    const { text } = await answer([unb({ reference }), ...orders('1', GOOD), unz(1, reference)]);
    expect(text).toBe(contrlText(["UCI+REF-1234567890+SENDER:14+THREEPL:14+4+39+UNB+5'"]));
  });

  it('leaves out of what it repeats the characters its syntax level cannot carry: lower case under UNOA', async () => {
    const { text } = await answer([unb().replace('SENDER:14', 'Acme:14'), ...orders('1', GOOD), unz(1)]);
    expect(text.split('\n').slice(0, 3)).toEqual(["UNB+UNOA:3+THREEPL:14+A:14+250108:0930+7001'", "UNH+7001+CONTRL:D:3:UN'", "UCI+REF1+A:14+THREEPL:14+4+21+UNB'"]);
  });

  it('lists at most 999 UCS under a UCM, counts what it left out, and still rejects the message', async () => {
    const strays = Array.from({ length: 1002 }, () => "ZZZ+1'");
    const { text, omitted } = await answer([unb(), ...orders('1', [...GOOD.slice(0, 2), ...strays, "UNS+S'"]), unz(1)]);
    const lines = text.split('\n');
    expect(lines.filter((line) => line.startsWith('UCS+'))).toHaveLength(999);
    expect(lines).toContain("UCM+1+ORDERS:D:96A:UN+4'");
    expect(lines.filter((line) => line.startsWith('UCS+')).at(-1)).toBe("UCS+1002+15'");
    expect(omitted).toEqual([3]);
  });
});
