import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

// A browser's part in dashboard tests driven by inject(): it keeps the cookies the app sets, reads the CSRF
// token from the forms of the last page, and posts forms the way a browser does.

export class DashboardClient {
  readonly cookies = new Map<string, string>();
  /** The token of the last page's forms (the hidden _csrf field), if it had one. */
  csrfToken: string | undefined;

  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress = '127.0.0.1',
  ) {}

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: this.headers(), remoteAddress: this.remoteAddress }));
  }

  /** Posts the fields as a form; with the page's CSRF token unless `csrf` is false (or another token). */
  async post(url: string, fields: Record<string, string> = {}, options: { csrf?: boolean | string } = {}): Promise<LightMyRequestResponse> {
    const token = options.csrf === false ? undefined : typeof options.csrf === 'string' ? options.csrf : this.csrfToken;
    const body = new URLSearchParams({ ...fields, ...(token === undefined ? {} : { _csrf: token }) }).toString();
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
        remoteAddress: this.remoteAddress,
      }),
    );
  }

  /** Posts a multipart form with one file, as a file input sends it. */
  async upload(url: string, field: string, file: { name: string; bytes: Buffer }, fields: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...fields, ...(this.csrfToken ? { _csrf: this.csrfToken } : {}) })) form.append(name, value);
    form.append(field, new Blob([file.bytes]), file.name);
    const request = new Request('http://dashboard.test/', { method: 'POST', body: form });
    const payload = Buffer.from(await request.arrayBuffer());
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { ...this.headers(), 'content-type': request.headers.get('content-type') as string },
        payload,
        remoteAddress: this.remoteAddress,
      }),
    );
  }

  /** Opens the sign-in page and signs in; the answer to the sign-in. */
  async signIn(username: string, password: string): Promise<LightMyRequestResponse> {
    await this.get('/sign-in');
    return this.post('/sign-in', { username, password });
  }

  private headers(): Record<string, string> {
    return this.cookies.size === 0 ? {} : { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
  }

  private keep(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const cleared = cookie.value === '' || (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now()) || cookie.maxAge === 0;
      if (cleared) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    if ((response.headers['content-type'] ?? '').toString().startsWith('text/html')) {
      this.csrfToken = /name="_csrf" value="([^"]*)"/.exec(response.body)?.[1] ?? this.csrfToken;
    }
    return response;
  }
}
