import { randomUUID } from 'node:crypto';
import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describeError } from '../../errors/gateway-error.js';
import type { Intake } from '../../ingest/accept-file.js';
import type { Logger } from '../../log.js';

// The local drop folder: a file written to <dir>/<partner>/ is received from that partner. Several
// gateway instances may watch the same folder. A file is taken by renaming it into .claimed/ under a
// fresh id (only one instance's rename succeeds); that id is the intake key, so even a recovery racing
// a slow owner cannot store a file twice. The file leaves the folder only after its row has committed.

export const SOURCE = 'local-dir';
const CLAIMED = '.claimed';
const REFUSED = '.refused';
/** Names that say "still being written": left alone until renamed. */
const TEMPORARY = /\.(part|tmp|filepart|partial)$/i;
const PARTNER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CLAIM_NAME = /^([0-9a-f-]{36})--(.+)$/;
const PARALLEL_TAKES = 8;

export interface Refusal {
  readonly partner: string;
  readonly name: string;
  readonly code: 'FILE_TOO_LARGE';
  readonly message: string;
  /** Where the refused file was put aside. */
  readonly keptAt: string;
}

export interface InboxFolderOptions {
  readonly dir: string;
  readonly pollMs: number;
  readonly settleMs: number;
  readonly claimLeaseMs: number;
  readonly maxFileBytes: number;
  readonly intake: Intake;
  readonly log: Logger;
  readonly onRefused: (refusal: Refusal) => Promise<void>;
}

export interface InboxFolder {
  start(): Promise<void>;
  /** One pass over the folder; what the poll loop runs. */
  scan(): Promise<void>;
  /** Stops polling and waits for the pass under way. */
  stop(): Promise<void>;
}

