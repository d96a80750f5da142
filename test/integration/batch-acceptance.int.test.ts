import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from '@jest/globals';
import { startGatewayProcess, stopLeftoverGateways } from '../helpers/gateway-process.js';
import { makeKeyPair, openSshSftp, printed } from '../helpers/sftp-peers.js';
import { addPartners, attachedDatabase, retailer, sftpPortOf, singleOrder } from '../helpers/sftp-batch.js';
import { createTestFolder, silentLog } from '../helpers/test-database.js';
import { waitFor } from '../helpers/wait-for.js';

// Issue 7's batch acceptance on a real `edi-gateway` process: 1,000 interchanges from 10 partners uploaded
// with OpenSSH's sftp over 10 connections at once, with duplicates (the same bytes, and other bytes under the
// same control number), a file under another partner's id, files under an id that is no partner's, and
// malformed files mixed in. Every file ends in exactly one final state, none is lost, no order is synced
// twice, and every 997 is in its partner's /outbound once.

afterAll(stopLeftoverGateways);

const PARTNERS = 10;
const FILES_PER_PARTNER = 100;

/** What a file is, which decides where it must end; in the order the table prints them. */
const KINDS = ['order', 'exact duplicate pair', 'changed duplicate pair', 'wrong sender', 'unknown sender', 'not EDI', 'truncated ISA', 'broken envelope'] as const;
type Kind = (typeof KINDS)[number];

interface Upload {
  readonly partner: string;
  readonly name: string;
  readonly kind: Kind;
  readonly content: string;
}

const partnerId = (index: number) => `retailer-${index}`;
const isaIdOf = (index: number) => `RETAILER${index}`;

/** The partner's 100 files: orders, two exact duplicates, one changed duplicate, one stray and one malformed. */
function uploadsOf(index: number): Upload[] {
  const partner = partnerId(index);
  const isaId = isaIdOf(index);
  const order = (control: number, po = `PO-${index}-${control}`) => singleOrder({ isaId, control, po });
  const files: Upload[] = [];
  const add = (kind: Kind, name: string, content: string) => files.push({ partner, name, kind, content });
  const orders = FILES_PER_PARTNER - 5;
  for (let control = 1; control <= orders; control += 1) {
    add(control <= 3 ? (control === 3 ? 'changed duplicate pair' : 'exact duplicate pair') : 'order', `po-${control}.x12`, order(control));
  }
  add('exact duplicate pair', 'po-1-again.x12', order(1));
  add('exact duplicate pair', 'po-2-again.x12', order(2));
  add('changed duplicate pair', 'po-3-changed.x12', order(3, `PO-${index}-3-CHANGED`));
  if (index < 5) add('wrong sender', 'stray.x12', singleOrder({ isaId: isaIdOf((index + 1) % PARTNERS), control: 900, po: `PO-STRAY-${index}` }));
  else add('unknown sender', 'stranger.x12', singleOrder({ isaId: 'NOBODY', control: 900, po: `PO-STRANGER-${index}` }));
  const good = order(901);
  if (index < 4) add('not EDI', 'notes.txt', `Dear 3PL,\nplease find our order attached.\nRegards, partner ${index}\n`);
  else if (index < 7) add('truncated ISA', 'cut.x12', good.slice(0, 60));
  else add('broken envelope', 'broken.x12', brokenEnvelope(index, good));
  // Mixed in: the special files land among the orders, not after them.
  return shuffle(files, index + 1);
}

/**
 * Three ways an envelope breaks: a group trailer counting the wrong sets (a 997 rejects the group), an IEA
 * naming another interchange, no IEA at all. The last two ask for a TA1 (ISA14 = 1), the only answer to a
 * broken interchange envelope, which these partners' policy sends when asked.
 */
function brokenEnvelope(index: number, good: string): string {
  if (index === 7) return good.replace(/^GE\*1\*/m, 'GE*2*');
  const askingTa1 = good.replace(/\*0\*T\*>~/, '*1*T*>~');
  if (index === 8) return askingTa1.replace(/^IEA\*1\*\d+~/m, 'IEA*1*000000999~');
  return askingTa1.replace(/^IEA.*\n/m, '');
}

/** A fixed shuffle (a small linear congruential generator), so a failure can be replayed. */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}

