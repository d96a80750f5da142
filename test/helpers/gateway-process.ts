import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { waitFor } from './wait-for.js';

const BIN = path.resolve('bin/edi-gateway.js');

/** The environment a gateway process gets: no EDI_ or DATABASE_URL leaking in from the test runner. */
function cleanEnv(env: Record<string, string>): Record<string, string> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name, value]) => value !== undefined && !name.startsWith('EDI_') && name !== 'DATABASE_URL'),
  ) as Record<string, string>;
  return { ...base, ...env };
}

/** Runs an `edi-gateway` command to its end. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface GatewayProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  /** The JSON log lines written so far. */
  readonly logLines: () => Record<string, unknown>[];
  /** Resolves with the HTTP URL once /healthz answers 200. */
  healthy(timeoutMs?: number): Promise<string>;
  /** Sends `signal` and resolves with the exit code, failing if the process outlives `withinMs`. */
  stop(signal: NodeJS.Signals, withinMs: number): Promise<number | null>;
  exited(): Promise<number | null>;
}

const started = new Set<GatewayProcess>();

/** Stops every gateway a test left running (a failed test), so none outlives the run with its postgres. */
export async function stopLeftoverGateways(): Promise<void> {
  for (const gateway of started) {
    if (gateway.child.exitCode === null && gateway.child.signalCode === null) await gateway.stop('SIGTERM', 15_000).catch(() => undefined);
  }
  started.clear();
}

/** `edi-gateway start` as a real child process, on a free HTTP port. */
export function startGatewayProcess(env: Record<string, string>): GatewayProcess {
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: cleanEnv({ EDI_HTTP_PORT: '0', EDI_SFTP_PORT: '0', EDI_LOG_LEVEL: 'info', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const logLines = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const gateway: GatewayProcess = {
    child,
    output: () => output,
    logLines,
    async healthy(timeoutMs = 30_000) {
      const url = await waitFor(`the gateway to log its URL (output so far: ${output.slice(-2000)})`, () => {
        if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}: ${output}`);
        return logLines().find((line) => line.msg === 'gateway started')?.url as string | undefined;
      }, timeoutMs);
      await waitFor('/healthz to answer 200', async () => (await fetch(`${url}/healthz`)).status === 200, timeoutMs);
      return url;
    },
    async stop(signal, withinMs) {
      child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`the gateway did not exit within ${withinMs} ms of ${signal}: ${output.slice(-2000)}`));
        }, withinMs);
      });
      try {
        return await Promise.race([exit, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    exited: () => exit,
  };
  started.add(gateway);
  return gateway;
}

/** Process ids of PostgreSQL servers running on `dataDir` (read from /proc, so nothing is missed). */
export function postgresProcessesOn(dataDir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return path.basename(args[0] ?? '') === 'postgres' && args.includes(dataDir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * An API key for a running gateway's API, made as an operator makes one beside it: a viewer added with
 * `edi-gateway user add`, then `edi-gateway user key add`. Returned as the Authorization header.
 */
export async function apiKeyBeside(env: Record<string, string>, username = 'watcher'): Promise<{ authorization: string }> {
  const added = await runCli(['user', 'add', username, '--role', 'viewer'], env);
  if (added.code !== 0) throw new Error(`user add failed: ${added.stderr}`);
  const made = await runCli(['user', 'key', 'add', username, '--name', 'test'], env);
  const key = /^edi_\S+$/m.exec(made.stdout)?.[0];
  if (made.code !== 0 || key === undefined) throw new Error(`user key add failed: ${made.stderr}`);
  return { authorization: `Bearer ${key}` };
}
