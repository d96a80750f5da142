import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../gateway/config/load-config.js';
import { GatewayError } from '../../gateway/errors/gateway-error.js';
import { createIntake } from '../../gateway/ingest/accept-file.js';
import { createSecretStore } from '../../gateway/secrets/database-secret-store.js';
import { masterKeyOf } from '../../gateway/secrets/master-key.js';
import type { SecretStore } from '../../gateway/secrets/secret-store.js';
import { withTransaction, type Pool } from '../../gateway/store/pool.js';
import { saveProfileVersion } from '../../gateway/store/sql/partner-profiles.js';
import { hostKeyFingerprint } from '../../gateway/transports/sftp-server/host-key.js';
import { hashPassword } from '../../gateway/transports/sftp-server/password-hash.js';
import { placeInOutbound } from '../../gateway/transports/sftp-server/place-outbound.js';
import { startSftpServer, type SftpServer } from '../../gateway/transports/sftp-server/start-sftp-server.js';
import { loadYamlProfile } from '../../partners/load-yaml-profile.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { refusal } from '../helpers/refusal.js';
import {
  ImpostorAgent,
  connectSsh2,
  makeKeyPair,
  openSftp,
  openSshSftp,
  printed,
  scannedFingerprint,
  stallingRelay,
  startOpenSshSftp,
  tryLogin,
  type KeyPair,
} from '../helpers/sftp-peers.js';
import { createTestDatabase, createTestFolder, silentLog } from '../helpers/test-database.js';
import { waitFor } from '../helpers/wait-for.js';

// The hosted SFTP server against OpenSSH's sftp client (and the ssh2 client where OpenSSH cannot play the
// part), on a real PostgreSQL database.

const minimal = loadYamlProfile({ file: 'test/fixtures/partners/minimal.yaml' });
const PARTNERS = ['p1', 'p2', 'p3', 'p4', 'p5'] as const;
const partnerId = (user: string) => `sftp-${user}`;
const MAX_FILE_BYTES = 4 * 1024 * 1024;

function profileFor(user: string, login: { publicKeys: string[]; passwordHash?: string }): PartnerProfile {
  const isaId = `SFTP${user.toUpperCase()}`;
  return {
    ...minimal,
    id: partnerId(user),
    name: `SFTP partner ${user}`,
    identities: { ...minimal.identities, partner: { x12: { isaQualifier: 'ZZ', isaId, gsId: isaId } } },
    transports: { sftpMailbox: { users: [{ username: user, ...login }] } },
  };
}

/** The master key every instance of these tests shares, as instances sharing a database must. */
const secrets = createSecretStore(masterKeyOf(randomBytes(32)));

async function startServer(pool: Pool, env: Record<string, string> = {}, store: SecretStore = secrets): Promise<SftpServer> {
  const { config } = loadConfig({ env: { EDI_SFTP_PORT: '0', EDI_INSTANCE_NAME: 'sftp-test', EDI_MAX_FILE_BYTES: String(MAX_FILE_BYTES), ...env } });
  return startSftpServer({ pool, config, intake: createIntake({ pool, actor: 'sftp-test', afterCommit: () => undefined }), log: silentLog, secrets: store });
}

/** Every value of every table, as text (bytes as Latin-1): what a copy of the database gives away. */
async function everyStoredValue(pool: Pool): Promise<string> {
  const tables = await pool.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
  const values: string[] = [];
  for (const { name } of tables.rows) {
    for (const row of (await pool.query(`SELECT * FROM "${name}"`)).rows as Record<string, unknown>[]) {
      for (const value of Object.values(row)) values.push(Buffer.isBuffer(value) ? value.toString('latin1') : JSON.stringify(value));
    }
  }
  return values.join('\n');
}

async function addPartner(pool: Pool, profile: PartnerProfile): Promise<void> {
  await withTransaction(pool, (tx) => saveProfileVersion(tx, { profile, basedOn: undefined, changedBy: 'test', change: 'created for the sftp tests' }));
}

