import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON lines (on standard output unless `destination` says 2); every line carries the instance name. */
export function createLogger(options: { level: string; instance: string; destination?: 1 | 2 }): Logger {
  return pino(
    {
      level: options.level,
      base: { instance: options.instance },
      timestamp: pino.stdTimeFunctions.isoTime,
      // pg attaches the whole connection to its errors; the log needs the error, not the socket.
      serializers: { err: (error: Error) => ({ ...pino.stdSerializers.err(error), client: undefined }) },
    },
    pino.destination({ fd: options.destination ?? 1, sync: true }),
  );
}
