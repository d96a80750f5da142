import { randomBytes } from 'node:crypto';
import { watch } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Config } from '../../gateway/config/settings.js';
import { createIntake, type Intake } from '../../gateway/ingest/accept-file.js';
import type { SecretStore } from '../../gateway/secrets/secret-store.js';
import { withTransaction, type Pool } from '../../gateway/store/pool.js';
import { listEvents } from '../../gateway/store/sql/events.js';
import { saveProfileVersion } from '../../gateway/store/sql/partner-profiles.js';
import { getPollState } from '../../gateway/store/sql/sftp-remote-polls.js';
import { pollPartner, type PollDeps } from '../../gateway/transports/sftp-client/poll-partner.js';
import { pushFile } from '../../gateway/transports/sftp-client/push-file.js';
import { loadYamlProfile } from '../../partners/load-yaml-profile.js';
import { parseProfile } from '../../partners/parse-profile.js';
import { createScheduler } from '../../scheduler/scheduler.js';
import { sftpRemoteDuePollsJob, sftpRemotePollJob } from '../../scheduler/jobs/sftp-remote-poll.js';
import { freePort, startOpenSshServer, type OpenSshServer } from '../helpers/openssh-server.js';
import { createTestDatabase, createTestFolder, silentLog } from '../helpers/test-database.js';
import { waitFor } from '../helpers/wait-for.js';
import { createSecretStore } from '../../gateway/secrets/database-secret-store.js';
import { masterKeyOf } from '../../gateway/secrets/master-key.js';

// Partners' own SFTP servers, played by a real OpenSSH sshd on a loopback port. Its files are on this
// machine, so the tests look at the partner's folders directly while the gateway works over SFTP.

const settings: Config['sftpRemote'] = {
  checkEveryMs: 1000,
  connectTimeoutMs: 5000,
  transferTimeoutMs: 10_000,
  retryMs: 200,
  retryMaxMs: 2000,
  pushAttempts: 2,
};

const KEY_REF = 'sftp/test-client-key';

/** Our private key for the partners' servers, as the gateway keeps it: in the secret store on the test database. */
const secrets: SecretStore = createSecretStore(masterKeyOf(randomBytes(32)));
const MOVED_KEY_REF = 'sftp/moved-client-key';

let pool: Pool;
let server: OpenSshServer;
let realIntake: Intake;
let isaCounter = 0;

beforeAll(async () => {
  ({ pool } = await createTestDatabase());
  server = await startOpenSshServer();
  await secrets.put(pool, { name: KEY_REF, kind: 'ssh-private-key', value: server.clientKey });
  realIntake = createIntake({ pool, actor: 'test', afterCommit: () => undefined });
});
afterAll(async () => {
  await server?.stop();
  await pool?.end();
});

const minimal = loadYamlProfile({ file: 'test/fixtures/partners/minimal.yaml' });

