import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Partners uploading at a steady offered rate: one OpenSSH sftp per partner in batch mode, fed `put` lines
// on its standard input as the clock says they are due, each file written just before its line. sftp runs
// one command at a time, so a server that takes files more slowly than they are offered leaves lines
// waiting in the pipe: the rate the server accepted is read from its own timestamps, not from this side.

export interface Uploader {
  readonly partner: string;
  readonly keyFile: string;
  /** Where its files are written, and sftp runs. */
  readonly folder: string;
}

export interface PacedUploads {
  /** Files handed to sftp so far. */
  readonly offered: number;
  /** Resolves once every sftp has uploaded its last file and exited, with each one's exit code and standard error. */
  readonly done: Promise<{ code: number | null; stderr: string }[]>;
}

function startSftp(port: number, uploader: Uploader): { child: ChildProcess; done: Promise<{ code: number | null; stderr: string }> } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'SSH_AUTH_SOCK'));
  const child = spawn(
    'sftp',
    ['-F', '/dev/null', '-b', '-', '-i', uploader.keyFile, '-P', String(port), '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'IdentitiesOnly=yes', '-o', 'BatchMode=yes', '-o', 'LogLevel=ERROR', `${uploader.partner}@127.0.0.1`],
    { cwd: uploader.folder, env, stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // An sftp that ended early (a refused upload ends a batch) is reported by its exit code and standard error.
  child.stdin?.on('error', () => undefined);
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  child.stdin?.write('cd /inbound\n');
  return { child, done };
}

/**
 * Offers `ratePerSecond` files in all, spread over the uploaders in turn, for `seconds`; file `index` is
 * `content(index, uploader)`.
 */
export function startPacedUploads(options: {
  port: number;
  uploaders: readonly Uploader[];
  ratePerSecond: number;
  seconds: number;
  content: (index: number, uploader: Uploader) => string;
}): PacedUploads {
  const sessions = options.uploaders.map((uploader) => ({ uploader, ...startSftp(options.port, uploader) }));
  const total = Math.round(options.ratePerSecond * options.seconds);
  const started = performance.now();
  let offered = 0;
  const offerDue = () => {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * options.ratePerSecond));
    for (; offered < due; offered += 1) {
      const session = sessions[offered % sessions.length]!;
      const name = `po-${offered}.x12`;
      fs.writeFileSync(path.join(session.uploader.folder, name), options.content(offered, session.uploader), 'latin1');
      session.child.stdin?.write(`put ${name}\n`);
    }
    if (offered < total) return;
    clearInterval(timer);
    for (const session of sessions) session.child.stdin?.end();
  };
  // Ticks of 20 ms: at 100 files/s, two files at a time.
  const timer = setInterval(offerDue, 20);
  return {
    get offered() {
      return offered;
    },
    done: Promise.all(sessions.map((session) => session.done)),
  };
}
