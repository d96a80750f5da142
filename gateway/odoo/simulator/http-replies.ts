import type { FastifyReply } from 'fastify';

/** The page werkzeug renders for an HTTP error, as Odoo answers routes that are not JSON. */
export function sendHtmlError(reply: FastifyReply, status: number, title: string, text: string): FastifyReply {
  const page = `<!doctype html>\n<html lang=en>\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${text}</p>\n`;
  return reply.code(status).type('text/html; charset=utf-8').send(page);
}

/** Commit-then-drop: the work is done, but the caller never hears back. */
export function dropConnection(reply: FastifyReply): FastifyReply {
  reply.hijack();
  reply.raw.socket?.destroy();
  return reply;
}

export function mimeType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}