/** Saves a partner whose transports.sftpRemote is `sftpRemote` (as written in a profile, defaults applied). */
async function savePartner(db: Pool, id: string, sftpRemote: Record<string, unknown>): Promise<void> {
  isaCounter += 1;
  const isaId = `SFTPREMOTE${isaCounter}`;
  const parsed = parseProfile({ ...minimal, id, identities: { ...minimal.identities, partner: { x12: { isaQualifier: 'ZZ', isaId, gsId: isaId } } }, transports: { sftpRemote } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  await withTransaction(db, (tx) => saveProfileVersion(tx, { profile: parsed.profile, basedOn: undefined, changedBy: 'test', change: 'created' }));
}

async function remoteFor(sshd: OpenSshServer, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return { host: '127.0.0.1', port: sshd.port, username: sshd.username, keyRef: KEY_REF, hostKey: await sshd.hostKeyFingerprint(), ...overrides };
}

/** A partner's server folders: where it leaves files for us, where it archives them, where we deliver. */
async function partnerFolders(): Promise<{ outbound: string; archive: string; inbound: string }> {
  const root = await createTestFolder('partner-server');
  const folders = { outbound: path.join(root, 'outbound'), archive: path.join(root, 'archive'), inbound: path.join(root, 'inbound') };
  for (const folder of Object.values(folders)) await fs.mkdir(folder);
  return folders;
}

const deps = (overrides: Partial<PollDeps> = {}): PollDeps => ({
  pool,
  secrets,
  actor: 'test',
  log: silentLog,
  settings,
  intake: realIntake,
  maxFileBytes: 1024 * 1024,
  ...overrides,
});

const storedFiles = async (db: Pool, partner: string) =>
  (await db.query('SELECT id::text, original_name AS name, content, source FROM received_files WHERE partner = $1 ORDER BY id', [partner])).rows as {
    id: string;
    name: string;
    content: Buffer;
    source: string;
  }[];

const eventsOf = async (db: Pool, partner: string, type: string) => (await listEvents(db, 'partner', partner)).filter((event) => event.type === type);

describe('polling a partner SFTP server', () => {
  it('deletes a file only after it is committed, and a second poll stores nothing twice', async () => {
    const folders = await partnerFolders();
    await savePartner(pool, 'poll-delete', await remoteFor(server, { poll: { path: folders.outbound, intervalSeconds: 60, pattern: '*.edi' } }));
    for (const [name, content] of [
      ['order-1.edi', 'ISA*order-1~'],
      ['order-2.EDI', 'ISA*order-2~'],
      ['notes.txt', 'not for us'],
      ['order-3.edi.part', 'ISA*still bei'],
      ['.order-4.edi', 'ISA*hidden~'],
    ]) {
      await fs.writeFile(path.join(folders.outbound, name as string), content as string);
    }
    const left = () => fs.readdir(folders.outbound).then((names) => names.sort());

    // The database refuses the first commit: nothing is stored, and nothing is taken off the server.
    let refusals = 1;
    const onRemoteAtCommit: boolean[] = [];
    const intake: Intake = async (delivery) => {
      if (refusals-- > 0) throw new Error('could not commit: connection to the database lost');
      const accepted = await realIntake(delivery);
      onRemoteAtCommit.push(await fs.stat(path.join(folders.outbound, delivery.originalName)).then(() => true, () => false));
      return accepted;
    };
    const failed = await pollPartner(deps({ intake }), 'poll-delete');
    expect(failed).toMatchObject({ status: 'failed', stored: 0 });
    expect(await storedFiles(pool, 'poll-delete')).toEqual([]);
    expect(await left()).toEqual(['.order-4.edi', 'notes.txt', 'order-1.edi', 'order-2.EDI', 'order-3.edi.part']);
    expect(await eventsOf(pool, 'poll-delete', 'sftp-remote.poll-failed')).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ code: 'INTERNAL', failures: 1, message: expect.stringContaining('could not commit') }) }),
    ]);
    expect((await getPollState(pool, 'poll-delete'))?.failures).toBe(1);

    // The database is back: both files are stored, each still on the server when its commit returned.
    expect(await pollPartner(deps({ intake }), 'poll-delete')).toEqual({ status: 'polled', stored: 2, alreadyStored: 0, leftThere: 0 });
    expect(onRemoteAtCommit).toEqual([true, true]);
    const stored = await storedFiles(pool, 'poll-delete');
    expect(stored.map(({ name, content, source }) => [name, content.toString(), source])).toEqual([
      ['order-1.edi', 'ISA*order-1~', 'sftp-remote'],
      ['order-2.EDI', 'ISA*order-2~', 'sftp-remote'],
    ]);
    expect(await left()).toEqual(['.order-4.edi', 'notes.txt', 'order-3.edi.part']);
    expect((await eventsOf(pool, 'poll-delete', 'sftp-remote.picked-up')).map((event) => event.details)).toEqual(
      stored.map((file) => expect.objectContaining({ fileId: file.id, action: 'delete', remotePath: path.posix.join(folders.outbound, file.name) })),
    );
    expect(await eventsOf(pool, 'poll-delete', 'sftp-remote.poll-recovered')).toHaveLength(1);
    expect(await getPollState(pool, 'poll-delete')).toMatchObject({ failures: 0, lastErrorCode: null });

    // The connection drops right after a commit, before the delete: the next poll stores nothing twice.
    await fs.writeFile(path.join(folders.outbound, 'order-5.edi'), 'ISA*order-5~');
    const dropsAfterCommit: Intake = async (delivery) => {
      await realIntake(delivery);
      throw new Error('connection reset');
    };
    expect(await pollPartner(deps({ intake: dropsAfterCommit }), 'poll-delete')).toMatchObject({ status: 'failed' });
    expect(await left()).toContain('order-5.edi');
    expect(await pollPartner(deps(), 'poll-delete')).toEqual({ status: 'polled', stored: 0, alreadyStored: 1, leftThere: 0 });
    expect(await left()).not.toContain('order-5.edi');
    expect((await storedFiles(pool, 'poll-delete')).map((file) => file.name)).toEqual(['order-1.edi', 'order-2.EDI', 'order-5.edi']);

    // Nothing new: a poll finds nothing to do.
    expect(await pollPartner(deps(), 'poll-delete')).toEqual({ status: 'polled', stored: 0, alreadyStored: 0, leftThere: 0 });
    expect(await storedFiles(pool, 'poll-delete')).toHaveLength(3);
  });

  it('moves collected files to the archive folder, next to one of the same name', async () => {
    const folders = await partnerFolders();
    await savePartner(
      pool,
      'poll-move',
      await remoteFor(server, { poll: { path: folders.outbound, intervalSeconds: 60, afterPickup: { action: 'move', moveTo: folders.archive } } }),
    );
    await fs.writeFile(path.join(folders.archive, 'asn.edi'), 'an older file of the same name');
    await fs.writeFile(path.join(folders.outbound, 'asn.edi'), 'UNB+asn');
    await fs.writeFile(path.join(folders.outbound, 'invoice.edi'), 'UNB+invoice');

    expect(await pollPartner(deps(), 'poll-move')).toEqual({ status: 'polled', stored: 2, alreadyStored: 0, leftThere: 0 });
    const [asn, invoice] = await storedFiles(pool, 'poll-move');
    expect(await fs.readdir(folders.outbound)).toEqual([]);
    expect((await fs.readdir(folders.archive)).sort()).toEqual([`${asn?.id}-asn.edi`, 'asn.edi', 'invoice.edi'].sort());
    expect(await fs.readFile(path.join(folders.archive, `${asn?.id}-asn.edi`), 'utf8')).toBe('UNB+asn');
    expect(await fs.readFile(path.join(folders.archive, 'asn.edi'), 'utf8')).toBe('an older file of the same name');
    expect((await eventsOf(pool, 'poll-move', 'sftp-remote.picked-up')).map((event) => event.details)).toEqual([
      expect.objectContaining({ fileId: asn?.id, action: 'move', movedTo: path.posix.join(folders.archive, `${asn?.id}-asn.edi`) }),
      expect.objectContaining({ fileId: invoice?.id, action: 'move', movedTo: path.posix.join(folders.archive, 'invoice.edi') }),
    ]);
  });

  it('leaves a file over the size limit on the server and reports it once', async () => {
    const folders = await partnerFolders();
    await savePartner(pool, 'poll-large', await remoteFor(server, { poll: { path: folders.outbound, intervalSeconds: 60 } }));
    await fs.writeFile(path.join(folders.outbound, 'huge.edi'), 'ISA*'.repeat(100));
    for (let poll = 0; poll < 2; poll += 1) {
      expect(await pollPartner(deps({ maxFileBytes: 100 }), 'poll-large')).toEqual({ status: 'polled', stored: 0, alreadyStored: 0, leftThere: 1 });
    }
    expect(await fs.readdir(folders.outbound)).toEqual(['huge.edi']);
    expect(await eventsOf(pool, 'poll-large', 'sftp-remote.file-too-large')).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ code: 'FILE_TOO_LARGE', size: 400 }) }),
    ]);
  });
});

