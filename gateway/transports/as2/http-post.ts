import type { HeaderList } from '../../store/sql/as2-messages.js';

// One HTTP POST to a partner's AS2 server, as both outbound messages and asynchronous MDNs make it.

export interface PostAnswer {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

/** The answer, or the reason there is none (refused connection, timeout) as an Error. */
export async function post(url: string, request: { readonly headers: HeaderList; readonly body: Buffer; readonly timeoutMs: number }): Promise<PostAnswer | Error> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: request.headers.map(([name, value]) => [name, value]),
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: 'error',
    });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: new Map([...response.headers].map(([name, value]) => [name.toLowerCase(), value])), body };
  } catch (error) {
    // fetch says only "fetch failed"; the reason (ECONNREFUSED, a timeout) is its cause.
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return new Error(`${error instanceof Error ? error.message : String(error)}${cause}`);
  }
}
