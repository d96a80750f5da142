import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSecretStore } from '../../gateway/secrets/database-secret-store.js';
import { loadMasterKey, masterKeyOf } from '../../gateway/secrets/master-key.js';
import type { Pool } from '../../gateway/store/pool.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { refusal } from '../helpers/refusal.js';
import { createTestDatabase, createTestFolder } from '../helpers/test-database.js';

let pool: Pool;
let url: string;
beforeAll(async () => ({ pool, url } = await createTestDatabase()));
afterAll(async () => pool.end());

const store = createSecretStore(masterKeyOf(randomBytes(32)));

describe('secret store', () => {
  it('gives back what was stored, lists names and kinds only, and replaces a secret stored again', async () => {
    await store.put(pool, { name: 'acme/ssh-key', kind: 'ssh-private-key', value: Buffer.from('-----BEGIN OPENSSH PRIVATE KEY-----\nfirst') });
    await store.put(pool, { name: 'acme/ssh-key', kind: 'ssh-private-key', value: Buffer.from('-----BEGIN OPENSSH PRIVATE KEY-----\nsecond') });
    expect((await store.get(pool, 'acme/ssh-key')).toString()).toBe('-----BEGIN OPENSSH PRIVATE KEY-----\nsecond');
    expect(await store.list(pool)).toContainEqual({ name: 'acme/ssh-key', kind: 'ssh-private-key', expiresAt: null, updatedAt: expect.any(Date) });

    const row = await pool.query("SELECT encode(ciphertext, 'escape') AS text FROM secrets WHERE name = 'acme/ssh-key'");
    expect(row.rows[0].text).not.toContain('second');
  });

  it('refuses a missing secret, one stored under another master key, one changed in the database, and one moved to another name', async () => {
    expect((await refusal(store.get(pool, 'nobody/key'))).code).toBe('SECRET_NOT_FOUND');

    await store.put(pool, { name: 'globex/password', kind: 'password', value: Buffer.from('hunter2') });
    const other = createSecretStore(masterKeyOf(randomBytes(32)));
    const wrongKey = await refusal(other.get(pool, 'globex/password'));
    expect(wrongKey.code).toBe('SECRET_UNREADABLE');
    expect(wrongKey.message).toContain('was stored under another master key');

    await pool.query("INSERT INTO secrets (name, kind, nonce, ciphertext, tag, key_id) SELECT 'moved/password', kind, nonce, ciphertext, tag, key_id FROM secrets WHERE name = 'globex/password'");
    expect((await refusal(store.get(pool, 'moved/password'))).message).toContain('does not decrypt');

    await pool.query("UPDATE secrets SET ciphertext = ciphertext || '\\x00'::bytea WHERE name = 'globex/password'");
    expect((await refusal(store.get(pool, 'globex/password'))).code).toBe('SECRET_UNREADABLE');
  });
});

describe('master key', () => {
  it('is made on first start, readable by the gateway only, and the same on the next start', async () => {
    const file = path.join(await createTestFolder('master-key'), 'keys', 'master.key');
    const first = loadMasterKey({ secrets: { masterKey: undefined, masterKeyFile: file } });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadMasterKey({ secrets: { masterKey: undefined, masterKeyFile: file } })).toEqual(first);
    expect(loadMasterKey({ secrets: { masterKey: first.key.toString('base64'), masterKeyFile: '/nonexistent' } }).id).toBe(first.id);

    fs.writeFileSync(file, 'not a key');
    expect(() => loadMasterKey({ secrets: { masterKey: undefined, masterKeyFile: file } })).toThrow(`${file} must hold a master key of 32 bytes in base64`);
  });
});

describe('edi-gateway secret', () => {
  it("stores a certificate with its expiry read from it, and lists it without its value", async () => {
    const folder = await createTestFolder('secret-cli');
    const certificate = path.join(folder, 'partner.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', path.join(folder, 'key.pem'), '-out', certificate, '-days', '30', '-subj', '/CN=partner'], { stdio: 'ignore' });
    const env = { DATABASE_URL: url, EDI_MASTER_KEY_FILE: path.join(folder, 'master.key') };

    const set = await runCliInProcess(['secret', 'set', 'acme/as2-certificate', '--kind', 'certificate', '--file', certificate], env);
    expect(set.err).toBe('');
    expect(set.out).toMatch(/^Secret acme\/as2-certificate \(certificate\) stored; it expires \d{4}-\d\d-\d\dT/);

    const listed = await runCliInProcess(['secret', 'list'], env);
    expect(listed.out).toMatch(/acme\/as2-certificate\s+certificate\s+\d{4}-/);
    expect(listed.out).not.toContain('BEGIN');

    const bad = await runCliInProcess(['secret', 'set', 'acme/x', '--kind', 'certificate', '--file', path.join(folder, 'master.key')], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('is not a certificate');
  });
});
