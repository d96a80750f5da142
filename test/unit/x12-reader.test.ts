import { describe, expect, it } from '@jest/globals';
import type { Diagnostic } from '../../translators/diagnostic.js';
import { InterchangeNote } from '../../translators/x12/codes.js';
import { createX12Reader } from '../../translators/x12/envelope-reader.js';
import { readX12 } from '../../translators/x12/read-x12.js';
import { DelimiterInDataError, writeSegmentData } from '../../translators/x12/serialize.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** A 4010 850 with two transaction sets; `edit` changes its text before use. */
function order(
  options: { version?: '00401' | '00501'; separator?: string; terminator?: string; controlNumber?: string; edit?: (text: string) => string } = {},
): string {
  const icn = options.controlNumber ?? '000000905';
  const version = options.version ?? '00401';
  const e = options.separator ?? '*';
  const t = options.terminator ?? '~';
  const isa11 = version === '00501' ? '^' : 'U';
  const gs08 = version === '00501' ? '005010' : '004010';
  const segments = [
    `ISA*00*          *00*          *ZZ*ACME           *ZZ*THREEPL        *250107*1305*${isa11}*${version}*${icn}*1*T*>`,
    `GS*PO*ACME*THREEPL*20250107*1305*905*X*${gs08}`,
    'ST*850*0001',
    'BEG*00*SA*4500012345**20250107',
    'PO1*1*10*EA*9.99**VP*ABC-1',
    'CTT*1',
    'SE*5*0001',
    'ST*850*0002',
    'BEG*00*SA*4500012346**20250107',
    'SE*3*0002',
    'GE*2*905',
    `IEA*1*${icn}`,
  ].map((segment) => segment.replaceAll('*', e));
  const text = `${segments.join(`${t}\n`)}${t}\n`;
  return options.edit ? options.edit(text) : text;
}

/** The reader's whole output in a comparable form. */
function summary(text: string | Buffer, chunkSize?: number) {
  const bytes = typeof text === 'string' ? latin1(text) : text;
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += chunkSize ?? bytes.length) chunks.push(bytes.subarray(start, start + (chunkSize ?? bytes.length)));
  return readX12(chunks);
}

const codes = (text: string) => summary(text).diagnostics.map((diagnostic) => `${diagnostic.codeList}:${diagnostic.code}`);

