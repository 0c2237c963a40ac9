export type IssueSeverity = 'error' | 'warning';

/**
 * One problem found in a file: where (line, column), what (the cell as read) and why, as an i18n
 * code with parameters so the CLI, the API and the web app each say it in the user's language.
 */
export interface ImportIssue {
  severity: IssueSeverity;
  code: string;
  /** 1-based line in the file; 0 for the file as a whole. */
  line: number;
  column?: string;
  value?: string;
  params?: Record<string, string | number>;
}

export const MAX_LISTED_ISSUES = 1000;

/** Keeps the first issues of each severity and counts them all: a broken million-row file stays readable. */
export class IssueCollector {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  errorCount = 0;
  warningCount = 0;

  add(issue: ImportIssue): void {
    if (issue.severity === 'error') {
      this.errorCount += 1;
      if (this.errors.length < MAX_LISTED_ISSUES) this.errors.push(truncateValue(issue));
    } else {
      this.warningCount += 1;
      if (this.warnings.length < MAX_LISTED_ISSUES) this.warnings.push(truncateValue(issue));
    }
  }

  error(code: string, line: number, extra: Omit<ImportIssue, 'severity' | 'code' | 'line'> = {}): void {
    this.add({ severity: 'error', code, line, ...extra });
  }

  warning(code: string, line: number, extra: Omit<ImportIssue, 'severity' | 'code' | 'line'> = {}): void {
    this.add({ severity: 'warning', code, line, ...extra });
  }
}

function truncateValue(issue: ImportIssue): ImportIssue {
  return issue.value && issue.value.length > 120 ? { ...issue, value: `${issue.value.slice(0, 120)}…` } : issue;
}
