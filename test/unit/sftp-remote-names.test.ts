import { describe, expect, it } from '@jest/globals';
import { fingerprintOf, sameFingerprint } from '../../gateway/transports/sftp-client/host-key.js';
import { matcherFor } from '../../gateway/transports/sftp-client/name-pattern.js';

describe('the file name pattern of a partner SFTP poll', () => {
  it('matches as a shell glob would, upper and lower case alike', () => {
    const edi = matcherFor('*.edi');
    expect(['order.edi', 'ORDER.EDI', 'a.b.edi', '.edi'].map(edi)).toEqual([true, true, true, false]);
    expect(['order.edix', 'order.txt', 'edi'].map(edi)).toEqual([false, false, false]);
    const orders = matcherFor('ORD_??.txt');
    expect(['ord_01.txt', 'ORD_1.txt', 'ORD_123.txt'].map(orders)).toEqual([true, false, false]);
  });

  it('takes the characters of a regular expression as themselves', () => {
    expect(matcherFor('a+b(1).[x]')('a+b(1).[x]')).toBe(true);
    expect(matcherFor('a+b(1).[x]')('aab(1)x[x]')).toBe(false);
  });

  it('never takes a file still being written, nor a hidden one unless asked', () => {
    const every = matcherFor('*');
    expect(['po.part', 'po.TMP', 'po.filepart', 'po.partial', '.po.edi.1a2b3c4d.part', '.hidden'].map(every)).toEqual([false, false, false, false, false, false]);
    expect(matcherFor('.*')('.hidden')).toBe(true);
  });
});

describe('host key fingerprints', () => {
  it('are written as OpenSSH writes them, and compared with or without padding', () => {
    const fingerprint = fingerprintOf(Buffer.from('a host key'));
    expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(sameFingerprint(`${fingerprint}=`, fingerprint)).toBe(true);
    expect(sameFingerprint(fingerprintOf(Buffer.from('another key')), fingerprint)).toBe(false);
  });
});