describe('X12 reader', () => {
  it('reads interchange, group and transaction sets with their headers', () => {
    const { interchanges, diagnostics } = summary(order());
    expect(diagnostics).toEqual([]);
    expect(interchanges).toHaveLength(1);
    const [interchange] = interchanges;
    expect(interchange?.header).toMatchObject({
      controlNumber: '000000905',
      version: '00401',
      usage: 'T',
      acknowledgmentRequested: true,
      sender: { qualifier: 'ZZ', id: 'ACME' },
      receiver: { qualifier: 'ZZ', id: 'THREEPL' },
      delimiters: { element: '*', component: '>', repetition: undefined, segment: '~' },
    });
    const group = interchange?.groups[0];
    expect(group?.header).toMatchObject({ functionalId: 'PO', controlNumber: '905', version: '004010' });
    expect(group?.sets.map((set) => [set.id, set.controlNumber, set.segments.length])).toEqual([
      ['850', '0001', 5],
      ['850', '0002', 3],
    ]);
    const beg = group?.sets[0]?.segments[1];
    expect(beg?.tag).toBe('BEG');
    expect(beg?.elements[3]).toBe('4500012345');
  });

  it('gives the same result whatever the chunk sizes, down to one byte', () => {
    const text = `\u00ef\u00bb\u00bf  ${order()}${order({ version: '00501', separator: '|', terminator: '\u00e2\u0080\u00a6', controlNumber: '000000906' })}`;
    const whole = summary(text);
    for (const size of [1, 2, 3, 7, 64, 105, 106, 107, 1000]) expect(summary(text, size)).toEqual(whole);
    expect(whole.interchanges).toHaveLength(2);
  });

  it('takes each interchange with its own delimiters, the repetition separator from 00501 on', () => {
    const { interchanges, diagnostics } = summary(order() + order({ version: '00501', separator: '|', terminator: '\n', controlNumber: '000000906' }));
    expect(diagnostics).toEqual([]);
    expect(interchanges.map((interchange) => interchange.header.delimiters)).toEqual([
      { element: '*', component: '>', repetition: undefined, segment: '~' },
      { element: '|', component: '>', repetition: '^', segment: '\n' },
    ]);
    expect(interchanges[1]?.groups[0]?.sets[0]?.segments[1]?.elements[3]).toBe('4500012345');
  });

  it('reads a multi-byte UTF-8 segment terminator as one delimiter', () => {
    const { interchanges, diagnostics } = summary(order({ terminator: '\u00e2\u0080\u00a6' }));
    expect(diagnostics).toEqual([]);
    expect(interchanges[0]?.header.delimiters.segment).toBe('\u00e2\u0080\u00a6');
    expect(interchanges[0]?.groups[0]?.sets).toHaveLength(2);
  });

  it('tolerates a byte order mark, white space, CR LF after terminators and indented segments', () => {
    const text = `\u00ef\u00bb\u00bf\r\n ${order().replaceAll('~\n', '~\r\n    ')}`;
    expect(summary(text).diagnostics).toEqual([]);
  });

  it('joins lines wrapped at 80 columns', () => {
    const flat = order().replaceAll('\n', '');
    const wrapped = flat.match(/.{1,80}/g)?.join('\r\n') ?? '';
    const { interchanges, diagnostics } = summary(wrapped);
    expect(diagnostics).toEqual([]);
    expect(interchanges[0]?.groups[0]?.sets[0]?.segments.map((segment) => segment.elements.join('*'))).toEqual(
      summary(flat).interchanges[0]?.groups[0]?.sets[0]?.segments.map((segment) => segment.elements.join('*')),
    );
  });

  it('reads BIN data by its length, terminators and all', () => {
    const data = 'AB~CD*EF\nGH';
    const text = order({ edit: (t) => t.replace('CTT*1~', `BIN*${data.length}*${data}~\nCTT*1~`).replace('SE*5*0001', 'SE*6*0001') });
    const { interchanges, diagnostics } = summary(text);
    expect(diagnostics).toEqual([]);
    const bin = interchanges[0]?.groups[0]?.sets[0]?.segments.find((segment) => segment.tag === 'BIN');
    expect(bin?.elements.slice(1).join('*')).toBe(`${data.length}*${data}`);
  });

  it('records byte offsets of segments', () => {
    const text = order();
    const { interchanges } = summary(text);
    const st = interchanges[0]?.groups[0]?.sets[1]?.segments[0];
    expect(text.slice(st?.offset, (st?.offset ?? 0) + 12)).toBe('ST*850*0002~');
  });
});

