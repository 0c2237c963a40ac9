/** A CASL rule as `GET /auth/me` sends it (`ability.rules`). */
export interface RawRule {
  action: string | string[];
  subject?: string | string[];
  inverted?: boolean;
  conditions?: unknown;
}

const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * Whether the rules allow `action` on `subject` somewhere in the user's scope. Only decides what
 * to show (links, buttons): conditions (territories) are left to the API, which enforces them.
 */
export function may(rules: readonly RawRule[], action: string, subject: string): boolean {
  let allowed = false;
  for (const rule of rules) {
    const actions = asList(rule.action);
    const subjects = asList(rule.subject);
    const matches = (actions.includes(action) || actions.includes('manage')) && (subjects.includes(subject) || subjects.includes('all'));
    if (!matches) continue;
    // An inverted rule without conditions forbids everywhere; with conditions, only somewhere.
    if (rule.inverted) {
      if (!rule.conditions) allowed = false;
    } else allowed = true;
  }
  return allowed;
}
