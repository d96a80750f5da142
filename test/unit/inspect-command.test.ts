import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { runCliInProcess } from '../helpers/cli-in-process.js';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-inspect-'));
function file(name: string, content: string): string {
  const target = path.join(folder, name);
  fs.writeFileSync(target, content, 'latin1');
  return target;
}

const inspect = (...args: string[]) => runCliInProcess(['inspect', ...args]);

const interchange = (se01 = '4', big = 'BIG*20250107*INV-1') =>
  [
    'ISA*00*          *00*          *ZZ*ACME           *ZZ*THREEPL        *250107*1305*U*00401*000000905*0*P*>',
    'GS*IN*ACME*THREEPL*20250107*1305*905*X*004010',
    'ST*810*0001',
    big,
    'TDS*1000',
    `SE*${se01}*0001`,
    'GE*1*905',
    'IEA*1*000000905',
  ].join('~\n') + '~\n';

describe('edi-gateway inspect', () => {
  it('shows the envelopes of a clean file and exits 0', async () => {
    const { code, out } = await inspect(file('clean.x12', interchange()));
    expect(code).toBe(0);
    expect(out).toContain('interchange 000000905 from ZZ:ACME to ZZ:THREEPL, version 00401, production, at byte 0');
    expect(out).toContain('  group 905 (IN), version 004010');
    expect(out).toContain('    transaction set 810 0001: 4 segments');
    expect(out).toContain('1 interchange, 1 group, 1 transaction set; 0 errors, 0 warnings.');
  });

  it('shows each fault with its code and place, and exits 1', async () => {
    const { code, out } = await inspect(file('bad.x12', interchange('5', 'BIG*20250230*INV-1')));
    expect(code).toBe(1);
    expect(out).toContain('ERROR AK502 4 (byte');
    expect(out).toContain('set 0001, segment 4, SE): SE01 says "5" segments but transaction set 0001 has 4 (ST to SE).');
    expect(out).toContain('ERROR AK403 8 (byte 167, interchange 000000905, group 905, set 0001, segment 2, BIG01): BIG01, the date, is "20250230", which is not a date (CCYYMMDD).');
  });

  it('writes one JSON object per line with --json', async () => {
    const { code, out } = await inspect(file('json.x12', interchange('5')), '--json');
    expect(code).toBe(1);
    const kinds = out.trim().split('\n').map((line) => JSON.parse(line).kind);
    expect(kinds).toEqual(['interchange', 'group', 'diagnostic', 'transactionSet', 'summary']);
  });

  it('reads EDIFACT too: messages validated against their directory, faults with their CONTRL codes', async () => {
    const orders = (quantity: string) =>
      ["UNB+UNOA:3+SENDER:14+RECEIVER:14+250107:1305+REF1'", "UNH+1+ORDERS:D:96A:UN'", "BGM+105+PO1+9'", "DTM+137:20250107:102'", "LIN+1++4000862141404:SRS'", `QTY+21:${quantity}:PCE'`, "UNS+S'", "UNT+7+1'", "UNZ+1+REF1'"].join('\n');
    const clean = await inspect(file('clean.edi', orders('48')));
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('interchange REF1 from SENDER:14 to RECEIVER:14, version UNOA:3, production');
    expect(clean.out).toContain('message ORDERS D96A 1: 7 segments');
    expect(clean.out).toContain('1 interchange, 0 groups, 1 message; 0 errors, 0 warnings.');
    const bad = await inspect(file('bad.edi', orders('1234567890123456')));
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/ERROR 0085 39 \(byte \d+, interchange REF1, set 1, loop SG25, segment 5, QTY01-2\): QTY element 1, component 2 \(Quantity, 6060\) is 16 characters long/);
  });

  it('exits 2 for a file it cannot open, naming it', async () => {
    const { code, err } = await inspect(path.join(folder, 'missing.x12'));
    expect(code).toBe(2);
    expect(err).toContain('missing.x12 cannot be opened');
    expect(err).toContain('[FILE_UNREADABLE]');
  });

  it('exits 2 for a file that is not EDI, saying what it starts with', async () => {
    const { code, err } = await inspect(file('notes.txt', 'Dear partner'));
    expect(code).toBe(2);
    expect(err).toContain('The file starts with "Dear partner" at byte 1');
  });

  it('asks for the file when none is given', async () => {
    const { code, err } = await inspect();
    expect(code).toBe(2);
    expect(err).toContain('FILE is missing');
  });
});

const ack = (...args: string[]) => runCliInProcess(['ack', ...args]);

