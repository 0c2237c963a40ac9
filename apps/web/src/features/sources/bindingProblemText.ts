import type { TFunction } from 'i18next';
import type { FieldProblem } from './sourcesApi';

/**
 * A problem of the binding form in the reader's language (ADR 032): the API sends a code and its
 * parameters; the zod codes of settings share the modules' settings wording. Never the server's English.
 */
export function problemText(t: TFunction, problem: Pick<FieldProblem, 'code' | 'params'>): string {
  const params = problem.params ?? {};
  const code = problem.code === 'invalid_format' && params.format === 'regex' ? 'pattern' : problem.code;
  const fallback = t(`modulesAdmin.issues.${code}`, { ...params, defaultValue: t('sourcesAdmin.problems.invalid') });
  return t(`sourcesAdmin.problems.${code}`, { ...params, defaultValue: fallback });
}
