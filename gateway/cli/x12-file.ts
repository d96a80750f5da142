import fs from 'node:fs';
import { IDENTIFY_HEAD_BYTES, identifyStandard } from '../../translators/identify-standard.js';
import { GatewayError, describeError } from '../errors/gateway-error.js';

/**
 * Feeds an X12 file to `write` in chunks, for commands that read one: a file that is not X12, cannot be
 * opened or breaks off while read is a GatewayError naming the file.
 */
export async function streamX12File(file: string, command: string, write: (chunk: Buffer) => void): Promise<void> {
  const standard = identifyStandard(await readHead(file));
  if (standard.standard === null) throw new GatewayError(standard.code, `${file}: ${standard.reason}`, { location: { file } });
  if (standard.standard !== 'X12') {
    throw new GatewayError('STANDARD_NOT_SUPPORTED', `${file} is ${standard.standard}; ${command} reads X12 files for now.`, { location: { file } });
  }
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) write(chunk);
  } catch (error) {
    throw new GatewayError('FILE_UNREADABLE', `${file} could not be read to its end: ${describeError(error)}`, { location: { file }, cause: error });
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
