import { describe, expect, it } from '@jest/globals';
import { acknowledge, type AckPolicy } from '../../translators/acks/acknowledge.js';
import { createMemoryAllocator } from '../../translators/control-numbers.js';
import { DelimiterInDataError, serializeInterchange, writeSegmentData } from '../../translators/x12/serialize.js';
import { createValidatingReader, type InterchangeOutcome } from '../../translators/x12/validating-reader.js';
import { compileSet } from '../../translators/x12/validator/compiled-spec.js';
import { GOOD_BODY, mini850, miniDictionary } from '../helpers/mini-850.js';

// Acknowledgments written out in full and checked by hand against the 997, 999 and TA1 rules.

const NOW = new Date(Date.UTC(2025, 0, 8, 9, 30));

function isa(version: '00401' | '00501', options: { ack?: '0' | '1'; controlNumber?: string } = {}): string {
  const isa11 = version === '00501' ? '^' : 'U';
  return `ISA*00*          *00*          *ZZ*ACME           *ZZ*THREEPL        *250107*1305*${isa11}*${version}*${options.controlNumber ?? '000000905'}*${options.ack ?? '0'}*P*>`;
}

function set(controlNumber: string, body: readonly string[]): string[] {
  return [`ST*850*${controlNumber}`, ...body, `SE*${body.length + 2}*${controlNumber}`];
}

async function acks(lines: readonly string[], policy: AckPolicy = {}): Promise<string> {
  const compiled4010 = compileSet(mini850, miniDictionary);
  const compiled5010 = compileSet({ ...mini850, version: '005010' }, miniDictionary);
  const outcomes: InterchangeOutcome[] = [];
  const reader = createValidatingReader(
    { interchangeEnd: (outcome) => void outcomes.push(outcome) },
    { specs: (version, id) => (id !== '850' ? undefined : version.startsWith('005') ? compiled5010 : compiled4010), collectOutcomes: true },
  );
  reader.write(Buffer.from(lines.join('~\n') + '~\n', 'latin1'));
  reader.end();
  const allocator = createMemoryAllocator({ interchange: 7001, group: 7001, set: 7001 });
  let text = '';
  for (const outcome of outcomes) {
    const answer = acknowledge(outcome, NOW, policy);
    if (answer) text += await serializeInterchange(answer.interchange, { delimiters: answer.delimiters, lineEnding: '\n', allocator, partner: 'ACME', now: NOW });
  }
  return text;
}

const BAD_PO = ['BEG*00*SA*PO-2**20250230', 'PO1*1*10*KG*9.99**VP*ABC-1', 'CTT*1'];

