import fs from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import YAML from 'yaml';
import { loadConfig } from '../../gateway/config/load-config.js';
import { listSettings } from '../../gateway/config/settings.js';

// No Docker engine runs here; these checks keep the container files in step with the settings.
const known = new Set(listSettings().map(({ setting }) => setting.env));

describe('docker/compose.yaml', () => {
  const compose = YAML.parse(fs.readFileSync('docker/compose.yaml', 'utf8')) as {
    services: Record<string, { environment?: Record<string, string>; build?: unknown }>;
  };

  it('sets only settings the gateway knows, as values it accepts', () => {
    const gateway = compose.services.gateway;
    expect(gateway?.build).toBeDefined();
    const names = Object.keys(gateway?.environment ?? {});
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !known.has(name))).toEqual([]);
    expect(() => loadConfig({ env: gateway?.environment ?? {} })).not.toThrow();
  });

  it('gives the gateway a database URL that points at the compose PostgreSQL', () => {
    const url = new URL(compose.services.gateway?.environment?.DATABASE_URL ?? '');
    expect(url.hostname).toBe('postgres');
    expect(url.pathname).toBe(`/${compose.services.postgres?.environment?.POSTGRES_DB}`);
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = fs.readFileSync('docker/Dockerfile', 'utf8').replace(/\\\n\s*/g, ' ');

  it('sets only settings the gateway knows', () => {
    const names = dockerfile
      .split('\n')
      .filter((line) => line.startsWith('ENV '))
      .flatMap((line) => [...line.matchAll(/(\w+)=/g)].map((match) => match[1] as string))
      .filter((name) => name !== 'NODE_ENV');
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !known.has(name))).toEqual([]);
  });

  it('runs as a user other than root, with a health check', () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\/healthz/m);
  });
});
