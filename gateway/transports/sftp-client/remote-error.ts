import type { ErrorCode } from '../../errors/catalogue.js';
import { GatewayError } from '../../errors/gateway-error.js';

/** A failure at a partner's SFTP server, with what its event records (host, fingerprints, path ...). */
export class RemoteSftpError extends GatewayError {
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Readonly<Record<string, unknown>>, cause?: unknown) {
    super(code, message, { cause });
    this.name = 'RemoteSftpError';
    this.details = details;
  }
}