describe('pushing to a partner SFTP server', () => {
  it('shows the file under its final name only once it is complete, and never leaves the temporary name', async () => {
    const folders = await partnerFolders();
    await savePartner(pool, 'push-a', await remoteFor(server, { push: { path: folders.inbound } }));
    const content = Buffer.alloc(8 * 1024 * 1024, 'ISA*0123456789~');

    // Every name that appears in the folder, and the size of the final name every time it is seen.
    const names = new Set<string>();
    const watcher = watch(folders.inbound, (_event, name) => void (name && names.add(name)));
    const finalSizes: number[] = [];
    let pushing = true;
    const looking = (async () => {
      while (pushing) {
        const stat = await fs.stat(path.join(folders.inbound, '810-0001.x12')).catch(() => undefined);
        if (stat) finalSizes.push(stat.size);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const outcome = await pushFile({ pool, secrets, actor: 'test', log: silentLog, settings }, { partner: 'push-a', name: '810-0001.x12', content });
    pushing = false;
    await looking;
    watcher.close();

    expect(outcome).toEqual({ ok: true, remotePath: path.posix.join(folders.inbound, '810-0001.x12'), attempts: 1, alreadyThere: false });
    expect([...names].filter((name) => name !== '810-0001.x12')).toEqual([expect.stringMatching(/^\.810-0001\.x12\.[0-9a-f]{8}\.part$/)]);
    expect(finalSizes.length).toBeGreaterThan(0);
    expect(finalSizes.every((size) => size === content.length)).toBe(true);
    expect(await fs.readdir(folders.inbound)).toEqual(['810-0001.x12']);
    expect((await fs.readFile(path.join(folders.inbound, '810-0001.x12'))).equals(content)).toBe(true);
    expect(await eventsOf(pool, 'push-a', 'sftp-remote.pushed')).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ size: content.length, alreadyThere: false }) }),
    ]);
  });

  it('finds a retried push already delivered, and never writes over another file of the same name', async () => {
    const folders = await partnerFolders();
    await savePartner(pool, 'push-b', await remoteFor(server, { push: { path: folders.inbound } }));
    const push = (content: string) => pushFile({ pool, secrets, actor: 'test', log: silentLog, settings }, { partner: 'push-b', name: 'desadv.edi', content: Buffer.from(content) });
    expect(await push('UNB+first')).toMatchObject({ ok: true, alreadyThere: false });
    expect(await push('UNB+first')).toMatchObject({ ok: true, alreadyThere: true });
    const taken = await push('UNB+something else');
    expect(taken).toMatchObject({ ok: false, attempts: 1, failure: { code: 'SFTP_REMOTE_NAME_TAKEN' } });
    expect(await fs.readdir(folders.inbound)).toEqual(['desadv.edi']);
    expect(await fs.readFile(path.join(folders.inbound, 'desadv.edi'), 'utf8')).toBe('UNB+first');
    expect(await eventsOf(pool, 'push-b', 'sftp-remote.push-failed')).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ code: 'SFTP_REMOTE_NAME_TAKEN', name: 'desadv.edi' }) }),
    ]);
  });
});

