/// <reference types="node" />
// A Node test of the i18n catalogue against the engine's sources (the ui library itself has no Node types).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createI18n } from '@pilote/i18n';

// Every formula key and reason code the engine writes has its text in French and in English:
// otherwise a reader would see "= value" or the generic reason instead of the calculation.
const engine = join(__dirname, '../../../engine/src');
const sources = readdirSync(engine).filter((f: string) => f.endsWith('.rule.ts')).map((f: string) => readFileSync(join(engine, f), 'utf8')).join('\n');
const literal = (name: string) => [...sources.matchAll(new RegExp(`${name}: '([a-z0-9-]+)'`, 'g'))].map((m) => m[1]);
const ternaries = [...sources.matchAll(/formulaKey: [^,\n]*\? '([a-z-]+)' : '([a-z-]+)'/g)].flatMap((m) => [m[1], m[2]]);
const dynamic = [
  'trend-up', 'trend-down', 'trend-stable',
  ...['sum', 'mean'].flatMap((op) => ['previous-months', 'year-start', 'custom-date'].map((w) => `${op}-${w}`)),
  ...['latest-as-of', 'last-imported', 'latest-dated', 'oldest', 'not-entered'].map((rule) => `initial-${rule}`),
  'decumulated', 'decumulated-first', 'latest-current', 'mean-of-children', 'mean-of-children-many', 'sum', 'sum-many', 'mean', 'mean-many', 'entered-value',
];
const formulaKeys = [...new Set([...literal('formulaKey'), ...ternaries, ...dynamic])];
const failed = [...sources.matchAll(/fail\((?:ruleId, inputs, )?'([a-z-]+)'/g)].map((m) => m[1]);
const reasonCodes = [...new Set([...literal('reasonCode'), ...failed, 'missing-previous', 'missing-initial', 'missing-current', 'missing-target', 'no-value-yet', 'partial', 'partial-coverage'])];

describe.each(['fr', 'en'])('explanation texts in %s', (lng) => {
  const i18n = createI18n({ lng });
  const has = (key: string) => i18n.exists(key) || i18n.exists(key, { count: 2 });
  it('have every formula the engine writes', () => {
    expect(formulaKeys.length).toBeGreaterThan(30);
    expect(formulaKeys.filter((key) => !has(`formulas.${key}`))).toEqual([]);
  });
  it('have every reason code the engine writes', () => {
    expect(failed.length).toBeGreaterThan(5);
    expect(reasonCodes.filter((code) => !has(`reasons.${code}`))).toEqual([]);
  });
});
