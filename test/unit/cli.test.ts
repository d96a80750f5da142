import { describe, expect, it } from '@jest/globals';
import { commands } from '../../gateway/cli/commands.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

const cli = runCliInProcess;

describe('edi-gateway command line', () => {
  it('--help lists every command with its summary', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    for (const command of commands) expect(out).toContain(`${command.name}`);
    expect(out).toContain('files list');
    expect(out).toContain('--config FILE');
  });

  it('shows the help of one command', async () => {
    const { code, out } = await cli(['files', 'list', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: edi-gateway files list [options]');
    expect(out).toContain('--state VALUE');
  });

  it('prints its version', async () => {
    expect((await cli(['--version'])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('answers an unknown command with exit code 2 and the list of commands', async () => {
    const { code, err } = await cli(['stat']);
    expect(code).toBe(2);
    expect(err).toContain('unknown command "stat"');
    expect(err).toContain('Commands:');
  });

  it('answers an unknown option with exit code 2, naming it', async () => {
    const { code, err } = await cli(['start', '--prot', '1']);
    expect(code).toBe(2);
    expect(err).toContain("Unknown option '--prot'");
  });

  it('exits with 2 on bad configuration, naming the setting', async () => {
    const { code, err } = await cli(['config'], { EDI_SCHEDULER_CONCURRENCY: 'many' });
    expect(code).toBe(2);
    expect(err).toContain('EDI_SCHEDULER_CONCURRENCY (scheduler.concurrency): must be a whole number from 1 to 100, got "many"');
    expect(err).toContain('[CONFIG_INVALID]');
  });

  it('shows the resolved configuration with its sources, secrets hidden', async () => {
    const { code, out } = await cli(['config'], { DATABASE_URL: 'postgres://gw:s3cret@db:5432/edi', EDI_HTTP_PORT: '9000' });
    expect(code).toBe(0);
    expect(out).toMatch(/DATABASE_URL\s+\(set\)\s+environment/);
    expect(out).toMatch(/EDI_HTTP_PORT\s+9000\s+environment/);
    expect(out).toMatch(/EDI_HTTP_HOST\s+127\.0\.0\.1\s+default/);
    expect(out).not.toContain('s3cret');
  });

  it('refuses a bad filter of files list before touching the database', async () => {
    const state = await cli(['files', 'list', '--state', 'DONE']);
    expect(state.code).toBe(2);
    expect(state.err).toContain('--state must be one of RECEIVED, IDENTIFIED, PARSED, ACKNOWLEDGED, PROCESSED, REJECTED, QUARANTINED, got "DONE"');
    const limit = await cli(['files', 'list', '--limit', '0']);
    expect(limit.code).toBe(2);
    expect(limit.err).toContain('--limit must be a whole number from 1 to 500, got "0"');
  });
});
