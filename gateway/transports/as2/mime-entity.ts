// The little of MIME that AS2 needs: an entity's headers and body, header parameters, the parts of a
// multipart body and the body's transfer encoding. Parts are kept as the exact bytes that arrived, because
// signatures and MICs are computed over those bytes.

export interface MimeEntity {
  /** Header names in lower case; a repeated header keeps its first value. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

export interface HeaderValue {
  /** The value before the first `;`, in lower case: `multipart/signed`. */
  readonly value: string;
  /** Parameters by lower-case name, quotes removed. */
  readonly params: ReadonlyMap<string, string>;
}

const CRLF = '\r\n';

/** Splits an entity at its first empty line; an entity whose first line is empty has no headers. */
export function parseEntity(bytes: Buffer): MimeEntity {
  const crlf = bytes.indexOf('\r\n\r\n');
  const lf = bytes.indexOf('\n\n');
  const startsEmpty = bytes.subarray(0, 2).toString('latin1') === CRLF || bytes[0] === 0x0a;
  if (startsEmpty) return { headers: new Map(), body: bytes.subarray(bytes[0] === 0x0a ? 1 : 2) };
  const [end, gap] = crlf !== -1 && (lf === -1 || crlf < lf) ? [crlf, 4] : lf !== -1 ? [lf, 2] : [bytes.length, 0];
  return { headers: parseHeaderLines(bytes.subarray(0, end).toString('latin1')), body: bytes.subarray(Math.min(end + gap, bytes.length)) };
}

function parseHeaderLines(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  const unfolded = text.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/** `multipart/signed; boundary="b"; micalg=sha-256` -> value and parameters. */
export function parseHeaderValue(header: string | undefined): HeaderValue {
  const params = new Map<string, string>();
  if (header === undefined) return { value: '', params };
  const pattern = /;\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  const first = header.indexOf(';');
  for (const match of header.slice(first === -1 ? header.length : first).matchAll(pattern)) {
    const raw = (match[2] ?? '').trim();
    params.set((match[1] ?? '').toLowerCase(), raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw);
  }
  return { value: (first === -1 ? header : header.slice(0, first)).trim().toLowerCase(), params };
}

export function contentType(entity: MimeEntity): HeaderValue {
  return parseHeaderValue(entity.headers.get('content-type'));
}

/**
 * The parts of a multipart body, each the exact bytes between its delimiter line and the line break before
 * the next delimiter (RFC 2046 5.1.1: that line break belongs to the delimiter). Undefined when the
 * closing delimiter is missing.
 */
export function splitMultipart(body: Buffer, boundary: string): Buffer[] | undefined {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const parts: Buffer[] = [];
  let partStart = -1;
  let from = 0;
  for (;;) {
    const at = body.indexOf(delimiter, from);
    if (at === -1) return undefined;
    from = at + delimiter.length;
    if (at !== 0 && body[at - 1] !== 0x0a) continue;
    if (partStart !== -1) {
      const lineBreak = body[at - 2] === 0x0d ? 2 : 1;
      parts.push(body.subarray(partStart, Math.max(partStart, at - lineBreak)));
    }
    if (body.subarray(from, from + 2).toString('latin1') === '--') return parts;
    const lineEnd = body.indexOf(0x0a, from);
    if (lineEnd === -1) return undefined;
    partStart = lineEnd + 1;
  }
}

/** The body with its Content-Transfer-Encoding undone; undefined for an encoding AS2 does not use. */
export function decodedBody(entity: MimeEntity): Buffer | undefined {
  const encoding = (entity.headers.get('content-transfer-encoding') ?? 'binary').trim().toLowerCase();
  if (encoding === 'base64') return Buffer.from(entity.body.toString('latin1'), 'base64');
  return ['binary', '8bit', '7bit'].includes(encoding) ? entity.body : undefined;
}

/** An entity's bytes: each header on its line, an empty line, the body. */
export function formatEntity(headers: readonly (readonly [string, string])[], body: Buffer): Buffer {
  const head = headers.map(([name, value]) => `${name}: ${value}${CRLF}`).join('');
  return Buffer.concat([Buffer.from(`${head}${CRLF}`, 'latin1'), body]);
}

/** A multipart body with these parts (each an entity's bytes) and boundary. */
export function formatMultipart(parts: readonly Buffer[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) chunks.push(Buffer.from(`--${boundary}${CRLF}`, 'latin1'), part, Buffer.from(CRLF, 'latin1'));
  chunks.push(Buffer.from(`--${boundary}--${CRLF}`, 'latin1'));
  return Buffer.concat(chunks);
}

/** Base64 in lines of 76 characters, as MIME bodies carry it. */
export function base64Lines(bytes: Buffer): Buffer {
  return Buffer.from(`${(bytes.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF)}${CRLF}`, 'latin1');
}

/** A header parameter value, quoted when it has to be. */
export function quoted(value: string): string {
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`;
}
