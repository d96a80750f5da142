import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createIntake, type Intake } from '../../gateway/ingest/accept-file.js';
import type { Pool } from '../../gateway/store/pool.js';
import { createInboxFolder, type InboxFolderOptions, type Refusal } from '../../gateway/transports/local-dir/inbox-folder.js';
import { createTestDatabase, createTestFolder, silentLog } from '../helpers/test-database.js';
import { waitFor } from '../helpers/wait-for.js';

let pool: Pool;
beforeAll(async () => ({ pool } = await createTestDatabase()));
afterAll(async () => pool.end());

const storedFiles = async (partner: string) =>
  (await pool.query('SELECT original_name AS name, content, sha256, intake_key FROM received_files WHERE partner = $1 ORDER BY id', [partner]))
    .rows as { name: string; content: Buffer; sha256: string; intake_key: string }[];

async function inboxFor(partner: string, overrides: Partial<InboxFolderOptions> = {}) {
  const dir = await createTestFolder('inbox');
  await fs.mkdir(path.join(dir, partner));
  const refusals: Refusal[] = [];
  const options: InboxFolderOptions = {
    dir,
    pollMs: 50,
    settleMs: 0,
    claimLeaseMs: 60_000,
    maxFileBytes: 1024 * 1024,
    intake: createIntake({ pool, actor: 'test', afterCommit: () => undefined }),
    log: silentLog,
    onRefused: async (refusal) => void refusals.push(refusal),
    ...overrides,
  };
  const inbox = createInboxFolder(options);
  // A file is taken on the second pass that sees it unchanged.
  const passes = async () => {
    await inbox.scan();
    await inbox.scan();
  };
  return { dir, folder: path.join(dir, partner), options, refusals, inbox, passes };
}

