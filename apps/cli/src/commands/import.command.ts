import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { computationLevelOrder, currentAsOf, runMigrations } from '@pilote/core';
import { formatReport, loadMapping, MappingError, parseLanguage, runImport, type ColumnMapping } from '@pilote/import';
import { queueAlertEvaluations } from '@pilote/workflow';
import type { Command } from './command';
import { progressPrinter } from './import-progress';
import { withContext } from './with-context';

/** `pilote import <file>`: check a CSV/XLSX file of values, preview the effect on rates, publish. */
export const importCommand: Command = {
  name: 'import',
  summary: 'Check and publish indicator values from a CSV or XLSX file (dry run shows the effect on rates)',
  usage: 'import <file> [--dry-run] [--mapping <file|barometre>] [--lang fr|en] [--json]',
  async run(args) {
    const file = args[0];
    const lang = parseLanguage(flag(args, '--lang'));
    if (!file || file.startsWith('--')) {
      console.error('Usage: npx pilote import <file> [--dry-run] [--mapping <file|barometre>] [--lang fr|en] [--json]');
      return 2;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      console.error(lang === 'en' ? `File not found: ${file}` : `Fichier introuvable : ${file}`);
      return 2;
    }
    let mapping: ColumnMapping | undefined;
    const mappingRef = flag(args, '--mapping');
    try {
      mapping = mappingRef ? loadMapping(mappingRef) : undefined;
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      console.error(error.message);
      return 2;
    }
    return withContext(args.slice(1), async (context) => {
      await runMigrations(context.dataSource);
      const dryRun = args.includes('--dry-run');
      // A write here queues the alert evaluation like the API's writers do; the instance's workers run it.
      const alerts = dryRun ? null : await queueAlertEvaluations(context);
      try {
        const progress = progressPrinter();
        const report = await runImport(context.dataSource, {
          file,
          fileName: path.basename(file),
          mapping,
          dryRun,
          authorId: `cli:${os.userInfo().username}`,
          levelOrder: computationLevelOrder(context.instance.config),
          asOf: currentAsOf(),
          onProgress: (p) => progress.update(p),
        });
        progress.done();
        console.log(args.includes('--json') ? JSON.stringify(report, null, 2) : formatReport(report, lang));
        if (alerts?.queued() && !args.includes('--json')) console.log(alertsQueuedLine(lang));
        return report.status === 'invalid' ? 1 : 0;
      } finally {
        await alerts?.close();
      }
    });
  },
};

export function alertsQueuedLine(lang: 'fr' | 'en'): string {
  return lang === 'en' ? 'Alert subscriptions will be evaluated by the instance’s workers (job alerts.evaluate queued).' : 'Les alertes seront évaluées par les workers de l’instance (tâche alerts.evaluate en file).';
}

function flag(args: string[], name: string): string | undefined {
  const index = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (index < 0) return undefined;
  return args[index].includes('=') ? args[index].slice(args[index].indexOf('=') + 1) : args[index + 1];
}