describe('the host key of a partner SFTP server', () => {
  it('is refused once it changed: nothing is read or written, and the refusal is an event with both fingerprints', async () => {
    const moved = await startOpenSshServer();
    try {
      const folders = await partnerFolders();
      const pinned = await moved.hostKeyFingerprint();
      await secrets.put(pool, { name: MOVED_KEY_REF, kind: 'ssh-private-key', value: moved.clientKey });
      await savePartner(pool, 'host-key', await remoteFor(moved, { keyRef: MOVED_KEY_REF, poll: { path: folders.outbound, intervalSeconds: 60 }, push: { path: folders.inbound } }));
      await fs.writeFile(path.join(folders.outbound, 'order.edi'), 'ISA*order~');
      await moved.changeHostKey();
      const presented = await moved.hostKeyFingerprint();
      expect(presented).not.toBe(pinned);

      const outcome = await pollPartner(deps(), 'host-key');
      if (outcome.status !== 'failed') throw new Error(`expected the poll to fail, got ${JSON.stringify(outcome)}`);
      expect(outcome.failure.code).toBe('SFTP_REMOTE_HOST_KEY_REFUSED');
      for (const part of ['host-key', `127.0.0.1:${moved.port}`, pinned, presented]) expect(outcome.failure.message).toContain(part);
      expect(await fs.readdir(folders.outbound)).toEqual(['order.edi']);
      expect(await storedFiles(pool, 'host-key')).toEqual([]);

      const pushed = await pushFile({ pool, secrets, actor: 'test', log: silentLog, settings }, { partner: 'host-key', name: 'po.edi', content: Buffer.from('UNB+') });
      expect(pushed).toMatchObject({ ok: false, attempts: 1, failure: { code: 'SFTP_REMOTE_HOST_KEY_REFUSED' } });
      expect(await fs.readdir(folders.inbound)).toEqual([]);

      expect((await eventsOf(pool, 'host-key', 'sftp-remote.host-key-refused')).map((event) => event.details)).toEqual([
        expect.objectContaining({ during: 'poll', expected: pinned, presented, host: '127.0.0.1', port: moved.port }),
        expect.objectContaining({ during: 'push', expected: pinned, presented, host: '127.0.0.1', port: moved.port }),
      ]);
      expect(await getPollState(pool, 'host-key')).toMatchObject({ failures: 1, lastErrorCode: 'SFTP_REMOTE_HOST_KEY_REFUSED' });
    } finally {
      await moved.stop();
    }
  });
});

