import { describe, expect, it } from '@jest/globals';
import { resolveMailboxPath } from '../../gateway/transports/sftp-server/mailbox-path.js';
import { hashPassword, verifyPassword } from '../../gateway/transports/sftp-server/password-hash.js';
import { createReadCoverage } from '../../gateway/transports/sftp-server/read-coverage.js';

describe('SFTP mailbox paths', () => {
  it('resolves every path inside the mailbox: .. stops at its root and an absolute path starts there', () => {
    expect(resolveMailboxPath('.')).toEqual({ kind: 'root', path: '/' });
    expect(resolveMailboxPath('../../..')).toEqual({ kind: 'root', path: '/' });
    expect(resolveMailboxPath('/inbound/')).toEqual({ kind: 'folder', path: '/inbound', folder: 'inbound' });
    expect(resolveMailboxPath('inbound/../outbound/a.x12')).toEqual({ kind: 'file', path: '/outbound/a.x12', folder: 'outbound', name: 'a.x12' });
    expect(resolveMailboxPath('/../../etc/passwd')).toEqual({ kind: 'nowhere', path: '/etc/passwd' });
    expect(resolveMailboxPath('/inbound/../../other-partner/inbound/x')).toEqual({ kind: 'nowhere', path: '/other-partner/inbound/x' });
    expect(resolveMailboxPath('/archive/outbound/7-ack.x12')).toMatchObject({ kind: 'file', folder: 'archive/outbound', name: '7-ack.x12' });
    expect(resolveMailboxPath('/archive/x.x12')).toMatchObject({ kind: 'nowhere' });
    expect(resolveMailboxPath('/inbound/sub/x.x12')).toMatchObject({ kind: 'nowhere' });
    expect(resolveMailboxPath('/inbound/bad\u0000name')).toMatchObject({ kind: 'nowhere' });
    expect(resolveMailboxPath(`/inbound/${'n'.repeat(256)}`)).toMatchObject({ kind: 'nowhere' });
  });
});

describe('SFTP read coverage', () => {
  it('is complete only when every byte was read, in whatever order', () => {
    const coverage = createReadCoverage(100);
    coverage.add(50, 60);
    expect(coverage.isComplete()).toBe(false);
    coverage.add(0, 40);
    expect(coverage.isComplete()).toBe(false);
    coverage.add(40, 10);
    expect(coverage.isComplete()).toBe(true);
    const empty = createReadCoverage(0);
    expect(empty.isComplete()).toBe(false);
    empty.add(0, 32768);
    expect(empty.isComplete()).toBe(true);
  });
});

describe('SFTP password hashes', () => {
  it('accepts the password it was made from and nothing else, and refuses hashes it cannot read or that cost too much', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/);
    expect(await hashPassword('correct horse')).not.toBe(hash);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horse ', hash)).toBe(false);
    expect(await verifyPassword('correct horse', 'plain text')).toBe(false);
    expect(await verifyPassword('correct horse', hash.replace('$16384$', '$1073741824$'))).toBe(false);
  });
});
