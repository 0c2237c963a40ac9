import { badInput } from '../errors/auth-error';
import type { ScopeInput } from '../rights/scope-input';

/**
 * What PILOTE reads from a DataPass webhook (the mapping is documented in the README):
 * `event` (approve/validate… → grant, revoke → revoke, anything else ignored), `data.id` (the
 * DataPass request), `data.applicant.email`, and two fields of the instance's DataPass form:
 * `data.data.pilote_role` (a role id) and `data.data.pilote_territory` (a territory code, or
 * "all"/absent for scope all).
 */
export type DatapassAction =
  | { kind: 'grant'; event: string; externalId: string; email: string; roleId: string; scope: ScopeInput }
  | { kind: 'revoke'; event: string; externalId: string }
  | { kind: 'ignore'; event: string };

const GRANT_EVENTS = new Set(['approve', 'approved', 'validate', 'validated']);
const REVOKE_EVENTS = new Set(['revoke', 'revoked']);

const record = (value: unknown): Record<string, unknown> | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : null);

export function parseDatapassPayload(body: unknown): DatapassAction {
  const root = record(body);
  if (!root) throw badInput('body', 'The DataPass payload is not a JSON object.');
  const event = text(root.event);
  if (!event) throw badInput('event', 'The DataPass payload has no "event".');
  const normalised = event.toLowerCase();
  if (!GRANT_EVENTS.has(normalised) && !REVOKE_EVENTS.has(normalised)) return { kind: 'ignore', event };
  const data = record(root.data);
  const externalId = text(data?.id);
  if (!data || !externalId) throw badInput('data.id', 'The DataPass payload has no "data.id" (the id of the authorization request).');
  if (REVOKE_EVENTS.has(normalised)) return { kind: 'revoke', event, externalId };
  const email = text(record(data.applicant)?.email);
  if (!email) throw badInput('data.applicant.email', 'The DataPass payload has no "data.applicant.email".');
  const form = record(data.data) ?? {};
  const roleId = text(form.pilote_role);
  if (!roleId) throw badInput('data.data.pilote_role', 'The DataPass form must have a "pilote_role" field with a role id of this instance.');
  const territory = text(form.pilote_territory);
  const scope: ScopeInput = !territory || territory.toLowerCase() === 'all' ? { kind: 'all' } : { kind: 'territory', territoryCode: territory.toUpperCase() };
  return { kind: 'grant', event, externalId, email, roleId, scope };
}
