import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

// The AS2 partner's side for tests: openssl for its certificates and S/MIME, curl for its requests, and a
// small HTTP server for what we send it.

const run = promisify(execFile);

/** Runs openssl; its standard output as bytes. */
export async function openssl(args: readonly string[]): Promise<Buffer> {
  const { stdout } = await run('openssl', args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export interface TestCertificate {
  readonly keyFile: string;
  readonly certificateFile: string;
  readonly certificatePem: string;
  /** Certificate and private key in one PEM, as our own identity is kept. */
  readonly bundlePem: string;
}

export async function makeCertificate(dir: string, name: string, days: number): Promise<TestCertificate> {
  const keyFile = path.join(dir, `${name}.key`);
  const certificateFile = path.join(dir, `${name}.crt`);
  await openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certificateFile, '-days', String(days), '-subj', `/CN=${name}`]);
  const certificatePem = await fs.readFile(certificateFile, 'utf8');
  return { keyFile, certificateFile, certificatePem, bundlePem: certificatePem + (await fs.readFile(keyFile, 'utf8')) };
}

export interface CurlAnswer {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Map<string, string>;
  readonly body: Buffer;
}

/** POSTs a file with curl, as a partner's AS2 software would. */
export async function curlPost(url: string, options: { readonly bodyFile: string; readonly headers: Readonly<Record<string, string>> }): Promise<CurlAnswer> {
  const headerFile = `${options.bodyFile}.answer-headers`;
  const bodyOut = `${options.bodyFile}.answer-body`;
  const headerArgs = Object.entries(options.headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const { stdout } = await run('curl', ['-sS', '-X', 'POST', '--data-binary', `@${options.bodyFile}`, ...headerArgs, '-D', headerFile, '-o', bodyOut, '-w', '%{http_code}', url]);
  const headers = new Map<string, string>();
  for (const line of (await fs.readFile(headerFile, 'latin1')).split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(stdout), headers, body: await fs.readFile(bodyOut).catch(() => Buffer.alloc(0)) };
}

export interface ReceivedRequest {
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

export type PeerHandler = (request: ReceivedRequest) => Promise<{ status: number; headers?: Record<string, string>; body?: Buffer }>;

/** A partner's AS2 server on a free loopback port; `handle` decides each answer and every request is kept. */
export async function startPeer(): Promise<{ url: string; requests: ReceivedRequest[]; handle: { current: PeerHandler }; close: () => Promise<void> }> {
  const requests: ReceivedRequest[] = [];
  const handle: { current: PeerHandler } = { current: async () => ({ status: 200 }) };
  const server = http.createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = { url: incoming.url ?? '/', headers: incoming.headers, body: Buffer.concat(chunks) };
      requests.push(request);
      handle
        .current(request)
        .then((answer) => response.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? Buffer.alloc(0)))
        .catch((error: unknown) => response.writeHead(500).end(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
