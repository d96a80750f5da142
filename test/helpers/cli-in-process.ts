import { PassThrough } from 'node:stream';
import { main } from '../../gateway/cli/main.js';

/** Runs `edi-gateway ARGV` in this process with the given environment; its exit code and output. */
export async function runCliInProcess(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main(argv, { env, stdout, stderr });
  return { code, out, err };
}
