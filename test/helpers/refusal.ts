import { GatewayError } from '../../gateway/errors/gateway-error.js';

/** The GatewayError the work is refused with; fails the test when it succeeds or throws anything else. */
export async function refusal(work: Promise<unknown>): Promise<GatewayError> {
  const error = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof GatewayError)) throw new Error(`expected a GatewayError, got ${String(error)}`);
  return error;
}
