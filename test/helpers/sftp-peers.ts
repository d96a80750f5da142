import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import ssh2, { type ConnectConfig, type ParsedKey, type SFTPWrapper } from 'ssh2';

// Real peers for the hosted SFTP server: OpenSSH's own client (sftp in batch mode, ssh-keygen, ssh-keyscan)
// and the ssh2 client where OpenSSH cannot do what a test needs (passwords without sshpass, a client that
// offers a key it cannot sign with, a byte-by-byte upload).

const run = promisify(execFile);

export interface KeyPair {
  readonly privateKeyFile: string;
  /** The authorized_keys line. */
  readonly publicKey: string;
}

export async function makeKeyPair(dir: string, name: string): Promise<KeyPair> {
  const privateKeyFile = path.join(dir, name);
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', privateKeyFile]);
  return { privateKeyFile, publicKey: (await fs.readFile(`${privateKeyFile}.pub`, 'utf8')).trim() };
}

/** The server's host key fingerprint as OpenSSH sees it (ssh-keyscan | ssh-keygen -lf -). */
export async function scannedFingerprint(port: number): Promise<string> {
  const { stdout: scanned } = await run('ssh-keyscan', ['-T', '10', '-p', String(port), '-t', 'ed25519', '127.0.0.1']);
  const child = spawn('ssh-keygen', ['-l', '-f', '-'], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(scanned);
  let out = '';
  for await (const chunk of child.stdout) out += String(chunk);
  return out.split(' ')[1] as string;
}

export interface SftpRun {
  readonly child: ChildProcess;
  /** SIGKILL to sftp and the ssh it runs (which holds the connection): the client dies as a whole. */
  kill(): void;
  /** Exit code (null when killed), standard output and error. */
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** OpenSSH's sftp in batch mode: `commands` one per line; a line starting with - may fail without stopping the batch. */
export function startOpenSshSftp(options: { port: number; user: string; keyFile: string; commands: string; cwd: string; sshOptions?: string[] }): SftpRun {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'SSH_AUTH_SOCK'));
  const child = spawn(
    'sftp',
    [
      '-F', '/dev/null',
      '-b', '-',
      '-i', options.keyFile,
      '-P', String(options.port),
      '-o', 'StrictHostKeyChecking=no',
      '-o', 'UserKnownHostsFile=/dev/null',
      '-o', 'IdentitiesOnly=yes',
      '-o', 'BatchMode=yes',
      '-o', 'LogLevel=ERROR',
      ...(options.sshOptions ?? []).flatMap((option) => ['-o', option]),
      `${options.user}@127.0.0.1`,
    ],
    { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
  child.stdin?.end(options.commands);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done, kill: () => process.kill(-(child.pid as number), 'SIGKILL') };
}

/** What the batch printed, without the echo of its own commands ("sftp> ..."). */
export const printed = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => !line.startsWith('sftp> '))
    .join('\n');

export const openSshSftp = (options: Parameters<typeof startOpenSshSftp>[0]) => startOpenSshSftp(options).done;

/** An ssh2 client logged in, or the reason it was not. */
export function connectSsh2(config: ConnectConfig): Promise<ssh2.Client> {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    client.on('ready', () => resolve(client));
    client.on('error', reject);
    client.connect({ host: '127.0.0.1', readyTimeout: 20_000, tryKeyboard: false, ...config });
  });
}

/** Whether a log-in succeeds: 'logged in', or the client's error message. */
export async function tryLogin(config: ConnectConfig): Promise<string> {
  try {
    const client = await connectSsh2(config);
    client.end();
    return 'logged in';
  } catch (error) {
    return (error as Error).message;
  }
}

export function openSftp(client: ssh2.Client): Promise<SFTPWrapper> {
  return new Promise((resolve, reject) => client.sftp((error, sftp) => (error ? reject(error) : resolve(sftp))));
}

/**
 * An agent that offers a public key it has (known to anyone) but signs with another key: a client that knows
 * a partner's public key without holding its private key.
 */
export class ImpostorAgent extends ssh2.BaseAgent {
  constructor(
    private readonly offered: string,
    private readonly signingKey: string,
  ) {
    super();
  }

  override getIdentities(callback: (error: Error | undefined, keys?: ParsedKey[]) => void): void {
    callback(undefined, [ssh2.utils.parseKey(this.offered) as ParsedKey]);
  }

  override sign(_key: ParsedKey, data: Buffer, options: unknown, callback?: (error: Error | undefined, signature?: Buffer) => void): void {
    const done = (typeof options === 'function' ? options : callback) as (error: Error | undefined, signature?: Buffer) => void;
    done(undefined, (ssh2.utils.parseKey(this.signingKey) as ParsedKey).sign(data));
  }
}

/**
 * A TCP relay in front of the server that forwards the client's first `limit` bytes and then holds the rest:
 * a connection caught in the middle of an upload, at a known point, whatever the machine's speed.
 */
export async function stallingRelay(targetPort: number, limit: number): Promise<{ port: number; stalled: Promise<void>; close(): void }> {
  const sockets = new Set<net.Socket>();
  let markStalled: () => void = () => undefined;
  const stalled = new Promise<void>((resolve) => (markStalled = resolve));
  const relay = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let forwarded = 0;
    client.on('data', (chunk: Buffer) => {
      if (forwarded >= limit) return;
      forwarded += chunk.length;
      upstream.write(chunk);
      if (forwarded >= limit) {
        client.pause();
        markStalled();
      }
    });
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    port: (relay.address() as net.AddressInfo).port,
    stalled,
    close() {
      for (const socket of sockets) socket.destroy();
      relay.close();
    },
  };
}

/**
 * OpenSSH's sftp in batch mode logging in with a password, which it reads only from a terminal or from the
 * program SSH_ASKPASS names: a script that prints it, kept in `cwd` while the batch runs. BatchMode=no comes
 * before -b, whose own BatchMode=yes (which forbids asking) ssh then ignores, as it keeps the first value.
 */
export async function openSshSftpWithPassword(options: { port: number; user: string; password: string; commands: string; cwd: string }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const askpass = path.join(options.cwd, '.askpass.sh');
  await fs.writeFile(askpass, '#!/bin/sh\nprintf "%s\\n" "$SFTP_TEST_PASSWORD"\n', { mode: 0o700 });
  try {
    const env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'SSH_AUTH_SOCK')),
      SSH_ASKPASS: askpass,
      SSH_ASKPASS_REQUIRE: 'force',
      SFTP_TEST_PASSWORD: options.password,
    };
    const child = spawn(
      'sftp',
      [
        '-F', '/dev/null',
        '-o', 'BatchMode=no',
        '-b', '-',
        '-P', String(options.port),
        '-o', 'StrictHostKeyChecking=no',
        '-o', 'UserKnownHostsFile=/dev/null',
        '-o', 'PubkeyAuthentication=no',
        '-o', 'PreferredAuthentications=password',
        '-o', 'NumberOfPasswordPrompts=1',
        '-o', 'LogLevel=ERROR',
        `${options.user}@127.0.0.1`,
      ],
      { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true },
    );
    child.stdin?.end(options.commands);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return await new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  } finally {
    await fs.rm(askpass, { force: true });
  }
}
