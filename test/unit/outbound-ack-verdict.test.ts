import { describe, expect, it } from '@jest/globals';
import { sameNumber, verdictFor } from '../../gateway/outbound/ack-verdict.js';
import { readFunctionalAcks } from '../../gateway/outbound/read-functional-acks.js';

// Partners' 997s, 999s and CONTRLs read as canonical FunctionalAcks, and what each says of one document of ours.

/** One interchange from the partner with one FA group of 997s (004010) or 999s (005010X231A1), each set given by its body (AK1 to AK9). */
function x12(kind: '997' | '999', bodies: readonly string[]): Buffer {
  const [isaVersion, gsVersion, repetition] = kind === '999' ? ['00501', '005010X231A1', '^'] : ['00401', '004010', 'U'];
  const sets = bodies.map((body, index) => {
    const control = String(index + 1).padStart(4, '0');
    const count = body.split('~').filter(Boolean).length + 2;
    return `ST*${kind}*${control}${kind === '999' ? '*005010X231A1' : ''}~${body}SE*${count}*${control}~`;
  });
  const isa = `ISA*00*          *00*          *ZZ*PARTNER        *01*123456789      *250301*1200*${repetition}*${isaVersion}*000000042*0*T*>~`;
  return Buffer.from(`${isa}GS*FA*PARTNER*THREEPL*20250301*1200*42*X*${gsVersion}~${sets.join('')}GE*${sets.length}*42~IEA*1*000000042~`, 'latin1');
}

function only(bytes: Buffer, standard: 'X12' | 'EDIFACT') {
  const reads = [...readFunctionalAcks(bytes, standard).values()];
  expect(reads).toHaveLength(1);
  const [read] = reads;
  if (!read?.ok) throw new Error(read?.problem);
  return read.ack;
}

describe('a 997', () => {
  it('names the group it answers, each set with its verdict, and every error with the words of its code', () => {
    const ack = only(x12('997', ['AK1*SH*7~AK2*856*0001~AK3*N1*5*N1*8~AK4*4*66*7*ZZ~AK5*R*5~AK2*856*0002~AK5*A~AK9*P*2*2*1~']), 'X12');
    expect(ack.acknowledged).toEqual({ functionalId: 'SH', groupControlNumber: '7' });
    expect(ack.status).toBe('partially-accepted');
    expect(ack.counts).toEqual({ included: 2, received: 2, accepted: 1 });
    expect(ack.sets[0]).toEqual({
      setControlNumber: '0001',
      setType: '856',
      status: 'rejected',
      errors: [
        { level: 'set', code: '5', reason: 'one or more segments in error' },
        { level: 'segment', code: '8', reason: 'segment has data element errors', segment: 'N1', segmentPosition: 5, loop: 'N1' },
        { level: 'element', code: '7', reason: 'invalid code value', segment: 'N1', segmentPosition: 5, element: 4, badValue: 'ZZ' },
      ],
    });
    expect(verdictFor(ack, '997', '0001')).toEqual({
      state: 'REJECTED',
      reason:
        'rejected: one or more segments in error (AK502 5); segment N1 at position 5 in loop N1: segment has data element errors (AK304 8); N104 (the segment at position 5): invalid code value "ZZ" (AK403 7)',
    });
    expect(verdictFor(ack, '997', '2')).toEqual({ state: 'ACCEPTED', reason: null });
    // Partly accepted, without a word on set 0003: it does not say.
    expect(verdictFor(ack, '997', '0003')).toBeUndefined();
  });

  it('without AK2 speaks for its whole group, and a rejected group rejects every set in it with its AK905 reasons', () => {
    expect(verdictFor(only(x12('997', ['AK1*SH*7~AK9*A*1*1*1~']), 'X12'), '997', '0001')).toEqual({ state: 'ACCEPTED', reason: null });
    const rejected = only(x12('997', ['AK1*SH*7~AK2*856*0001~AK5*A~AK9*R*1*1*0*5~']), 'X12');
    expect(verdictFor(rejected, '997', '0001')).toEqual({
      state: 'REJECTED',
      reason: 'rejected: the group: number of transaction sets in the trailer does not match the sets sent (AK905 5)',
    });
  });

  it('reads without AK1 as a problem, not as an acknowledgment', () => {
    const [read] = [...readFunctionalAcks(x12('997', ['AK9*A*1*1*1~']), 'X12').values()];
    expect(read).toEqual({ ok: false, problem: expect.stringContaining('names no group (AK102)') });
  });
});

describe('a 999', () => {
  it('reads IK3/IK4 with their implementation codes and the repetition, and words them with IK304/IK403', () => {
    const ack = only(x12('999', ['AK1*SH*9*005010~AK2*856*0001*005010~IK3*REF*6*HL*8~IK4*2>>2*127*I12*ABC~IK5*R*I5~AK9*R*1*1*0~']), 'X12');
    expect(ack.sets[0]?.errors?.[2]).toEqual({
      level: 'element',
      code: 'I12',
      reason: 'value does not match the pattern the implementation guide sets',
      segment: 'REF',
      segmentPosition: 6,
      element: 2,
      repetition: 2,
      badValue: 'ABC',
    });
    expect(verdictFor(ack, '999', '1')?.reason).toBe(
      'rejected: one or more segments break the implementation guide (IK502 I5); segment REF at position 6 in loop HL: segment has data element errors (IK304 8); ' +
        'REF02 (the segment at position 6): value does not match the pattern the implementation guide sets "ABC" (IK403 I12)',
    );
  });
});

describe('a CONTRL', () => {
  const contrl = (lines: readonly string[]) =>
    Buffer.from(["UNB+UNOC:3+PARTNER:ZZZ+4012345000009:14+250301:1200+C9'", "UNH+1+CONTRL:D:3:UN'", ...lines, `UNT+${lines.length + 2}+1'`, "UNZ+1+C9'"].join(''), 'latin1');

  it('under UCI 7 accepts what it does not list, and rejects a UCM 4 with its UCS/UCD errors', () => {
    const ack = only(contrl(["UCI+17+4012345000009:14+PARTNER:ZZZ+7'", "UCM+2+DESADV:D:96A:UN+4+'", "UCS+4+13'"]), 'EDIFACT');
    expect(ack.acknowledged).toEqual({ interchangeControlNumber: '17' });
    expect(ack.status).toBe('partially-accepted');
    expect(verdictFor(ack, 'CONTRL', '1')).toEqual({ state: 'ACCEPTED', reason: null });
    expect(verdictFor(ack, 'CONTRL', '2')).toEqual({ state: 'REJECTED', reason: 'rejected: the segment at position 4: missing (0085 13)' });
  });

  it('under UCI 4 rejects the whole interchange, with the reason UCI gives', () => {
    const ack = only(contrl(["UCI+17+4012345000009:14+PARTNER:ZZZ+4+7'"]), 'EDIFACT');
    expect(verdictFor(ack, 'CONTRL', '1')).toEqual({ state: 'REJECTED', reason: 'rejected: the interchange: the recipient is not the actual recipient (0085 7)' });
  });
});

describe('control numbers', () => {
  it('are the same with or without the leading zeros we wrote', () => {
    expect(sameNumber('0001', '1')).toBe(true);
    expect(sameNumber('000000042', '42')).toBe(true);
    expect(sameNumber('0', '000')).toBe(true);
    expect(sameNumber('10', '1')).toBe(false);
    expect(sameNumber(null, '1')).toBe(false);
  });
});
