import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { VIEWS_DIR } from './views.js';

// The dashboard's stylesheet, its little script and its icon, served from its own origin: the content security
// policy allows no other source, and no inline style or script.

const types: Readonly<Record<string, string>> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml' };

export function assetRoutes(app: FastifyInstance, dir: URL = new URL('assets/', VIEWS_DIR)): void {
  const assets = new Map(
    fs
      .readdirSync(dir)
      .filter((name) => Object.keys(types).some((extension) => name.endsWith(extension)))
      .map((name) => [name, { type: types[name.slice(name.lastIndexOf('.'))] as string, content: fs.readFileSync(new URL(name, dir)) }] as const),
  );
  for (const [name, asset] of assets) {
    app.get(`/assets/${name}`, { config: { permission: 'public' } }, async (_request, reply) => reply.type(asset.type).header('cache-control', 'no-cache').send(asset.content));
  }
}
