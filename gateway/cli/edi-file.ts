import fs from 'node:fs';
import { IDENTIFY_HEAD_BYTES, identifyStandard, type Standard } from '../../translators/identify-standard.js';
import { GatewayError, describeError } from '../errors/gateway-error.js';

// An EDI file as the commands that read one take it: its standard from its first bytes, then its bytes in
// chunks. A file that is not EDI, cannot be opened or breaks off while read is a GatewayError naming it.

export async function identifyEdiFile(file: string): Promise<Standard> {
  const identified = identifyStandard(await readHead(file));
  if (identified.standard === null) throw new GatewayError(identified.code, `${file}: ${identified.reason}`, { location: { file } });
  return identified.standard;
}

export async function streamEdiFile(file: string, write: (chunk: Buffer) => void): Promise<void> {
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) write(chunk);
  } catch (error) {
    throw new GatewayError('FILE_UNREADABLE', `${file} could not be read to its end: ${describeError(error)}`, { location: { file }, cause: error });
  }
}

/** A whole file, for the commands that hold one document in memory (partner test, translate, render). */
export async function readWholeFile(file: string): Promise<Buffer> {
  try {
    return await fs.promises.readFile(file);
  } catch (error) {
    throw new GatewayError('FILE_UNREADABLE', `${file} cannot be read: ${describeError(error)}`, { location: { file }, cause: error });
  }
}

async function readHead(file: string): Promise<Buffer> {
  try {
    const handle = await fs.promises.open(file, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(IDENTIFY_HEAD_BYTES), 0, IDENTIFY_HEAD_BYTES, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new GatewayError('FILE_UNREADABLE', `${file} cannot be opened: ${describeError(error)}`, { location: { file }, cause: error });
  }
}