describe('X12 envelope checks', () => {
  it.each([
    ['SE01 wrong', (t: string) => t.replace('SE*5*0001', 'SE*4*0001'), ['AK502:4']],
    ['SE02 not ST02', (t: string) => t.replace('SE*5*0001', 'SE*5*0009'), ['AK502:3']],
    ['duplicate ST02 (004010)', (t: string) => t.replace('ST*850*0002', 'ST*850*0001').replace('SE*3*0002', 'SE*3*0001'), ['AK502:7']],
    ['ST01 not a set id', (t: string) => t.replace('ST*850*0002', 'ST*85X*0002'), ['AK502:6']],
    ['SE missing', (t: string) => t.replace('SE*3*0002~\n', ''), ['AK502:2']],
    ['GE01 wrong', (t: string) => t.replace('GE*2*905', 'GE*3*905'), ['AK905:5']],
    ['GE02 not GS06', (t: string) => t.replace('GE*2*905', 'GE*2*906'), ['AK905:4']],
    ['GE missing', (t: string) => t.replace('GE*2*905~\n', ''), ['AK905:3']],
    ['IEA01 wrong', (t: string) => t.replace('IEA*1*', 'IEA*2*'), ['TA105:021']],
    ['IEA02 not ISA13', (t: string) => t.replace('IEA*1*000000905', 'IEA*1*000000906'), ['TA105:001']],
    ['IEA missing', (t: string) => t.replace('IEA*1*000000905~\n', ''), ['TA105:023']],
    ['ISA06 not 15 characters', (t: string) => t.replace('ACME           *ZZ', 'ACME*ZZ'), ['TA105:006']],
    ['ISA09 not a date', (t: string) => t.replace('*250107*', '*251307*'), ['TA105:014']],
    ['ISA13 not numeric', (t: string) => t.replace('*00401*000000905*', '*00401*00000090X*').replace('IEA*1*000000905', 'IEA*1*00000090X'), ['TA105:018']],
    ['ISA15 not P or T', (t: string) => t.replace('*1*T*>', '*1*X*>'), ['TA105:020']],
    ['GS04 not a date', (t: string) => t.replace('*20250107*1305*905', '*20250230*1305*905'), ['TA105:024']],
    ['segment between sets', (t: string) => t.replace('ST*850*0002', 'REF*ZZ*1~\nST*850*0002'), ['TA105:024']],
  ])('%s', (_label, edit, expected) => {
    expect(codes(order({ edit }))).toEqual(expected);
  });

  it('reports the same interchange twice in a file with note 025', () => {
    expect(codes(order() + order())).toEqual(['TA105:025']);
    expect(codes(order() + order({ controlNumber: '000000906' }))).toEqual([]);
  });

  it('reports a duplicate ST02 in 005010 with code 23', () => {
    const edit = (t: string) => t.replace('ST*850*0002', 'ST*850*0001').replace('SE*3*0002', 'SE*3*0001');
    expect(codes(order({ version: '00501', edit }))).toEqual(['IK502:23']);
  });

  it('locates a diagnostic by interchange, group, set, segment position and byte offset', () => {
    const text = order({ edit: (t) => t.replace('SE*5*0001', 'SE*4*0001') });
    const [diagnostic] = summary(text).diagnostics;
    expect(diagnostic).toMatchObject({
      level: 'set',
      message: 'SE01 says "4" segments but transaction set 0001 has 5 (ST to SE).',
      location: { interchange: '000000905', group: '905', set: '0001', segment: 'SE', segmentPosition: 5, offset: text.indexOf('SE*4*0001') },
    });
  });

  it('refuses an element separator that is a letter, and skips bytes outside interchanges', () => {
    expect(codes('ISAA00A')).toEqual(['TA105:026', 'TA105:024']);
    expect(codes(`garbage\n${order()}`)).toEqual(['TA105:024']);
  });

  it('reads a last segment that has no terminator, with a warning', () => {
    const text = order().replace(/~\n$/, '');
    const { diagnostics, interchanges } = summary(text);
    expect(diagnostics.map((d) => `${d.severity} ${d.codeList}:${d.code} ${d.message}`)).toEqual([
      'warning TA105:023 The last segment of the file has no segment terminator.',
    ]);
    expect(interchanges[0]?.groups[0]?.sets).toHaveLength(2);
  });

  it('stops buffering a segment that never ends, says so, and holds only the limit in memory', () => {
    const diagnostics: Diagnostic[] = [];
    const sets: string[] = [];
    const reader = createX12Reader(
      { diagnostic: (d) => void diagnostics.push(d), transactionSet: (set) => void sets.push(set.controlNumber) },
      { maxSegmentBytes: 1000 },
    );
    reader.write(latin1(order().split('CTT')[0] ?? ''));
    for (let chunk = 0; chunk < 20; chunk += 1) reader.write(latin1('9'.repeat(100)));
    reader.end();
    const runaway = diagnostics.find((d) => d.code === InterchangeNote.segmentTerminatorInvalid);
    expect(runaway?.message).toMatch(/^No segment terminator in \d+ bytes; the rest of this interchange cannot be read\.$/);
    expect(Number(runaway?.message.match(/in (\d+) bytes/)?.[1])).toBeLessThanOrEqual(1100);
    // The set that was cut off is still reported, without its trailer.
    expect(sets).toEqual(['0001']);
    expect(diagnostics.map((d) => `${d.codeList}:${d.code}`)).toContain('AK502:2');
  });
});

describe('X12 segment writer', () => {
  const delimiters = { element: '*', component: ':', repetition: '^', segment: '~' };

  it('writes elements with the partner delimiters', () => {
    expect(writeSegmentData({ tag: 'N1', elements: ['ST', 'ACME DC', '92', '0042'] }, delimiters)).toBe('N1*ST*ACME DC*92*0042');
  });

  it('refuses data holding a delimiter, naming the element', () => {
    expect(() => writeSegmentData({ tag: 'N1', elements: ['ST', 'A*B'] }, delimiters)).toThrow(DelimiterInDataError);
    expect(() => writeSegmentData({ tag: 'N1', elements: ['ST', 'A~B'] }, delimiters)).toThrow('N102 contains "~", which is a delimiter of this interchange');
  });
});
