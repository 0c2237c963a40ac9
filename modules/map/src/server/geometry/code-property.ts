/** Properties of IGN ADMIN EXPRESS that hold each level's official code. */
const ADMIN_EXPRESS_CODES: Record<string, string> = { COM: 'INSEE_COM', EPCI: 'CODE_SIREN', DEPT: 'INSEE_DEP', REG: 'INSEE_REG' };

/** The properties tried, in order, for a feature's territory code at this level. */
export function codePropertiesOf(level: string, configured?: string): string[] {
  if (configured) return [configured];
  const official = ADMIN_EXPRESS_CODES[level];
  return official ? [official, 'code'] : ['code'];
}

/** The code a feature's properties give (strings or numbers), or null when none of the properties is there. */
export function readCode(properties: unknown, candidates: readonly string[]): string | null {
  if (!properties || typeof properties !== 'object') return null;
  for (const key of candidates) {
    const value = (properties as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return null;
}
