/**
 * Configuration keys the kit renamed or removed, per version: what an upgrade may leave behind in an
 * instance's pilote.config.ts. `pilote doctor` and every start read this table (docs/upgrading):
 * - `status: 'read'`: the former key still works (its value is read as the new key, converted if
 *   the values changed) → a warning that says to rename it;
 * - `status: 'ignored'`: the former key no longer works → an error; the instance refuses to start
 *   rather than run with a setting silently dropped.
 * Add a row in the same change that renames a key; never delete one (an instance may skip versions).
 */
export interface RenamedKey {
  /** Dotted path of the former key, e.g. `workflow.trustedImports`. */
  from: string;
  /** Dotted path of the key that replaces it; absent when the key was removed. */
  to?: string;
  /** The kit version that renamed or removed it. */
  since: string;
  status: 'read' | 'ignored';
  /** When the values changed too: how a former value reads as the new key, and that rule in words. */
  convert?: { rule: string; apply(value: unknown): unknown };
  /** For a removed key: what to do instead. */
  instead?: string;
}

export const RENAMED_KEYS: RenamedKey[] = [
  {
    from: 'workflow.trustedImports',
    to: 'workflow.publishByImport',
    since: '0.1.0',
    status: 'read',
    convert: { rule: "true → 'importers', false → 'publishers'", apply: (value) => (value === true ? 'importers' : 'publishers') },
  },
];