describe('edi-gateway ack', () => {
  it('prints the 997 it would send, reproducibly with --control-number, --date and --time', async () => {
    const { code, out } = await ack(file('ack.x12', interchange('4', 'BIG*20250230*INV-1')), '--control-number', '42', '--date', '20250108', '--time', '0930');
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'ISA*00*          *00*          *ZZ*THREEPL        *ZZ*ACME           *250108*0930*U*00401*000000042*0*P*>~',
        'GS*FA*THREEPL*ACME*20250108*0930*42*X*004010~',
        'ST*997*0042~',
        'AK1*IN*905~',
        'AK2*810*0001~',
        'AK3*BIG*2**8~',
        'AK4*1*373*8*20250230~',
        'AK5*R*5~',
        'AK9*R*1*1*0~',
        'SE*8*0042~',
        'GE*1*42~',
        'IEA*1*000000042~',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for an acknowledgment, which is never acknowledged', async () => {
    const text = [
      'ISA*00*          *00*          *ZZ*ACME           *ZZ*THREEPL        *250107*1305*U*00401*000000906*1*P*>',
      'GS*FA*ACME*THREEPL*20250107*1305*906*X*004010',
      'ST*997*0001',
      'AK1*IN*905',
      'AK9*A*1*1*1',
      'SE*4*0001',
      'GE*1*906',
      'IEA*1*000000906',
    ].join('~\n');
    const { code, out } = await ack(file('997.x12', `${text}~\n`), '--date', '20250108', '--time', '0930');
    expect(code).toBe(0);
    expect(out).toBe('');
  });

  it('exits 2 for options it cannot use, naming them', async () => {
    const clean = file('clean-ack.x12', interchange());
    expect(await ack(clean, '--control-number', '0')).toMatchObject({ code: 2, err: expect.stringContaining('--control-number must be a number from 1 to 999999999') });
    expect(await ack(clean, '--date', '20250108')).toMatchObject({ code: 2, err: expect.stringContaining('--date YYYYMMDD and --time HHMM go together') });
    expect(await ack(clean, '--functional-ack', '998')).toMatchObject({ code: 2, err: expect.stringContaining('--functional-ack must be 997 or 999') });
  });

  const edifact = (unb: string, orders: readonly string[]) =>
    [unb, "UNH+1+ORDERS:D:96A:UN'", ...orders, `UNT+${orders.length + 2}+1'`, "UNZ+1+REF1'"].join('\n') + '\n';
  const GOOD_ORDERS = ["BGM+220+PO-1+9'", "DTM+137:20250107:102'", "UNS+S'"];

  it('prints the CONTRL it would send for an EDIFACT file, reproducibly with the same options', async () => {
    const text = edifact("UNB+UNOA:3+ACME:14+THREEPL:14+250107:1305+REF1'", ["BGM+2200+PO-1+9'", "DTM+137:20250107:102'", "UNS+S'"]);
    const { code, out, err } = await ack(file('orders.edi', text), '--control-number', '42', '--date', '20250108', '--time', '0930');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(
      [
        "UNB+UNOA:3+THREEPL:14+ACME:14+250108:0930+42'",
        "UNH+42+CONTRL:D:3:UN'",
        "UCI+REF1+ACME:14+THREEPL:14+7'",
        "UCM+1+ORDERS:D:96A:UN+4'",
        "UCS+2'",
        "UCD+39+1:1'",
        "UNT+6+42'",
        "UNZ+1+42'",
        '',
      ].join('\n'),
    );
  });

  it('says why an EDIFACT interchange gets no CONTRL: accepted and not asked for, or a CONTRL itself', async () => {
    const accepted = await ack(file('accepted.edi', edifact("UNB+UNOA:3+ACME:14+THREEPL:14+250107:1305+REF1'", GOOD_ORDERS)));
    expect(accepted).toEqual({ code: 0, out: '', err: 'Interchange REF1 from 14:ACME: no CONTRL is due: it was accepted and its sender did not ask for one (UNB 0031).\n' });
    const received = ["UNB+UNOA:3+ACME:14+THREEPL:14+250107:1305+REF1++++1'", "UNH+1+CONTRL:D:3:UN'", "UCI+7+THREEPL:14+ACME:14+7'", "UNT+3+1'", "UNZ+1+REF1'"].join('\n');
    const answered = await ack(file('contrl.edi', received));
    expect(answered).toEqual({ code: 0, out: '', err: 'Interchange REF1 from 14:ACME: no CONTRL is due: it holds only CONTRL messages, which are never answered.\n' });
  });

  it('refuses --functional-ack for an EDIFACT file', async () => {
    const { code, err } = await ack(file('asked.edi', edifact("UNB+UNOA:3+ACME:14+THREEPL:14+250107:1305+REF1++++1'", GOOD_ORDERS)), '--functional-ack', '997');
    expect(code).toBe(2);
    expect(err).toContain('--functional-ack is for X12 files; ');
  });
});