/** Where a file stands: its state, and for an ACKNOWLEDGED file held by an open exception, that exception's code. */
interface FileRow {
  readonly partner: string;
  readonly name: string;
  readonly state: string;
  readonly held: string | null;
  readonly acknowledgments: number;
}

const FINAL = ['PROCESSED', 'REJECTED', 'QUARANTINED'];
const endOf = (row: FileRow) => (row.state === 'ACKNOWLEDGED' && row.held !== null ? `ACKNOWLEDGED (${row.held})` : row.state);
const isFinal = (row: FileRow) => FINAL.includes(row.state) || (row.state === 'ACKNOWLEDGED' && row.held !== null);

async function fileRows(db: pg.Client): Promise<FileRow[]> {
  const result = await db.query<FileRow>(
    `SELECT f.partner, f.original_name AS name, f.state,
            (SELECT min(e.code) FROM exceptions e WHERE e.file_id = f.id AND e.state = 'OPEN') AS held,
            (SELECT count(*)::int FROM acknowledgments_out a WHERE a.file_id = f.id) AS acknowledgments
       FROM received_files f`,
  );
  return result.rows;
}

/** Rows: kinds; columns: ends; cells: files. */
function countsByKind(uploads: readonly Upload[], rows: readonly FileRow[]): Record<string, Record<string, number>> {
  const kinds = new Map(uploads.map((upload) => [`${upload.partner}/${upload.name}`, upload.kind]));
  const table: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    const kind = kinds.get(`${row.partner}/${row.name}`) ?? 'not uploaded';
    const cells = (table[kind] ??= {});
    cells[endOf(row)] = (cells[endOf(row)] ?? 0) + 1;
  }
  return table;
}

