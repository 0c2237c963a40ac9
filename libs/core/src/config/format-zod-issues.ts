import type { z } from 'zod';

/** One line per problem: the dotted path of the key, then what was expected. */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${prefix}${path || '(root)'}: ${issue.message}`;
  });
}
