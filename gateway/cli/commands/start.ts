import { describeError } from '../../errors/gateway-error.js';
import { createLogger } from '../../log.js';
import { startGateway } from '../../main.js';
import type { Command } from '../command.js';

export const startCommand: Command = {
  name: 'start',
  summary: 'Start the gateway: database, scheduler, inbox and HTTP API; stops cleanly on SIGTERM or SIGINT.',
  async run({ loadConfig }) {
    const { config } = loadConfig();
    const log = createLogger({ level: config.log.level, instance: config.instance.name });
    const gateway = await startGateway(config, log);
    return new Promise<number>((resolve) => {
      let exitCode = 0;
      const stop = (reason: string) => {
        gateway.stop(reason).then(
          () => resolve(exitCode),
          (error: unknown) => {
            log.error({ err: error }, `stopping failed: ${describeError(error)}`);
            resolve(1);
          },
        );
      };
      // Listeners stay registered: a second signal while stopping must not kill the process half-way.
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
      const crash = (error: unknown) => {
        log.fatal({ err: error }, `unexpected failure, stopping: ${describeError(error)}`);
        exitCode = 1;
        stop('crash');
      };
      process.on('uncaughtException', crash);
      process.on('unhandledRejection', crash);
    });
  },
};