describe('a 1,000-file SFTP batch from 10 partners', () => {
  it('ends every file in exactly one final state: 0 lost, 0 processed twice, every 997 in /outbound once', async () => {
    const root = await createTestFolder('batch');
    const dataDir = path.join(root, 'pg');
    // Orders synced to the log (EDI_ODOO=off): each hand-over is a log line naming the document, which is what
    // "synced twice" is counted from.
    const gateway = startGatewayProcess({ EDI_PG_DATA_DIR: dataDir, EDI_INBOX_DIR: path.join(root, 'inbox'), EDI_LOG_LEVEL: 'info', EDI_ODOO: 'off', EDI_DEMO_PARTNER: 'off' });
    await gateway.healthy(60_000);
    const port = await sftpPortOf(gateway);
    const url = await attachedDatabase(dataDir, silentLog);
    await fs.mkdir(path.join(root, 'keys'));
    const keys = await Promise.all(Array.from({ length: PARTNERS }, (_, index) => makeKeyPair(path.join(root, 'keys'), partnerId(index))));
    await addPartners(url, keys.map((key, index) => retailer({ id: partnerId(index), isaId: isaIdOf(index), publicKey: key.publicKey })), silentLog);

    const uploads = Array.from({ length: PARTNERS }, (_, index) => uploadsOf(index));
    for (const files of uploads) {
      const folder = path.join(root, files[0]!.partner);
      await fs.mkdir(folder);
      for (const file of files) await fs.writeFile(path.join(folder, file.name), file.content, 'latin1');
    }
    const started = performance.now();
    const sessions = await Promise.all(
      uploads.map((files, index) =>
        openSshSftp({ port, user: partnerId(index), keyFile: keys[index]!.privateKeyFile, cwd: path.join(root, partnerId(index)), commands: `cd /inbound\n${files.map((file) => `put ${file.name}`).join('\n')}\n` }),
      ),
    );
    const uploadedMs = performance.now() - started;
    // OpenSSH prints a refused upload as "close remote: Failure"; the gateway's log says why.
    const notStored = gateway.logLines().filter((line) => typeof line.msg === 'string' && line.msg.startsWith('sftp upload not stored'));
    expect({ sessions: sessions.map((session) => [session.code, session.stderr]), notStored: notStored.map((line) => line.msg) }).toEqual({ sessions: uploads.map(() => [0, '']), notStored: [] });

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      let rows: FileRow[] = [];
      try {
        await waitFor(
          'every file to reach a final state',
          async () => {
            rows = await fileRows(db);
            return rows.length >= PARTNERS * FILES_PER_PARTNER && rows.every(isFinal);
          },
          210_000,
        );
      } catch (error) {
        throw new Error(`${(error as Error).message}; not final: ${JSON.stringify(rows.filter((row) => !isFinal(row)).slice(0, 10))}; the gateway said: ${gateway.output().slice(-3000)}`);
      }
      const settledMs = performance.now() - started;
      const all = uploads.flat();
      const table = countsByKind(all, rows);
      const ends = [...new Set(Object.values(table).flatMap((cells) => Object.keys(cells)))].sort();
      console.log(
        [
          `${all.length} files uploaded over ${PARTNERS} connections in ${(uploadedMs / 1000).toFixed(1)} s, all final after ${(settledMs / 1000).toFixed(1)} s`,
          ['kind'.padEnd(24), ...ends.map((end) => end.padStart(36))].join(''),
          ...KINDS.map((kind) => [kind, table[kind] ?? {}] as const).map(([kind, cells]) => [kind.padEnd(24), ...ends.map((end) => String(cells[end] ?? 0).padStart(36))].join('')),
          ['total'.padEnd(24), ...ends.map((end) => String(rows.filter((row) => endOf(row) === end).length).padStart(36))].join(''),
        ].join('\n'),
      );

      // Nothing lost, nothing stored twice: one row for every upload, and none for anything else.
      expect(rows.map((row) => `${row.partner}/${row.name}`).sort()).toEqual(all.map((upload) => `${upload.partner}/${upload.name}`).sort());
      const duplicateHold = 'ACKNOWLEDGED (DUPLICATE_INTERCHANGE)';
      expect(table).toEqual({
        order: { PROCESSED: 920 },
        'exact duplicate pair': { PROCESSED: 20, [duplicateHold]: 20 },
        'changed duplicate pair': { PROCESSED: 10, [duplicateHold]: 10 },
        'wrong sender': { REJECTED: 5 },
        'unknown sender': { QUARANTINED: 5 },
        'not EDI': { REJECTED: 4 },
        'truncated ISA': { REJECTED: 3 },
        'broken envelope': { PROCESSED: 3 },
      });

      // Every processed file acknowledged once (a 997, or a TA1 for a broken interchange envelope); files held or set aside are not.
      expect(rows.filter((row) => (row.state === 'PROCESSED' ? row.acknowledgments !== 1 : row.acknowledgments !== 0))).toEqual([]);

      // Every order synced exactly once: one document per processed order, one attempt each, one hand-over each.
      const documents = (await db.query<{ id: string; state: string; attempts: number }>("SELECT d.id::text, d.state, (SELECT count(*)::int FROM sync_intents s WHERE s.document_id = d.id) AS attempts FROM documents d WHERE d.direction = 'inbound'")).rows;
      expect(documents).toHaveLength(950);
      expect(documents.every((document) => document.state === 'SYNCED' && document.attempts === 1)).toBe(true);
      const handedOver = gateway
        .logLines()
        .filter((line) => typeof line.msg === 'string' && line.msg.endsWith('handed to the log (EDI_ODOO=off)'))
        .map((line) => String(line.documentId));
      expect(handedOver.sort()).toEqual(documents.map((document) => document.id).sort());

      // Every 997 (and TA1) made was delivered, and each partner's /outbound lists each exactly once.
      const acknowledgments = (await db.query<{ partner: string; name: string; state: string }>("SELECT partner, kind || '-' || control_number || '.x12' AS name, state FROM acknowledgments_out")).rows;
      expect(acknowledgments).toHaveLength(rows.filter((row) => row.state === 'PROCESSED').length);
      expect(acknowledgments.every((acknowledgment) => acknowledgment.state === 'DELIVERED')).toBe(true);
      for (let index = 0; index < PARTNERS; index += 1) {
        const listing = await openSshSftp({ port, user: partnerId(index), keyFile: keys[index]!.privateKeyFile, cwd: root, commands: 'ls -1 /outbound\n' });
        const listed = printed(listing.stdout).split('\n').map((line) => line.trim().replace(/^\/outbound\//, '')).filter(Boolean).sort();
        const expected = acknowledgments.filter((acknowledgment) => acknowledgment.partner === partnerId(index)).map((acknowledgment) => acknowledgment.name).sort();
        expect({ partner: partnerId(index), listed }).toEqual({ partner: partnerId(index), listed: expected });
      }
    } finally {
      await db.end();
      await gateway.stop('SIGTERM', 30_000);
    }
  }, 360_000);
});
