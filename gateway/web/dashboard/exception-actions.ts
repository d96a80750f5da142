import type { ExceptionAction } from '../../exceptions/exception.js';

// Where the exceptions page gets its actions from. The dashboard lists exceptions and, for each, the actions
// the exception allows; taking one is the exceptions module's work (it knows what a retry or a replay does).
// Until that module hands the dashboard an implementation (DashboardOptions.exceptionActions), the actions
// are shown disabled and POST /exceptions/:id/actions/:action refuses with EXCEPTION_ACTION_NOT_ALLOWED.

export interface ExceptionActionRequest {
  readonly exceptionId: string;
  readonly action: ExceptionAction;
  /** The signed-in user, for the exception's resolution and its event. */
  readonly actor: string;
  /** Why, in the user's words: asked for by FORCE and DISMISS. */
  readonly reason: string | undefined;
}

export interface ExceptionActions {
  /**
   * Takes the action, or throws a GatewayError saying why not (EXCEPTION_NOT_FOUND, EXCEPTION_NOT_OPEN,
   * EXCEPTION_ACTION_NOT_ALLOWED ...), which the dashboard shows as it is.
   */
  take(request: ExceptionActionRequest): Promise<void>;
}

/** The actions that take a reason in words, which the form asks for. */
export const ACTIONS_WITH_REASON: ReadonlySet<ExceptionAction> = new Set<ExceptionAction>(['FORCE', 'DISMISS']);
