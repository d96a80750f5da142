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

const interchange = (se01 = '3') =>
  [
    'ISA*00*          *00*          *ZZ*ACME           *ZZ*THREEPL        *250107*1305*U*00401*000000905*0*P*>',
    'GS*IN*ACME*THREEPL*20250107*1305*905*X*004010',
    'ST*810*0001',
    'BIG*20250107*INV-1',
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
    expect(out).toContain('    transaction set 810 0001: 3 segments');
    expect(out).toContain('1 interchange, 1 group, 1 transaction set; 0 errors, 0 warnings.');
  });

  it('shows each fault with its code and place, and exits 1', async () => {
    const { code, out } = await inspect(file('bad.x12', interchange('4')));
    expect(code).toBe(1);
    expect(out).toContain('ERROR AK502 4 (byte');
    expect(out).toContain('set 0001, segment 3, SE): SE01 says "4" segments but transaction set 0001 has 3 (ST to SE).');
  });

  it('writes one JSON object per line with --json', async () => {
    const { code, out } = await inspect(file('json.x12', interchange('4')), '--json');
    expect(code).toBe(1);
    const kinds = out.trim().split('\n').map((line) => JSON.parse(line).kind);
    expect(kinds).toEqual(['interchange', 'group', 'diagnostic', 'transactionSet', 'summary']);
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