interface Sighting {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

export function createInboxFolder(options: InboxFolderOptions): InboxFolder {
  const { log } = options;
  const sightings = new Map<string, Sighting>();
  /** Claims of ours whose store failed: retried on the next pass rather than after the lease. */
  const retryClaims = new Set<string>();
  const warned = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> | undefined;
  let stopped = false;

  const warnOnce = (key: string, message: string, details: Record<string, unknown>) => {
    if (warned.has(key)) return;
    warned.add(key);
    log.warn(details, message);
  };

  async function scan(): Promise<void> {
    const seen = new Set<string>();
    const entries = await fs.readdir(options.dir, { withFileTypes: true });
    for (const entry of entries) {
      if (stopped) break;
      if (entry.name.startsWith('.')) continue;
      if (!entry.isDirectory()) {
        warnOnce(`root:${entry.name}`, 'file left in the inbox root: put it in the folder of the partner that sent it', { name: entry.name });
        continue;
      }
      if (!PARTNER_ID.test(entry.name)) {
        warnOnce(`partner:${entry.name}`, 'inbox folder name is not a valid partner id; its files are not taken', { folder: entry.name });
        continue;
      }
      await scanPartner(entry.name, seen);
    }
    for (const key of sightings.keys()) if (!seen.has(key)) sightings.delete(key);
  }

  async function scanPartner(partner: string, seen: Set<string>): Promise<void> {
    const folder = path.join(options.dir, partner);
    await recoverClaims(partner);
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    const ready: { name: string; stat: Stats }[] = [];
    for (const name of names) {
      if (name.startsWith('.') || TEMPORARY.test(name)) continue;
      const file = path.join(folder, name);
      const stat = await fs.lstat(file).catch(() => undefined);
      if (!stat?.isFile()) continue;
      seen.add(file);
      if (stat.size > options.maxFileBytes) await refuse(partner, name, stat.size);
      else if (isSettled(file, stat)) ready.push({ name, stat });
    }
    // A few at a time: each take waits mostly on the database, and the pool has room for several.
    for (let next = 0; next < ready.length && !stopped; next += PARALLEL_TAKES) {
      await Promise.all(ready.slice(next, next + PARALLEL_TAKES).map(({ name, stat }) => take(partner, name, stat)));
    }
  }

  /**
   * Seen unchanged on two passes and untouched for settleMs: its writer is done with it. Never on the
   * first sighting, which may fall between a writer creating the file and writing to it.
   */
  function isSettled(file: string, stat: Stats): boolean {
    const now: Sighting = { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino };
    const before = sightings.get(file);
    sightings.set(file, now);
    const unchanged = before !== undefined && before.size === now.size && before.mtimeMs === now.mtimeMs && before.ino === now.ino;
    return unchanged && Date.now() - stat.mtimeMs >= options.settleMs;
  }

  async function take(partner: string, name: string, observed: Stats): Promise<void> {
    const folder = path.join(options.dir, partner);
    const claimDir = path.join(folder, CLAIMED);
    await fs.mkdir(claimDir, { recursive: true });
    const claimId = randomUUID();
    const claimed = path.join(claimDir, `${claimId}--${name}`);
    try {
      await fs.rename(path.join(folder, name), claimed);
    } catch (error) {
      // Gone: taken by another instance, or removed by its sender before we got to it.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const content = await readIfUnchanged(claimed, observed);
    if (!content) {
      // Its writer is still at work: give the file back untouched and look again later.
      await fs.rename(claimed, path.join(folder, name)).catch((error: unknown) => {
        log.error({ err: error, partner, name, claimed }, 'a file still being written could not be put back');
      });
      sightings.delete(path.join(folder, name));
      return;
    }
    await store(partner, name, claimId, claimed, content);
  }

  async function store(partner: string, name: string, claimId: string, claimed: string, content: Buffer): Promise<void> {
    try {
      const accepted = await options.intake({ partner, source: SOURCE, originalName: name, intakeKey: `${SOURCE}:${claimId}`, content });
      await fs.unlink(claimed).catch(() => undefined);
      retryClaims.delete(claimed);
      log.info({ partner, name, fileId: accepted.fileId, size: content.length, created: accepted.created }, 'file received');
    } catch (error) {
      // Kept in .claimed/ under the same id: a retry cannot store it twice.
      retryClaims.add(claimed);
      log.error({ err: error, partner, name }, `file could not be stored, will retry: ${describeError(error)}`);
    }
  }

  /** Files claimed by an instance that died (lease expired), or of ours whose store failed. */
  async function recoverClaims(partner: string): Promise<void> {
    const claimDir = path.join(options.dir, partner, CLAIMED);
    const names = await fs.readdir(claimDir).catch(() => [] as string[]);
    for (const claimName of names) {
      const match = CLAIM_NAME.exec(claimName);
      if (!match) continue;
      const claimed = path.join(claimDir, claimName);
      const stat = await fs.lstat(claimed).catch(() => undefined);
      if (!stat?.isFile()) continue;
      // A rename updates ctime: it says when the file was claimed.
      const expired = Date.now() - stat.ctimeMs >= options.claimLeaseMs;
      if (!expired && !retryClaims.has(claimed)) continue;
      const content = await fs.readFile(claimed).catch(() => undefined);
      if (content) await store(partner, match[2] as string, match[1] as string, claimed, content);
    }
  }

  async function refuse(partner: string, name: string, size: number): Promise<void> {
    const refusedDir = path.join(options.dir, partner, REFUSED);
    await fs.mkdir(refusedDir, { recursive: true });
    const keptAt = path.join(refusedDir, `${new Date().toISOString().replace(/[:.]/g, '')}--${name}`);
    try {
      await fs.rename(path.join(options.dir, partner, name), keptAt);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const message = `${partner}/${name} is ${size} bytes; the largest file accepted is ${options.maxFileBytes} bytes (EDI_MAX_FILE_BYTES). It was not received and was put aside in ${keptAt}.`;
    log.warn({ partner, name, size, keptAt }, message);
    await options.onRefused({ partner, name, code: 'FILE_TOO_LARGE', message, keptAt });
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      pass = scan()
        .catch((error: unknown) => log.error({ err: error, dir: options.dir }, `inbox scan failed: ${describeError(error)}`))
        .finally(schedule);
    }, options.pollMs);
    // Polling alone never keeps the process alive; the HTTP server and the scheduler do.
    timer.unref();
  }

  return {
    async start() {
      await fs.mkdir(options.dir, { recursive: true });
      stopped = false;
      schedule();
    },
    scan,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}

/** The whole content, or undefined when the file changed since it was observed (a writer still at it). */
async function readIfUnchanged(file: string, observed: Stats): Promise<Buffer | undefined> {
  const handle = await fs.open(file, 'r');
  try {
    const unchanged = (stat: Stats) => stat.size === observed.size && stat.mtimeMs === observed.mtimeMs;
    if (!unchanged(await handle.stat())) return undefined;
    const content = await handle.readFile();
    return unchanged(await handle.stat()) && content.length === observed.size ? content : undefined;
  } finally {
    await handle.close();
  }
}
