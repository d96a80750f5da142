import { describe, expect, it } from '@jest/globals';
import type { Diagnostic } from '../../translators/diagnostic.js';
import { characterSet, decode, encode } from '../../translators/edifact/character-sets.js';
import { defaultDelimiters } from '../../translators/edifact/delimiters.js';
import { createEdifactReader, type InterchangeHeader, type Message } from '../../translators/edifact/envelope-reader.js';

// The EDIFACT reader on small hand-made interchanges: delimiters from UNA or the defaults, release
// characters, several interchanges, and each envelope fault with its CONTRL code (0085).

function read(text: string, chunkSize?: number): { interchanges: InterchangeHeader[]; messages: Message[]; findings: string[] } {
  const interchanges: InterchangeHeader[] = [];
  const messages: Message[] = [];
  const diagnostics: Diagnostic[] = [];
  const reader = createEdifactReader({ interchange: (header) => void interchanges.push(header), message: (message) => void messages.push(message), diagnostic: (d) => void diagnostics.push(d) });
  const bytes = Buffer.from(text, 'utf8');
  const size = chunkSize ?? bytes.length;
  for (let at = 0; at < bytes.length; at += size) reader.write(bytes.subarray(at, at + size));
  reader.end();
  const findings = diagnostics.map((d) => `${d.level} ${d.code} ${d.location.segment ?? '-'}${d.location.set ? `@${d.location.set}/${d.location.segmentPosition}` : ''}: ${d.message}`);
  return { interchanges, messages, findings };
}

const ORDERS = ["UNH+1+ORDERS:D:96A:UN:EAN008'", "BGM+220+PO-1+9'", "DTM+137:20250107:102'", "UNT+4+1'"];
const interchange = (body: readonly string[], unb = "UNB+UNOA:3+SENDER:14+THREEPL:14+250107:1305+REF1'", unz = `UNZ+1+REF1'`) => [unb, ...body, unz].join('\n');

