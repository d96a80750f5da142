import fs from 'node:fs';

export interface InterchangeText {
  /** The envelope headers, up to the first transaction set or message. */
  readonly header: string;
  /** Transaction set or message number `index` (from 1), its segments and line breaks. */
  readonly body: (index: number) => string;
  /** The envelope trailers, given how many bodies were written. */
  readonly trailer: (count: number) => string;
}

/** Writes an interchange of about `megabytes` MB body by body, so that no size needs the whole file in memory. */
export async function writeInterchange(file: string, megabytes: number, text: InterchangeText): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = (chunk: string) => (out.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write(text.header);
  let bytes = 0;
  let count = 0;
  while (bytes < megabytes * 1024 * 1024) {
    count += 1;
    const body = text.body(count);
    bytes += body.length;
    await write(body);
  }
  await write(text.trailer(count));
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
