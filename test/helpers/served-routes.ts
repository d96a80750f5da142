import type { FastifyInstance } from 'fastify';

/** Every route the app serves (but HEAD), read from Fastify's own route tree: `PUT /api/partners/:id`. */
export function servedRoutes(app: FastifyInstance): { method: string; url: string }[] {
  const prefixes: string[] = [];
  const routes: { method: string; url: string }[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const node = /^([│├└─ ]*)(\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!node) continue;
    prefixes.length = (node[1] as string).length / 4 - 1;
    prefixes.push(node[2] as string);
    for (const method of node[3]?.split(', ') ?? []) if (method !== 'HEAD') routes.push({ method, url: prefixes.join('') });
  }
  return routes;
}
