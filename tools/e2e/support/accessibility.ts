import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact?: Impact | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}
interface AxeResults {
  violations: AxeViolation[];
}

export interface AccessibilityOptions {
  /** CSS selector of the part of the page to scan (default: the whole document). */
  include?: string;
  /** Impacts that fail the check (default: serious and critical). */
  failOn?: Impact[];
  /** axe rule ids to skip, each with a reason in the calling spec. */
  disableRules?: string[];
}

const axePath = require.resolve('axe-core/axe.min.js');

/**
 * Runs axe-core in the page (WCAG 2.1 A and AA rules) and throws a readable list of the
 * violations whose impact is serious or critical. Returns every violation for finer assertions.
 */
export async function checkAccessibility(page: Page, options: AccessibilityOptions = {}): Promise<AxeViolation[]> {
  const failOn = options.failOn ?? ['serious', 'critical'];
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol, which the page's CSP does not govern: the app keeps
  // its strict CSP in tests (an inline <script> tag would be refused).
  if (!hasAxe) await page.evaluate(readFileSync(axePath, 'utf8'));
  // Colours are checked as they end up: let finite CSS transitions finish (a button turning from
  // disabled grey to its colour after a save was once sampled half-way). Spinners never end: skipped.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document.getAnimations()
          .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  const results = await page.evaluate(
    async ({ include, disableRules }) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe;
      return axe.run(include ?? document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        resultTypes: ['violations'],
        rules: Object.fromEntries(disableRules.map((id) => [id, { enabled: false }])),
      });
    },
    { include: options.include, disableRules: options.disableRules ?? [] },
  );
  const failing = results.violations.filter((violation) => violation.impact && failOn.includes(violation.impact));
  if (failing.length > 0) {
    throw new Error(`${failing.length} accessibility violation(s) (${failOn.join('/')}) on ${page.url()}:\n${formatViolations(failing)}`);
  }
  return results.violations;
}

export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => `      at ${node.target.map(String).join(' ')}`)
        .join('\n');
      const more = violation.nodes.length > 5 ? `\n      … and ${violation.nodes.length - 5} more` : '';
      return `  - [${violation.impact}] ${violation.id}: ${violation.help} (${violation.nodes.length} element(s))\n      ${violation.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}