describe('997, 999 and TA1', () => {
  it('accepts the good sets of a group and rejects the bad one: AK9 P with the counts', async () => {
    const text = await acks([isa('00401'), 'GS*PO*ACME*THREEPL*20250107*1305*905*X*004010', ...set('0001', GOOD_BODY), ...set('0002', BAD_PO), 'GE*2*905', 'IEA*1*000000905']);
    expect(text).toBe(
      [
        'ISA*00*          *00*          *ZZ*THREEPL        *ZZ*ACME           *250108*0930*U*00401*000007001*0*P*>~',
        'GS*FA*THREEPL*ACME*20250108*0930*7001*X*004010~',
        'ST*997*7001~',
        'AK1*PO*905~',
        'AK2*850*0001~',
        'AK5*A~',
        'AK2*850*0002~',
        'AK3*BEG*2**8~',
        'AK4*5*373*8*20250230~',
        'AK3*PO1*3*PO1*8~',
        'AK4*3*355*7*KG~',
        'AK5*R*5~',
        'AK9*P*2*2*1~',
        'SE*12*7001~',
        'GE*1*7001~',
        'IEA*1*000007001~',
        '',
      ].join('\n'),
    );
  });

  it('answers 005010 with a 999: IK3/IK4 with the component position, IK5, AK9 R when nothing is accepted', async () => {
    const text = await acks([
      isa('00501'),
      'GS*PO*ACME*THREEPL*20250107*1305*905*X*005010',
      ...set('0001', ['BEG*00*SA*PO-1**20250107', 'PO1*1*10*EA*9.99**VP*ABC-1', 'MEA*PD*WT*12.5*KG', 'CTT*1']),
      'GE*1*905',
      'IEA*1*000000905',
    ]);
    expect(text.split('\n').slice(1, -3)).toEqual([
      'GS*FA*THREEPL*ACME*20250108*0930*7001*X*005010X231A1~',
      'ST*999*7001*005010X231A1~',
      'AK1*PO*905*005010~',
      'AK2*850*0001~',
      'IK3*MEA*4*PO1*8~',
      'IK4*4>1*355*7*KG~',
      'IK5*R*5~',
      'AK9*R*1*1*0~',
      'SE*8*7001~',
    ]);
  });

  it('sends a TA1 when the sender asks for one, and with an accepted interchange the 997 too', async () => {
    const text = await acks([isa('00401', { ack: '1' }), 'GS*PO*ACME*THREEPL*20250107*1305*905*X*004010', ...set('0001', GOOD_BODY), 'GE*1*905', 'IEA*1*000000905']);
    expect(text.split('\n').slice(1, 3)).toEqual(['TA1*000000905*250107*1305*A*000~', 'GS*FA*THREEPL*ACME*20250108*0930*7001*X*004010~']);
    expect(text).toContain('AK9*A*1*1*1~');
  });

  it('rejects a broken envelope with a TA1 and acknowledges none of its groups', async () => {
    const text = await acks([isa('00401'), 'GS*PO*ACME*THREEPL*20250107*1305*905*X*004010', ...set('0001', GOOD_BODY), 'GE*1*905', 'IEA*1*000000906']);
    expect(text.split('\n')).toEqual([expect.stringMatching(/^ISA\*/), 'TA1*000000905*250107*1305*R*001~', 'IEA*0*000007001~', '']);
  });

  it('reports a duplicate interchange with note 025', async () => {
    const one = [isa('00401'), 'GS*PO*ACME*THREEPL*20250107*1305*905*X*004010', ...set('0001', GOOD_BODY), 'GE*1*905', 'IEA*1*000000905'];
    const text = await acks([...one, ...one]);
    expect(text).toContain('TA1*000000905*250107*1305*R*025~');
  });

  it('never acknowledges an acknowledgment', async () => {
    const ack997 = [isa('00401', { ack: '1' }), 'GS*FA*ACME*THREEPL*20250107*1305*906*X*004010', 'ST*997*0001', 'AK1*PO*905', 'AK9*A*1*1*1', 'SE*4*0001', 'GE*1*906', 'IEA*1*000000905'];
    expect(await acks(ack997)).toBe('');
    const ta1 = [isa('00401', { ack: '1' }), 'TA1*000000123*250107*1305*A*000', 'IEA*0*000000905'];
    expect(await acks(ta1)).toBe('');
  });

  it('gives a set the gateway does not handle AK5 R with code 1, and can answer 005010 with a 997', async () => {
    const text = await acks(
      [isa('00501'), 'GS*PO*ACME*THREEPL*20250107*1305*905*X*005010', 'ST*855*0001', 'BAK*00*AD*PO-1*20250107', 'SE*3*0001', 'GE*1*905', 'IEA*1*000000905'],
      { functionalAck: '997' },
    );
    expect(text).toContain('ST*997*7001~\nAK1*PO*905*005010~\nAK2*855*0001~\nAK5*R*1~\nAK9*R*1*1*0~');
  });

  it('answers an interchange whose ISA11 is longer than a character with a repetition separator of its own', async () => {
    const text = await acks([isa('00501').replace('*^*', '*isPrototypeOf*'), 'GS*PO*ACME*THREEPL*20250107*1305*905*X*005010', ...set('0001', GOOD_BODY), 'GE*1*905', 'IEA*1*000000905'], { functionalAck: '999' });
    expect(text.slice(0, 106)).toBe('ISA*00*          *00*          *ZZ*THREEPL        *ZZ*ACME           *250108*0930*^*00501*000007001*0*P*>~');
    expect(text).toContain('TA1*000000905*250107*1305*R*016~');
  });

  it('counts SE01, GE01 and IEA01 and refuses data that holds a delimiter', async () => {
    const delimiters = { element: '*', component: '>', repetition: '^', segment: '~' };
    expect(writeSegmentData({ tag: 'N1', elements: ['ST', 'Dock 5', '', ''] }, delimiters)).toBe('N1*ST*Dock 5');
    expect(writeSegmentData({ tag: 'MEA', elements: ['PD', 'WT', '12.5', ['LB', '']] }, delimiters)).toBe('MEA*PD*WT*12.5*LB');
    expect(writeSegmentData({ tag: 'REF', elements: ['ZZ', { repeats: ['A', 'B'] }] }, delimiters)).toBe('REF*ZZ*A^B');
    expect(() => writeSegmentData({ tag: 'N1', elements: ['ST', 'Dock*5'] }, delimiters)).toThrow(DelimiterInDataError);
    expect(() => writeSegmentData({ tag: 'N1', elements: ['ST', 'A>B'] }, delimiters)).toThrow('N102 contains ">", which is a delimiter of this interchange');
  });
});
