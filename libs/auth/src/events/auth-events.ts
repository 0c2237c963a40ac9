import type { Scope } from '../ability/ability.types';

/** What listeners (e.g. notifications) get: ids and the scope, never personal data. */
export interface AccessRequestCreatedEvent {
  requestId: string;
  requesterId: string;
  roleId: string;
  scope: Scope;
  source: 'app' | 'datapass';
}

export interface AccessRequestDecidedEvent {
  requestId: string;
  requesterId: string;
  roleId: string;
  scope: Scope;
  approved: boolean;
  /** Null when an external system (DataPass) decided. */
  deciderId: string | null;
  assignmentId: string | null;
}

/**
 * The job kind that turns `access-request.created` into notifications durably: when a library
 * defines it (libs/workflow does), the request's transaction also queues this job with the event.
 */
export const ACCESS_REQUEST_CREATED_JOB = 'auth.access-request-created';

export interface AuthEventMap {
  'access-request.created': AccessRequestCreatedEvent;
  'access-request.decided': AccessRequestDecidedEvent;
}

export type AuthEventName = keyof AuthEventMap;
export type AuthEventListener<E extends AuthEventName> = (event: AuthEventMap[E]) => void | Promise<void>;

/**
 * A tiny typed in-process emitter. Events are emitted after the transaction commits, so a
 * listener never sees a change that was rolled back; a failing listener never fails the request.
 */
export class AuthEvents {
  private readonly listeners = new Map<AuthEventName, Set<AuthEventListener<AuthEventName>>>();

  constructor(private readonly onListenerError: (event: AuthEventName, error: unknown) => void = () => undefined) {}

  /** Subscribes; returns the function that unsubscribes. */
  on<E extends AuthEventName>(event: E, listener: AuthEventListener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as AuthEventListener<AuthEventName>);
    this.listeners.set(event, set);
    return () => set.delete(listener as AuthEventListener<AuthEventName>);
  }

  /** Calls every listener and waits for them; their errors are reported, not thrown. */
  async emit<E extends AuthEventName>(event: E, payload: AuthEventMap[E]): Promise<void> {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        await listener(payload);
      } catch (error) {
        this.onListenerError(event, error);
      }
    }
  }
}

/**
 * The process-wide emitter the auth module emits on. Other code subscribes with
 * `authEvents.on('access-request.created', (e) => …)`.
 */
export const authEvents = new AuthEvents((event, error) => {
  // Only the event name and the error's message, e-mail addresses masked: no personal data in logs.
  const message = ((error as Error)?.message ?? String(error)).replace(/[^\s@<>"']+@[^\s@<>"']+/g, '<e-mail>');
  console.error(`@pilote/auth: a listener of "${event}" failed: ${message}`);
});