describe('polls of several partners', () => {
  it("are each their own job: a partner whose server never answers does not hold up another's", async () => {
    // A database of its own: the scheduler polls every partner in it.
    const { pool: own } = await createTestDatabase();
    await secrets.put(own, { name: KEY_REF, kind: 'ssh-private-key', value: server.clientKey });
    // Accepts the connection and never says a word: the slowest way for a server to be down.
    const silent = net.createServer(() => undefined);
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    const folders = await partnerFolders();
    const hostKey = await server.hostKeyFingerprint();
    await savePartner(own, 'silent-partner', await remoteFor(server, { port, hostKey, poll: { path: folders.outbound, intervalSeconds: 30 } }));
    await savePartner(own, 'live-partner', await remoteFor(server, { poll: { path: folders.outbound, intervalSeconds: 30 } }));
    await fs.writeFile(path.join(folders.outbound, 'order.edi'), 'ISA*live~');

    const slowSettings = { ...settings, connectTimeoutMs: 8000, retryMs: 60_000, retryMaxMs: 60_000 };
    const scheduler = createScheduler({ pool: own, instance: 'sftp-remote-test', log: silentLog, pollMs: 200, concurrency: 4 });
    const pollDeps: PollDeps = { ...deps({ pool: own, settings: slowSettings }), intake: createIntake({ pool: own, actor: 'test', afterCommit: () => undefined }) };
    const started = Date.now();
    await scheduler.start([sftpRemoteDuePollsJob({ pool: own, log: silentLog, everyMs: 1000, scheduler }), sftpRemotePollJob(pollDeps)]);
    try {
      await waitFor('the live partner\'s file to be stored', async () => (await storedFiles(own, 'live-partner')).length === 1, 15_000);
      const storedAfterMs = Date.now() - started;
      // The silent partner's poll is meanwhile running on a worker of its own (taken up in this process, not
      // through Agenda's table), still waiting for its server.
      expect(storedAfterMs).toBeLessThan(slowSettings.connectTimeoutMs);
      expect(await getPollState(own, 'silent-partner')).toMatchObject({ failures: 0, lastPolledAt: null });
      expect(await fs.readdir(folders.outbound)).toEqual([]);

      const failedState = await waitFor('the silent partner\'s poll to fail', async () => {
        const state = await getPollState(own, 'silent-partner');
        return state && state.failures > 0 ? state : undefined;
      }, 20_000);
      expect(failedState.lastErrorCode).toBe('SFTP_REMOTE_UNREACHABLE');
      expect(failedState.lastError).toContain(`partner silent-partner, SFTP server 127.0.0.1:${port}`);
      // Tried again after the backoff wait, not on the next check.
      expect(failedState.nextPollAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    } finally {
      await scheduler.stop(1000);
      silent.close();
      await own.end();
    }
  });
});
