import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestFolder } from './test-database.js';

const run = promisify(execFile);
const SSHD = '/usr/sbin/sshd';

/** A real OpenSSH sshd on a loopback port, playing a partner's SFTP server; its files are ours to look at. */
export interface OpenSshServer {
  readonly port: number;
  /** Who logs in: the account the tests run as (root on CI), with `clientKey`. */
  readonly username: string;
  /** Our private key, as a partner's profile would name it through keyRef. */
  readonly clientKey: Buffer;
  /** The host key's fingerprint, as ssh-keygen -lf prints it. */
  hostKeyFingerprint(): Promise<string>;
  /** Stops the server and starts it again on the same port with a newly generated host key. */
  changeHostKey(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Started as an unprivileged user would: its own config, host key, authorized_keys and pid file in a
 * temporary folder, in the foreground (-D) with its log on standard error (-e), which says when it listens.
 */
export async function startOpenSshServer(): Promise<OpenSshServer> {
  const dir = await createTestFolder('sshd');
  const port = await freePort();
  const username = os.userInfo().username;
  // Run as root, sshd wants its privilege separation folder; the Debian package's service would make it.
  if (process.getuid?.() === 0) await fs.mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'gateway-test', '-f', path.join(dir, 'client')]);
  await fs.copyFile(path.join(dir, 'client.pub'), path.join(dir, 'authorized_keys'));
  const config = path.join(dir, 'sshd_config');
  await fs.writeFile(
    config,
    [
      'ListenAddress 127.0.0.1',
      `Port ${port}`,
      `HostKey ${path.join(dir, 'host_key')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'Subsystem sftp internal-sftp',
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      '',
    ].join('\n'),
  );

  let child: ChildProcess | undefined;
  const newHostKey = async () => {
    await fs.rm(path.join(dir, 'host_key'), { force: true });
    await fs.rm(path.join(dir, 'host_key.pub'), { force: true });
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, 'host_key')]);
  };
  const start = async () => {
    child = await startSshd(config, port);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };

  await newHostKey();
  await start();
  return {
    port,
    username,
    clientKey: await fs.readFile(path.join(dir, 'client')),
    async hostKeyFingerprint() {
      const { stdout } = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', path.join(dir, 'host_key.pub')]);
      return stdout.split(' ')[1] as string;
    },
    async changeHostKey() {
      await stop();
      await newHostKey();
      await start();
    },
    stop,
  };
}

async function startSshd(config: string, port: number): Promise<ChildProcess> {
  const child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sshd did not listen on port ${port} within 10 s:\n${log}`)), 10_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes(`Server listening on 127.0.0.1 port ${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sshd exited with ${code} before listening:\n${log}`));
    });
  });
  return child;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