describe('local inbox folder', () => {
  it('stores a dropped file whole and only then removes it', async () => {
    const { folder, inbox, passes } = await inboxFor('alpha');
    const content = Buffer.from('ISA*00*...~IEA*1*000000001~');
    await fs.writeFile(path.join(folder, 'order.x12'), content);
    await inbox.scan();
    expect(await storedFiles('alpha')).toEqual([]);
    await passes();
    const [stored] = await storedFiles('alpha');
    expect(stored?.name).toBe('order.x12');
    expect(Buffer.compare(stored!.content, content)).toBe(0);
    expect(stored?.intake_key).toMatch(/^local-dir:[0-9a-f-]{36}$/);
    expect(await fs.readdir(folder)).toEqual(['.claimed']);
    expect(await fs.readdir(path.join(folder, '.claimed'))).toEqual([]);
  });

  it('leaves a file alone while its writer is still writing, then stores all of it', async () => {
    const { folder, inbox } = await inboxFor('bravo', { settleMs: 300 });
    await inbox.start();
    try {
      const handle = await fs.open(path.join(folder, 'big.edi'), 'w');
      const chunks: Buffer[] = [];
      // Writes for about two seconds, pausing shorter than the settle time between chunks.
      for (let chunk = 0; chunk < 20; chunk += 1) {
        const bytes = Buffer.from(`UNH+${chunk}+ORDERS:D:96A:UN'`.repeat(200));
        chunks.push(bytes);
        await handle.write(bytes);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(await storedFiles('bravo')).toEqual([]);
      }
      await handle.close();
      const whole = Buffer.concat(chunks);
      const stored = await waitFor('the finished file to be stored', async () => (await storedFiles('bravo'))[0]);
      expect(stored.content.length).toBe(whole.length);
      expect(stored.sha256).toBe(createHash('sha256').update(whole).digest('hex'));
      expect(await storedFiles('bravo')).toHaveLength(1);
    } finally {
      await inbox.stop();
    }
  });

  it('ignores temporary names until the file is renamed', async () => {
    const { folder, passes } = await inboxFor('charlie');
    for (const name of ['a.part', 'b.tmp', 'c.filepart', '.hidden']) await fs.writeFile(path.join(folder, name), 'UNB+');
    await passes();
    expect(await storedFiles('charlie')).toEqual([]);
    await fs.rename(path.join(folder, 'a.part'), path.join(folder, 'a.edi'));
    await passes();
    expect((await storedFiles('charlie')).map((file) => file.name)).toEqual(['a.edi']);
  });

  it('stores nothing of a file that disappears before it is taken', async () => {
    const { folder, inbox } = await inboxFor('delta', { settleMs: 1 });
    const file = path.join(folder, 'gone.edi');
    await fs.writeFile(file, 'ISA*');
    await fs.utimes(file, new Date(Date.now() - 5000), new Date(Date.now() - 5000));
    await inbox.scan(); // first sighting
    await fs.unlink(file);
    await inbox.scan();
    expect(await storedFiles('delta')).toEqual([]);
  });

  it('refuses a file over the size limit, keeps it aside and reports it', async () => {
    const { folder, inbox, refusals } = await inboxFor('echo', { maxFileBytes: 10 });
    await fs.writeFile(path.join(folder, 'huge.edi'), 'ISA*'.repeat(10));
    await inbox.scan();
    expect(await storedFiles('echo')).toEqual([]);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ partner: 'echo', name: 'huge.edi', code: 'FILE_TOO_LARGE' });
    expect(refusals[0]?.message).toContain('echo/huge.edi is 40 bytes; the largest file accepted is 10 bytes (EDI_MAX_FILE_BYTES)');
    const kept = await fs.readdir(path.join(folder, '.refused'));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/--huge\.edi$/);
  });

  it('takes no files from folders that are not partner ids, nor from the inbox root', async () => {
    const { dir, passes } = await inboxFor('foxtrot');
    await fs.mkdir(path.join(dir, 'bad name'));
    await fs.writeFile(path.join(dir, 'bad name', 'x.edi'), 'ISA*');
    await fs.writeFile(path.join(dir, 'loose.edi'), 'ISA*');
    await passes();
    expect((await pool.query("SELECT count(*)::int AS n FROM received_files WHERE original_name IN ('x.edi', 'loose.edi')")).rows[0].n).toBe(0);
  });

  it('stores each of 50 files exactly once when two watchers share the folder', async () => {
    const first = await inboxFor('golf');
    const second = createInboxFolder(first.options);
    for (let index = 0; index < 50; index += 1) await fs.writeFile(path.join(first.folder, `f${index}.edi`), `ISA*${index}`);
    await Promise.all([first.inbox.scan(), second.scan()]);
    await Promise.all([first.inbox.scan(), second.scan()]);
    const stored = await storedFiles('golf');
    expect(stored.map((file) => file.content.toString()).sort()).toEqual(Array.from({ length: 50 }, (_, index) => `ISA*${index}`).sort());
  });

  it('recovers a file claimed by an instance that died, once, even if it had already been stored', async () => {
    const { folder, inbox } = await inboxFor('hotel', { claimLeaseMs: 0 });
    await fs.mkdir(path.join(folder, '.claimed'));
    const storedBeforeCrash = '11111111-1111-4111-8111-111111111111';
    const neverStored = '22222222-2222-4222-8222-222222222222';
    // The first instance committed this one but died before removing it from .claimed/.
    await createIntake({ pool, actor: 'dead', afterCommit: () => undefined })({
      partner: 'hotel',
      source: 'local-dir',
      originalName: 'one.edi',
      intakeKey: `local-dir:${storedBeforeCrash}`,
      content: Buffer.from('ISA*1'),
    });
    await fs.writeFile(path.join(folder, '.claimed', `${storedBeforeCrash}--one.edi`), 'ISA*1');
    await fs.writeFile(path.join(folder, '.claimed', `${neverStored}--two.edi`), 'ISA*2');
    await inbox.scan();
    expect((await storedFiles('hotel')).map((file) => file.name)).toEqual(['one.edi', 'two.edi']);
    expect(await fs.readdir(path.join(folder, '.claimed'))).toEqual([]);
  });

  it('keeps a file it could not store and stores it on the next pass', async () => {
    const real = createIntake({ pool, actor: 'test', afterCommit: () => undefined });
    let failures = 1;
    const flaky: Intake = async (delivery) => {
      if (failures-- > 0) throw new Error('connection refused');
      return real(delivery);
    };
    const { folder, inbox, passes } = await inboxFor('india', { intake: flaky });
    await fs.writeFile(path.join(folder, 'retry.edi'), 'UNB+');
    await passes();
    expect(await storedFiles('india')).toEqual([]);
    expect(await fs.readdir(path.join(folder, '.claimed'))).toHaveLength(1);
    await inbox.scan();
    expect((await storedFiles('india')).map((file) => file.name)).toEqual(['retry.edi']);
    expect(await fs.readdir(path.join(folder, '.claimed'))).toEqual([]);
  });
});
