import { readFileSync } from 'node:fs';
import { loadInstanceModules } from '@pilote/api';
import { computationLevelOrder, currentAsOf, readKitVersion, runMigrations } from '@pilote/core';
import { formatReport, parseLanguage } from '@pilote/import';
import { BindingError, listBindings, listRuns, runSync, saveBinding, type SyncReport, SyncSetupError } from '@pilote/sync';
import { queueAlertEvaluations } from '@pilote/workflow';
import YAML from 'yaml';
import type { Command } from './command';
import { alertsQueuedLine } from './import.command';
import { withContext } from './with-context';

const USAGE = 'sync <binding> [--dry-run] [--json] [--lang fr|en]  |  sync --list  |  sync --save <binding.yaml|json>  |  sync <binding> --runs';

/**
 * `pilote sync`: runs a source binding now (read the source, check and publish through the import,
 * like `pilote import`), previews it (`--dry-run`), lists bindings and their last run, shows a
 * binding's run history, or creates/updates a binding from a file (checked like the admin page does).
 */
export const syncCommand: Command = {
  name: 'sync',
  summary: 'Run a source binding now (connector → checks → values and rates), preview it, list bindings and runs',
  usage: USAGE,
  async run(args) {
    const lang = parseLanguage(flag(args, '--lang'));
    const bindingId = args[0] && !args[0].startsWith('--') ? args[0] : undefined;
    const saveFile = flag(args, '--save');
    if (!bindingId && !args.includes('--list') && !saveFile) {
      console.error(`Usage: npx pilote ${USAGE}`);
      return 2;
    }
    return withContext(args.filter((arg) => arg !== bindingId), async (context) => {
      await runMigrations(context.dataSource);
      const modules = loadInstanceModules(context.instance, { kitVersion: readKitVersion() });
      const db = context.dataSource.manager;
      if (saveFile) {
        try {
          const input = YAML.parse(readFileSync(saveFile, 'utf8')) as Parameters<typeof saveBinding>[2];
          const saved = await saveBinding(db, modules, input);
          console.log(`Binding ${saved.id} saved (${saved.source}${saved.schedule ? `, schedule "${saved.schedule}" UTC, next run ${saved.nextRunAt}` : ', run by hand only'}${saved.trusted ? ', publishes' : ', previews only until trusted'}).`);
          return 0;
        } catch (error) {
          if (!(error instanceof BindingError)) throw error;
          console.error(`${saveFile}:\n${error.problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}`);
          return 1;
        }
      }
      if (args.includes('--list')) {
        const bindings = await listBindings(db);
        if (bindings.length === 0) console.log('No source bindings yet: `npx pilote sync --save <file>` (docs/operating/connectors.md).');
        for (const binding of bindings) {
          const [last] = await listRuns(context.dataSource, binding.id, 1);
          console.log(`${binding.id}  ${binding.source}  ${binding.schedule ?? 'by hand'}  ${binding.trusted ? 'trusted' : 'preview only'}${binding.enabled ? '' : '  disabled'}  last run: ${last ? `${last.startedAt} ${last.status}${last.errorCode ? ` (${last.errorCode})` : ''}` : 'never'}`);
        }
        return 0;
      }
      if (args.includes('--runs')) {
        for (const run of await listRuns(context.dataSource, bindingId ?? null, 20)) {
          console.log(`${run.startedAt}  ${run.trigger.padEnd(8)} ${run.status.padEnd(9)} read ${run.rowsRead}, accepted ${run.valuesAccepted}, refused ${run.valuesRefused}, changed ${run.valuesChanged}, ${run.durationMs ?? '—'} ms${run.errorCode ? `  ${run.errorCode}: ${run.errorMessage}` : ''}`);
        }
        return 0;
      }
      let report: SyncReport;
      const dryRun = args.includes('--dry-run');
      // A sync that changes values queues the alert evaluation like the API's writers do; the instance's workers run it.
      const alerts = dryRun ? null : await queueAlertEvaluations(context);
      try {
        report = await runSync(context.dataSource, modules, { bindingId: bindingId as string, dryRun, trigger: 'cli', levelOrder: computationLevelOrder(context.instance.config), asOf: currentAsOf() });
      } catch (error) {
        if (!(error instanceof SyncSetupError)) throw error;
        console.error(error.message);
        return 2;
      } finally {
        await alerts?.close();
      }
      if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
      else console.log(formatSync(report, lang));
      if (alerts?.queued() && !args.includes('--json')) console.log(alertsQueuedLine(lang));
      return report.status === 'failed' || report.status === 'invalid' ? 1 : 0;
    });
  },
};

function formatSync(report: SyncReport, lang: 'fr' | 'en'): string {
  const head = `Binding ${report.bindingId}, run ${report.runId}: ${report.status}${report.dryRun ? ' (preview, nothing written)' : ''} — read ${report.rowsRead}, accepted ${report.valuesAccepted}, refused ${report.valuesRefused}, changed ${report.valuesChanged}, rates changed ${report.ratesChanged}, ${report.durationMs} ms`;
  if (report.error) return `${head}\n${report.error.code}: ${report.error.message}${report.error.retryAfterSeconds !== undefined ? ` (retry after ${report.error.retryAfterSeconds} s)` : ''}`;
  return report.import ? `${head}\n\n${formatReport(report.import, lang)}` : head;
}

function flag(args: string[], name: string): string | undefined {
  const index = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (index < 0) return undefined;
  return args[index].includes('=') ? args[index].slice(args[index].indexOf('=') + 1) : args[index + 1];
}