describe('EDIFACT reader', () => {
  it('reads an interchange with the default delimiters', () => {
    const { interchanges, messages, findings } = read(interchange(ORDERS));
    expect(findings).toEqual([]);
    expect(interchanges[0]).toMatchObject({ syntaxIdentifier: 'UNOA', syntaxVersion: '3', sender: { id: 'SENDER', qualifier: '14' }, reference: 'REF1', serviceStringAdvice: false, test: false });
    expect(messages.map((message) => [message.type, message.version + message.release, message.reference, message.segments.length])).toEqual([['ORDERS', 'D96A', '1', 4]]);
    expect(messages[0]?.segments[1]?.value(2)).toBe('PO-1');
    expect(messages[0]?.segments[2]?.value(1, 2)).toBe('20250107');
  });

  it('takes the delimiters from UNA and removes release characters from data', () => {
    const text = ["UNA|*,# ~UNB*UNOC|3*S*R*250107|1305*7~", 'UNH*1*ORDERS|D|96A|UN~', 'FTX*AAI***50#% OFF#~ #*#|#|~', 'UNT*3*1~', 'UNZ*1*7~'].join('');
    const { interchanges, messages, findings } = read(text);
    expect(findings).toEqual([]);
    expect(interchanges[0]?.delimiters).toEqual({ component: '|', element: '*', decimal: ',', release: '#', repetition: undefined, segment: '~' });
    expect(interchanges[0]?.serviceStringAdvice).toBe(true);
    expect(messages[0]?.segments[1]?.value(4)).toBe('50% OFF~ *||');
  });

  it('reads a released terminator as data in chunks of any size', () => {
    const text = interchange(["UNH+1+ORDERS:D:96A:UN'", "FTX+AAI+++IT?'S ??FINE'", "UNT+3+1'"]);
    for (const size of [1, 2, 3, 1000]) {
      const { messages, findings } = read(text, size);
      expect(findings).toEqual([]);
      expect(messages[0]?.segments[1]?.value(4)).toBe("IT'S ?FINE");
    }
  });

  it('reports an unescaped release character: the terminator it releases joins two segments, and UNT no longer counts right', () => {
    const { findings } = read(interchange(["UNH+1+ORDERS:D:96A:UN'", "FTX+AAI+++50% OFF?'", "BGM+220+PO-1+9'", "UNT+4+1'"]));
    expect(findings).toEqual(['set 29 UNT@1/3: UNT counts "4", but message 1 has 3 segments, UNH and UNT included.']);
  });

  it('uses the version 4 repetition separator by default in a version 4 interchange', () => {
    const { interchanges, messages, findings } = read(interchange(["UNH+1+ORDERS:D:01B:UN'", "FTX+AAI+++A*B'", "UNT+3+1'"], "UNB+UNOC:4+S+R+20250107:1305+REF1'"));
    expect(findings).toEqual([]);
    expect(interchanges[0]?.delimiters.repetition).toBe('*');
    expect(messages[0]?.segments[1]?.elements[4]).toEqual([['A'], ['B']]);
  });

  it('reads several interchanges, each with its own delimiters, after a byte order mark', () => {
    const text = `\ufeff${interchange(ORDERS)}\r\nUNA:+.? 'UNB+UNOB:3+S+R+250107:1305+REF2'${ORDERS.join('')}UNZ+1+REF2'`;
    const { interchanges, findings } = read(text);
    expect(findings).toEqual([]);
    expect(interchanges.map((header) => [header.reference, header.serviceStringAdvice])).toEqual([
      ['REF1', false],
      ['REF2', true],
    ]);
  });

  it('reads level B files written with the information separators and no UNA', () => {
    const text = ['UNB\x1dUNOB\x1f3\x1dS\x1dR\x1d250107\x1f1305\x1dREF1', 'UNH\x1d1\x1dORDERS\x1fD\x1f96A\x1fUN', 'UNT\x1d2\x1d1', 'UNZ\x1d1\x1dREF1'].join('\x1c') + '\x1c';
    const { messages, findings } = read(text);
    expect(findings).toEqual([]);
    expect(messages[0]?.type).toBe('ORDERS');
  });

  it('checks characters against the syntax level: lower case is not UNOA', () => {
    const { findings } = read(interchange(["UNH+1+ORDERS:D:96A:UN'", "FTX+AAI+++Handle with care'", "UNT+3+1'"]));
    expect(findings).toEqual([
      'segment 21 FTX@1/2: FTX has "a" at character 12, which syntax level UNOA (level A: upper-case letters, digits, space and . , - ( ) / = \' + : ? ! " % & * ; < >) does not allow.',
    ]);
    expect(read(interchange(["UNH+1+ORDERS:D:96A:UN'", "FTX+AAI+++Zürich'", "UNT+3+1'"], "UNB+UNOY:3+S+R+250107:1305+REF1'")).findings).toEqual([]);
  });

  it('reports each envelope fault with its CONTRL code', () => {
    expect(read(interchange(["UNH+1+ORDERS:D:96A:UN'", "BGM+220+PO-1+9'", "UNT+5+2'"])).findings).toEqual([
      'set 29 UNT@1/3: UNT counts "5", but message 1 has 3 segments, UNH and UNT included.',
      'set 28 UNT@1/3: UNT\'s reference "2" differs from UNH\'s "1".',
    ]);
    expect(read(interchange(ORDERS, undefined, "UNZ+2+REF9'")).findings).toEqual([
      'interchange 29 UNZ: UNZ counts "2", but interchange REF1 holds 1 message.',
      'interchange 28 UNZ: UNZ\'s reference "REF9" differs from UNB\'s "REF1".',
    ]);
    expect(read(`${interchange(ORDERS)}\n${interchange(ORDERS)}`).findings).toEqual(['interchange 26 UNB: Interchange REF1 from SENDER to THREEPL was already received in this file.']);
    expect(read(interchange([...ORDERS, ...ORDERS], undefined, "UNZ+2+REF1'")).findings).toEqual(['set 26 UNH@1/1: Message reference 1 is used twice in interchange REF1.']);
    expect(read(interchange(ORDERS).replace("UNZ+1+REF1'", '')).findings).toEqual(['interchange 13 UNT: Interchange REF1 has no UNZ: the file ends before it.']);
    expect(read(interchange(ORDERS, "UNB+UNOA:3+SENDER:14+THREEPL:14+250230:1305+REF1++++++X'")).findings).toEqual([
      'interchange 12 UNB: UNB\'s date of preparation is "250230"; it must be a date written YYMMDD or CCYYMMDD.',
      'interchange 12 UNB: UNB\'s test indicator (0035) is "X"; it may only be 1, for a test interchange.',
    ]);
    expect(read(`BGM+220+X'${interchange(ORDERS)}`).findings).toEqual(['interchange 33 -: 10 bytes outside any interchange (starting "BGM+220+X\'") were skipped.']);
  });

  it('reads a segment much longer than its chunks in time linear in its length', () => {
    const long = `FTX+AAI+++${'A'.repeat(300_000)}'`;
    const { messages, findings } = read(interchange(["UNH+1+ORDERS:D:96A:UN'", long, "UNT+3+1'"]), 1);
    expect(findings).toEqual([]);
    expect(messages[0]?.segments[1]?.value(4)).toHaveLength(300_000);
  });
});

describe('EDIFACT interchange header', () => {
  it('reads the parties in the character set UNB names, not as latin1', () => {
    let header: InterchangeHeader | undefined;
    const reader = createEdifactReader({ interchange: (read) => void (header = read) });
    reader.write(Buffer.from("UNB+UNOY:4+ŁÓDŹ:ZZZ+ÉCOLE:ZZZ+20250107:1305+R1'UNZ+0+R1'", 'utf8'));
    reader.end();
    expect(header?.sender).toEqual({ id: 'ŁÓDŹ', qualifier: 'ZZZ' });
    expect(header?.recipient).toEqual({ id: 'ÉCOLE', qualifier: 'ZZZ' });
  });
});

describe('EDIFACT character sets, written', () => {
  it('encodes text in its syntax level bytes, ISO 8859 parts included, and decodes back the same', () => {
    const unod = characterSet('UNOD', defaultDelimiters(false));
    if (!unod) throw new Error('UNOD is a known character set');
    const bytes = encode('ŁÓDŹ', unod);
    expect([...bytes]).toEqual([0xa3, 0xd3, 0x44, 0xac]);
    expect(decode(Buffer.from(bytes).toString('latin1'), unod)).toBe('ŁÓDŹ');
    expect([...encode('É', characterSet('UNOY', defaultDelimiters(true)))]).toEqual([0xc3, 0x89]);
    expect([...encode('É', undefined)]).toEqual([0xc9]);
  });
});
