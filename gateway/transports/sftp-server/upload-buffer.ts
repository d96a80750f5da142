// An upload in progress, in memory only: a connection that breaks before the handle is closed leaves
// nothing anywhere. Writes may come at any offset and out of order, as they do from SFTP clients.

export interface UploadBuffer {
  /** False, keeping nothing of it, when the write would take the file past the size limit. */
  write(offset: number, data: Buffer): boolean;
  readonly size: number;
  content(): Buffer;
}

export function createUploadBuffer(maxBytes: number): UploadBuffer {
  let bytes = Buffer.alloc(0);
  let size = 0;
  return {
    write(offset, data) {
      const end = offset + data.length;
      if (end > maxBytes) return false;
      if (end > bytes.length) {
        const grown = Buffer.alloc(Math.min(maxBytes, Math.max(end, bytes.length * 2, 64 * 1024)));
        bytes.copy(grown, 0, 0, size);
        bytes = grown;
      }
      data.copy(bytes, offset);
      size = Math.max(size, end);
      return true;
    },
    get size() {
      return size;
    },
    content: () => Buffer.from(bytes.subarray(0, size)),
  };
}