const received = async (pool: Pool, partner: string) =>
  (await pool.query('SELECT original_name AS name, content, source FROM received_files WHERE partner = $1 ORDER BY original_name', [partner])).rows as {
    name: string;
    content: Buffer;
    source: string;
  }[];

const eventsOf = async (pool: Pool, partner: string, type: string) =>
  (await pool.query('SELECT details FROM events WHERE entity_id = $1 AND type = $2 ORDER BY id', [partner, type])).rows.map(
    (row: { details: Record<string, unknown> }) => row.details,
  );

describe('hosted SFTP server', () => {
  let pool: Pool;
  let server: SftpServer;
  let dir: string;
  const keys = new Map<string, KeyPair>();
  let stranger: KeyPair;
  const sftp = (user: string, commands: string, keyFile = keys.get(user)!.privateKeyFile) =>
    openSshSftp({ port: server.port, user, keyFile, commands, cwd: path.join(dir, user) });

  beforeAll(async () => {
    ({ pool } = await createTestDatabase());
    dir = await createTestFolder('sftp-server');
    for (const user of PARTNERS) {
      await fs.mkdir(path.join(dir, user));
      const pair = await makeKeyPair(dir, `${user}-key`);
      const spare = await makeKeyPair(dir, `${user}-spare-key`);
      keys.set(user, pair);
      await addPartner(pool, profileFor(user, { publicKeys: [spare.publicKey, pair.publicKey] }));
    }
    stranger = await makeKeyPair(dir, 'stranger-key');
    server = await startServer(pool);
  });

  afterAll(async () => {
    await server?.stop();
    await pool?.end();
  });

  it('makes its host key once, shows OpenSSH the fingerprint it reports, and keeps it across restarts', async () => {
    expect(server.hostKeyFingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(await hostKeyFingerprint(pool)).toBe(server.hostKeyFingerprint);
    expect(await scannedFingerprint(server.port)).toBe(server.hostKeyFingerprint);
    const second = await startServer(pool);
    try {
      expect(second.hostKeyFingerprint).toBe(server.hostKeyFingerprint);
      expect(await scannedFingerprint(second.port)).toBe(server.hostKeyFingerprint);
    } finally {
      await second.stop();
    }
  });

  it('keeps its private key where only the master key reads it', async () => {
    const privateKey = (await secrets.get(pool, 'sftp/host-key')).toString('utf8');
    expect(privateKey).toContain('-----BEGIN OPENSSH PRIVATE KEY-----');
    const stored = await everyStoredValue(pool);
    expect(stored).not.toContain('PRIVATE KEY');
    for (const line of privateKey.split('\n').filter((text) => text.length > 0 && !text.startsWith('-----'))) expect(stored).not.toContain(line);

    const otherMasterKey = createSecretStore(masterKeyOf(randomBytes(32)));
    expect((await refusal(otherMasterKey.get(pool, 'sftp/host-key'))).code).toBe('SECRET_UNREADABLE');
    // Nor does an instance given another master key make a key of its own: partners would see it change.
    expect((await refusal(startServer(pool, {}, otherMasterKey))).code).toBe('SECRET_UNREADABLE');
    expect(await hostKeyFingerprint(pool)).toBe(server.hostKeyFingerprint);
  });

  it('stores every file of 5 partners uploading 100 files each at once exactly once, under the right partner', async () => {
    const content = (user: string, n: number) => `ISA*00*${user}*file*${n}~`.repeat(1 + (n % 7));
    for (const user of PARTNERS) {
      for (let n = 0; n < 100; n += 1) await fs.writeFile(path.join(dir, user, `bulk-${n}.x12`), content(user, n));
    }
    const results = await Promise.all(
      PARTNERS.map((user) => sftp(user, ['cd /inbound', ...Array.from({ length: 100 }, (_, n) => `put bulk-${n}.x12`)].join('\n') + '\n')),
    );
    for (const result of results) expect(result).toMatchObject({ code: 0 });
    for (const user of PARTNERS) {
      const files = (await received(pool, partnerId(user))).filter((file) => file.name.startsWith('bulk-'));
      expect(files.map((file) => file.name).sort()).toEqual(Array.from({ length: 100 }, (_, n) => `bulk-${n}.x12`).sort());
      for (const file of files) {
        expect(file.source).toBe('sftp');
        expect(file.content.toString()).toBe(content(user, Number(/bulk-(\d+)/.exec(file.name)![1])));
      }
    }
    const total = await pool.query("SELECT count(*)::int AS n FROM received_files WHERE original_name LIKE 'bulk-%'");
    expect(total.rows[0].n).toBe(500);
  });

  it("keeps a partner out of everything but its own mailbox: .., absolute paths and links lead nowhere", async () => {
    await placeInOutbound(pool, { partner: partnerId('p2'), name: 'p2-secret.x12', content: Buffer.from('for p2 only'), placedBy: 'test' });
    await fs.writeFile(path.join(dir, 'p1', 'plant.x12'), 'ISA*planted~');
    const result = await sftp(
      'p1',
      [
        'ls -1 /',
        '-cd ../../..',
        'pwd',
        '-ls /../..',
        '-get /etc/passwd stolen-1',
        '-get ../../etc/passwd stolen-2',
        '-get /outbound/p2-secret.x12 stolen-3',
        '-get ../sftp-p2/outbound/p2-secret.x12 stolen-4',
        '-get /../sftp-p2/outbound/p2-secret.x12 stolen-5',
        '-get /inbound/../../sftp-p2/outbound/p2-secret.x12 stolen-6',
        '-put plant.x12 /../sftp-p2/inbound/planted.x12',
        '-put plant.x12 ../../tmp/planted.x12',
        '-put plant.x12 /outbound/planted.x12',
        '-put plant.x12 /archive/inbound/planted.x12',
        '-symlink /outbound /inbound/link',
        '-symlink /etc/passwd /inbound/passwd',
        '-mkdir /inbound/sub',
        '-ls -1 /outbound',
        '-ls -1 /inbound',
      ].join('\n') + '\n',
    );
    expect(result.code).toBe(0);
    const output = printed(result.stdout);
    expect(output).toContain('Remote working directory: /\n');
    expect(output.split('\n').slice(0, 3)).toEqual(['/archive', '/inbound', '/outbound']);
    expect(output).not.toContain('p2-secret');
    expect(output).not.toContain('planted');
    expect(output).not.toContain('root:');
    expect(result.stderr).toMatch(/not found|No such file/);
    expect(result.stderr).toMatch(/Permission denied/);
    for (let n = 1; n <= 6; n += 1) await expect(fs.access(path.join(dir, 'p1', `stolen-${n}`))).rejects.toThrow();
    await expect(fs.access('/tmp/planted.x12')).rejects.toThrow();
    expect((await received(pool, partnerId('p1'))).filter((file) => file.name.startsWith('plant'))).toEqual([]);
    expect((await received(pool, partnerId('p2'))).filter((file) => file.name.startsWith('plant'))).toEqual([]);
    const secret = await pool.query("SELECT downloaded_at FROM sftp_outbound_files WHERE name = 'p2-secret.x12'");
    expect(secret.rows).toEqual([{ downloaded_at: null }]);
    const refused = (await eventsOf(pool, partnerId('p1'), 'sftp.operation.refused')).map((details) => details.operation);
    expect(refused).toEqual(expect.arrayContaining(['symlink to /outbound', 'symlink to /etc/passwd', 'mkdir', 'upload']));
    expect(await eventsOf(pool, partnerId('p2'), 'sftp.file.opened')).toEqual([]);
  });

  it('refuses a key the partner does not hold, even from a client that offers the partner\'s public key', async () => {
    const before = (await eventsOf(pool, partnerId('p1'), 'sftp.login')).length;
    const wrongKey = await sftp('p1', 'ls /\n', stranger.privateKeyFile);
    expect(wrongKey.code).not.toBe(0);
    expect(wrongKey.stderr).toContain('Permission denied');

    const impostor = new ImpostorAgent(keys.get('p1')!.publicKey, await fs.readFile(stranger.privateKeyFile, 'utf8'));
    expect(await tryLogin({ port: server.port, username: 'p1', agent: impostor })).toMatch(/authentication methods failed/);
    const failures = await eventsOf(pool, partnerId('p1'), 'sftp.login.failed');
    expect(failures).toContainEqual(expect.objectContaining({ username: 'p1', method: 'publickey', address: '127.0.0.1' }));
    expect((await eventsOf(pool, partnerId('p1'), 'sftp.login')).length).toBe(before);

    // The same client with the real key gets in: the refusal was the signature's doing, nothing else.
    const owner = await connectSsh2({ port: server.port, username: 'p1', privateKey: await fs.readFile(keys.get('p1')!.privateKeyFile) });
    owner.end();
  });

  it('stores nothing of an upload whose client is killed half-way', async () => {
    await fs.writeFile(path.join(dir, 'p3', 'big.x12'), Buffer.alloc(2 * 1024 * 1024, 'ISA*big~'));
    const relay = await stallingRelay(server.port, 512 * 1024);
    try {
      const run = startOpenSshSftp({ port: relay.port, user: 'p3', keyFile: keys.get('p3')!.privateKeyFile, commands: 'put big.x12 /inbound/big.x12\n', cwd: path.join(dir, 'p3') });
      await relay.stalled;
      run.kill();
      await run.done;
    } finally {
      relay.close();
    }
    const discarded = await waitFor('the server to drop the unfinished upload', async () => (await eventsOf(pool, partnerId('p3'), 'sftp.upload.discarded'))[0]);
    expect(discarded).toMatchObject({ path: '/inbound/big.x12' });
    expect(discarded.size as number).toBeGreaterThan(0);
    expect(discarded.size as number).toBeLessThan(2 * 1024 * 1024);
    expect((await received(pool, partnerId('p3'))).filter((file) => file.name === 'big.x12')).toEqual([]);
    expect((await pool.query("SELECT count(*)::int AS n FROM sftp_held_uploads WHERE partner = 'sftp-p3'")).rows[0].n).toBe(0);
  });

  it('refuses a file larger than EDI_MAX_FILE_BYTES and keeps nothing of it', async () => {
    await fs.writeFile(path.join(dir, 'p3', 'huge.x12'), Buffer.alloc(MAX_FILE_BYTES + 1, 'ISA~'));
    const result = await sftp('p3', 'put huge.x12 /inbound/huge.x12\n');
    expect(result.code).not.toBe(0);
    // OpenSSH shows the status ("Failure"), not our message (FILE_TOO_LARGE and the limit), which the event keeps.
    expect(result.stderr).toMatch(/huge\.x12.*Failure/);
    expect((await received(pool, partnerId('p3'))).filter((file) => file.name === 'huge.x12')).toEqual([]);
    expect(await eventsOf(pool, partnerId('p3'), 'sftp.upload.refused')).toEqual([
      expect.objectContaining({ path: '/inbound/huge.x12', code: 'FILE_TOO_LARGE', maxFileBytes: MAX_FILE_BYTES }),
    ]);
  });

  it('stores a slow upload (a byte every 10 ms) once, complete, and only when it is closed', async () => {
    const slow = async () => (await received(pool, partnerId('p4'))).filter((file) => file.name === 'slow.x12');
    const client = await connectSsh2({ port: server.port, username: 'p4', privateKey: await fs.readFile(keys.get('p4')!.privateKeyFile) });
    try {
      const session = await openSftp(client);
      const content = Buffer.from('ISA*00*          *00*          *ZZ*SFTPP4         *ZZ*THREEPL~IEA*1*000000001~'.repeat(2));
      const handle = await new Promise<Buffer>((resolve, reject) => session.open('/inbound/slow.x12', 'w', (error, opened) => (error ? reject(error) : resolve(opened))));
      for (let offset = 0; offset < content.length; offset += 1) {
        await new Promise<void>((resolve, reject) => session.write(handle, content, offset, 1, offset, (error) => (error ? reject(error) : resolve())));
        await new Promise((resolve) => setTimeout(resolve, 10));
        if (offset === Math.floor(content.length / 2)) expect(await slow()).toEqual([]);
      }
      expect(await slow()).toEqual([]);
      await new Promise<void>((resolve, reject) => session.close(handle, (error) => (error ? reject(error) : resolve())));
      const files = await slow();
      expect(files.map((file) => file.name)).toEqual(['slow.x12']);
      expect(Buffer.compare(files[0]!.content, content)).toBe(0);
    } finally {
      client.end();
    }
  });

  it('holds an upload under a temporary name until it is renamed, then takes it once', async () => {
    await fs.writeFile(path.join(dir, 'p5', 'order.x12'), 'ISA*renamed~');
    const upload = await sftp('p5', 'put order.x12 /inbound/order.x12.filepart\nls -1 /inbound\n');
    expect(upload.code).toBe(0);
    expect(printed(upload.stdout)).toContain('order.x12.filepart');
    expect((await received(pool, partnerId('p5'))).filter((file) => file.name.startsWith('order'))).toEqual([]);
    const rename = await sftp('p5', 'rename /inbound/order.x12.filepart /inbound/order.x12\nls -1 /inbound\n');
    expect(rename.code).toBe(0);
    expect(printed(rename.stdout)).not.toContain('order.x12.filepart');
    const files = (await received(pool, partnerId('p5'))).filter((file) => file.name.startsWith('order'));
    expect(files.map((file) => [file.name, file.content.toString()])).toEqual([['order.x12', 'ISA*renamed~']]);
  });

  it('lists an /outbound file, marks it downloaded only after a full read, and archives it when the partner deletes it', async () => {
    const content = Buffer.from('ISA*997*ack~'.repeat(500));
    const placed = await placeInOutbound(pool, { partner: partnerId('p5'), name: 'ack-0001.x12', content, placedBy: 'test' });
    await expect(placeInOutbound(pool, { partner: partnerId('p5'), name: 'ack-0001.x12', content, placedBy: 'test' })).rejects.toMatchObject({
      code: 'SFTP_OUTBOUND_NAME_TAKEN',
    });
    await expect(placeInOutbound(pool, { partner: partnerId('p5'), name: '../escape', content, placedBy: 'test' })).rejects.toBeInstanceOf(GatewayError);
    const downloadedAt = async () => (await pool.query('SELECT downloaded_at FROM sftp_outbound_files WHERE id = $1', [placed.id])).rows[0].downloaded_at as Date | null;

    const listing = await sftp('p5', 'ls -l /outbound\n');
    expect(printed(listing.stdout)).toMatch(new RegExp(`${content.length} .* ack-0001\\.x12`));

    // Half a file is not a download.
    const client = await connectSsh2({ port: server.port, username: 'p5', privateKey: await fs.readFile(keys.get('p5')!.privateKeyFile) });
    try {
      const session = await openSftp(client);
      const handle = await new Promise<Buffer>((resolve, reject) => session.open('/outbound/ack-0001.x12', 'r', (error, opened) => (error ? reject(error) : resolve(opened))));
      const part = Buffer.alloc(100);
      await new Promise<void>((resolve, reject) => session.read(handle, part, 0, 100, 0, (error) => (error ? reject(error) : resolve())));
      await new Promise<void>((resolve, reject) => session.close(handle, (error) => (error ? reject(error) : resolve())));
      expect(part.toString()).toBe(content.subarray(0, 100).toString());
    } finally {
      client.end();
    }
    expect(await downloadedAt()).toBeNull();

    const get = await sftp('p5', 'get /outbound/ack-0001.x12 got-ack.x12\n');
    expect(get.code).toBe(0);
    expect(Buffer.compare(await fs.readFile(path.join(dir, 'p5', 'got-ack.x12')), content)).toBe(0);
    expect(await downloadedAt()).toBeInstanceOf(Date);
    expect(await eventsOf(pool, partnerId('p5'), 'sftp.file.downloaded')).toEqual([expect.objectContaining({ path: '/outbound/ack-0001.x12', username: 'p5' })]);

    const remove = await sftp('p5', `rm /outbound/ack-0001.x12\nls -1 /outbound\nls -1 /archive/outbound\nget /archive/outbound/${placed.id}-ack-0001.x12 archived.x12\n-rm /archive/outbound/${placed.id}-ack-0001.x12\n`);
    expect(remove.code).toBe(0);
    expect(printed(remove.stdout).trim().split('\n')).toEqual([`/archive/outbound/${placed.id}-ack-0001.x12`]);
    expect(remove.stderr).toMatch(/Permission denied/);
    expect(Buffer.compare(await fs.readFile(path.join(dir, 'p5', 'archived.x12')), content)).toBe(0);
    const row = await pool.query('SELECT removed_by FROM sftp_outbound_files WHERE id = $1', [placed.id]);
    expect(row.rows).toEqual([{ removed_by: 'p5' }]);
    // The name is free again for the next document.
    await placeInOutbound(pool, { partner: partnerId('p5'), name: 'ack-0001.x12', content, placedBy: 'test' });
  });

  it('offers only strong key exchange, ciphers and MACs', async () => {
    const withOnly = (...sshOptions: string[]) => openSshSftp({ port: server.port, user: 'p1', keyFile: keys.get('p1')!.privateKeyFile, commands: 'ls /\n', cwd: dir, sshOptions });
    // Our server sees the mismatch first and hangs up, so the client may only say the connection closed.
    const refused = /no matching|Connection closed|Unable to negotiate/;
    for (const weak of [
      ['KexAlgorithms=diffie-hellman-group14-sha1'],
      ['KexAlgorithms=diffie-hellman-group16-sha512'],
      ['Ciphers=aes256-cbc'],
      ['Ciphers=aes128-ctr', 'MACs=hmac-sha1,hmac-sha2-256,hmac-sha2-512'],
    ]) {
      const result = await withOnly(...weak);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(refused);
    }
    for (const strong of [
      ['KexAlgorithms=curve25519-sha256'],
      ['KexAlgorithms=ecdh-sha2-nistp521'],
      ['Ciphers=chacha20-poly1305@openssh.com'],
      ['Ciphers=aes256-gcm@openssh.com'],
      ['Ciphers=aes128-ctr', 'MACs=hmac-sha2-512-etm@openssh.com'],
    ]) {
      expect(await withOnly(...strong)).toMatchObject({ code: 0 });
    }
  });

  it('closes a connection that does not log in within the grace time, and a session idle for too long', async () => {
    const strict = await startServer(pool, { EDI_SFTP_LOGIN_GRACE_MS: '1000', EDI_SFTP_IDLE_TIMEOUT_MS: '1000' });
    try {
      const silent = net.connect(strict.port, '127.0.0.1');
      const closed = new Promise<void>((resolve) => silent.on('close', () => resolve()));
      silent.on('error', () => undefined).resume();
      await closed;

      const client = await connectSsh2({ port: strict.port, username: 'p2', privateKey: await fs.readFile(keys.get('p2')!.privateKeyFile) });
      await openSftp(client);
      await new Promise<void>((resolve) => client.on('close', () => resolve()));
      await waitFor('the idle log-out to be recorded', async () =>
        (await eventsOf(pool, partnerId('p2'), 'sftp.logout')).find((details) => details.reason === 'idle timeout'),
      );
    } finally {
      await strict.stop();
    }
  });

  it('records log-in and log-out of each session', async () => {
    await sftp('p2', 'ls /\n');
    await waitFor('the log-out to be recorded', async () => (await eventsOf(pool, partnerId('p2'), 'sftp.logout')).length > 0);
    expect(await eventsOf(pool, partnerId('p2'), 'sftp.login')).toContainEqual(
      expect.objectContaining({ username: 'p2', method: 'publickey', keyFingerprint: expect.stringMatching(/^SHA256:/) }),
    );
    expect(await eventsOf(pool, partnerId('p2'), 'sftp.folder.listed')).toContainEqual(expect.objectContaining({ path: '/' }));
  });
});

describe('hosted SFTP server under password guessing', () => {
  let pool: Pool;
  let server: SftpServer;

  beforeAll(async () => {
    ({ pool } = await createTestDatabase());
    const dir = await createTestFolder('sftp-passwords');
    const key = await makeKeyPair(dir, 'pw-key');
    await addPartner(pool, profileFor('pw', { publicKeys: [key.publicKey], passwordHash: await hashPassword('correct horse battery') }));
    server = await startServer(pool);
  });

  afterAll(async () => {
    await server?.stop();
    await pool?.end();
  });

  it('refuses and logs the 6th wrong password within a minute, and then the right one too', async () => {
    const login = (password: string) => tryLogin({ port: server.port, username: 'pw', password });
    expect(await login('correct horse battery')).toBe('logged in');
    for (let attempt = 1; attempt <= 5; attempt += 1) expect(await login(`guess ${attempt}`)).toMatch(/authentication methods failed/);
    expect(await eventsOf(pool, 'sftp-pw', 'sftp.login.failed')).toHaveLength(5);
    expect(await eventsOf(pool, 'sftp-pw', 'sftp.login.refused')).toHaveLength(0);

    expect(await login('guess 6')).toMatch(/authentication methods failed/);
    expect(await eventsOf(pool, 'sftp-pw', 'sftp.login.failed')).toHaveLength(5);
    expect(await eventsOf(pool, 'sftp-pw', 'sftp.login.refused')).toEqual([expect.objectContaining({ username: 'pw', method: 'password', banned: expect.any(String) })]);
    expect(await eventsOf(pool, 'sftp-pw', 'sftp.login.banned')).toEqual(
      expect.arrayContaining([expect.objectContaining({ banned: 'user', subject: 'pw', strikes: 1 }), expect.objectContaining({ banned: 'address', subject: '127.0.0.1' })]),
    );

    expect(await login('correct horse battery')).toMatch(/authentication methods failed/);
    expect(await eventsOf(pool, 'sftp-pw', 'sftp.login.refused')).toHaveLength(2);
  });

});

describe('hosted SFTP server host key on a new database', () => {
  let pool: Pool;

  beforeAll(async () => ({ pool } = await createTestDatabase()));
  afterAll(async () => pool?.end());

  it('is made by one of the instances starting together and shown by all of them', async () => {
    const servers = await Promise.all(['a', 'b', 'c'].map((name) => startServer(pool, { EDI_INSTANCE_NAME: `sftp-test-${name}` })));
    try {
      const [first] = servers;
      for (const server of servers) expect(server.hostKeyFingerprint).toBe(first!.hostKeyFingerprint);
      expect(await scannedFingerprint(servers[2]!.port)).toBe(first!.hostKeyFingerprint);
      expect((await pool.query('SELECT fingerprint FROM sftp_host_keys')).rows).toEqual([{ fingerprint: first!.hostKeyFingerprint }]);
      expect((await secrets.list(pool)).map(({ name, kind }) => ({ name, kind }))).toEqual([{ name: 'sftp/host-key', kind: 'private-key' }]);
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  });

  it('refuses to start when the recorded fingerprint is not its key\'s, rather than show partners another', async () => {
    await pool.query(`UPDATE sftp_host_keys SET fingerprint = 'SHA256:${'A'.repeat(43)}'`);
    const refused = await refusal(startServer(pool));
    expect(refused.code).toBe('SFTP_HOST_KEY_UNREADABLE');
    expect(refused.message).toContain('restore both from a backup');
  });
});
