import { subject as asSubject } from '@casl/ability';
import { audit, forbidden, type RequestIdentity, territoryPath, territoryRoots } from '@pilote/auth';
import { type ColumnMapping, createRowMapper, detectMapping, type ImportReport, IssueCollector, loadReferentialIndex, readTable, runImport } from '@pilote/import';
import type { DataSource, EntityManager } from 'typeorm';
import { entryLink } from '../items/describe-item';
import { actorFor, type WorkflowCall } from '../items/workflow-call';
import { invalid } from '../items/workflow-errors';
import { insertItem, type MeasurePayload } from '../items/workflow-item';
import { createNotifications, type Outbox } from '../notifications/notification-store';
import { closestRightHolders } from '../notifications/recipients';

/** Proposals are reviewed one by one: a file of a million values is a publisher's import, not a proposal. */
export const MAX_PROPOSED_VALUES = 10_000;

export interface ImportProposalResult {
  report: ImportReport;
  proposals: number;
}

/**
 * An import that is not trusted (`workflow.trustedImports: false`): the file gets the same checks and
 * preview as a direct import (a dry run of libs/import, nothing written), then each new value becomes
 * a submitted proposal (source `import`), and the validators of each territory × policy are told once.
 * Values equal to the published ones are skipped, as a direct import would.
 */
export async function checkImportForProposals(
  dataSource: DataSource,
  request: { file: string; fileName: string; mapping?: ColumnMapping; authorId: string | null; levelOrder: string[]; asOf: string; identity: RequestIdentity },
): Promise<ImportReport> {
  const { identity, ...rest } = request;
  // Lines outside the territories where the author may propose values are errors of the report.
  return runImport(dataSource, { ...rest, dryRun: true, territoryRoots: territoryRoots(identity.ability, 'create', 'Measure') });
}

export async function proposeImportedValues(call: WorkflowCall, file: string, mapping: ColumnMapping | undefined, report: ImportReport): Promise<number> {
  if (report.status === 'invalid') return 0;
  if (report.counts.values > MAX_PROPOSED_VALUES) throw invalid('file', `This file has ${report.counts.values} values; at most ${MAX_PROPOSED_VALUES} can be proposed for validation at once. Split it, or ask someone who may publish imports.`);
  const table = await readTable(file);
  const layout = mapping ?? detectMapping(table.info.header);
  if (!layout) return 0;
  const mapRow = createRowMapper(layout, table.info.header, await loadReferentialIndex(call.db), new IssueCollector());
  if ('missing' in mapRow) return 0;
  const map = mapRow;
  async function* values(): AsyncIterable<ValueToPropose> {
    for await (const row of table.rows) yield* map(row);
  }
  const proposals = await proposeValues(call.db, call.outbox, values(), {
    authorId: call.identity.userId, authorName: call.identity.displayName ?? '—', source: 'import',
    mayPropose: async (territoryCode, policyId) => {
      const path = await territoryPath(call.db, territoryCode);
      return call.identity.ability.can('create', asSubject('Measure', { territoryPath: path, policyId }));
    },
  });
  await audit(call.db, { actor: actorFor(call), action: 'workflow.import-proposed', subjectType: 'Import', subjectId: report.file.sha256, old: null, new: { file: report.file.name, proposals } });
  return proposals;
}

/** A checked value to propose for validation. */
export interface ValueToPropose {
  indicatorId: string;
  territoryCode: string;
  kind: MeasurePayload['kind'];
  date: string;
  value: number;
}

export interface ProposeValuesOptions {
  authorId: string | null;
  /** Who proposes, in the validators' notification (a person, or a source binding's name). */
  authorName: string;
  /** `workflow_item.source`: `import`, `connector`… */
  source: string;
  /** Whether the author may propose in this territory × policy (a refusal stops everything: 403). Absent: no check (the caller vouched). */
  mayPropose?: (territoryCode: string, policyId: string) => Promise<boolean>;
  /** Skip a value already waiting for validation with the same payload from the same source (a source read again before its proposals are decided). */
  skipPending?: boolean;
}

/**
 * Each new value becomes a submitted proposal; values equal to the published ones are skipped, as a
 * direct import would; the validators of each territory × policy are told once. The path shared by
 * an import proposed for validation and a run of an untrusted source binding.
 */
export async function proposeValues(db: EntityManager, outbox: Outbox, values: AsyncIterable<ValueToPropose> | Iterable<ValueToPropose>, options: ProposeValuesOptions): Promise<number> {
  const policyOf = new Map<string, string>();
  const allowed = new Map<string, boolean>();
  const groups = new Map<string, { territoryCode: string; policyId: string }>();
  let proposals = 0;
  for await (const value of values) {
    let policyId = policyOf.get(value.indicatorId);
    if (!policyId) {
      const [indicator] = (await db.query(`SELECT policy_id FROM indicator WHERE id = $1`, [value.indicatorId])) as { policy_id: string }[];
      policyId = indicator.policy_id;
      policyOf.set(value.indicatorId, policyId);
    }
    const key = `${value.territoryCode}|${policyId}`;
    if (options.mayPropose && !allowed.has(key)) allowed.set(key, await options.mayPropose(value.territoryCode, policyId));
    if (options.mayPropose && !allowed.get(key)) throw forbidden('create', 'Measure');
    const [same] = (await db.query(
      `SELECT value = $5 AS same FROM measure WHERE indicator_id = $1 AND territory_code = $2 AND kind = $3 AND date = $4 AND state = 'published' ORDER BY id DESC LIMIT 1`,
      [value.indicatorId, value.territoryCode, value.kind, value.date, value.value],
    )) as { same: boolean }[];
    if (same?.same) continue;
    const payload = { kind: value.kind, date: value.date, value: value.value };
    if (options.skipPending) {
      const pending = (await db.query(
        `SELECT 1 FROM workflow_item WHERE subject_kind = 'measure' AND indicator_id = $1 AND territory_code = $2 AND source = $3 AND state IN ('submitted', 'validated') AND payload = $4::jsonb LIMIT 1`,
        [value.indicatorId, value.territoryCode, options.source, JSON.stringify(payload)],
      )) as unknown[];
      if (pending.length > 0) continue;
    }
    await insertItem(db, { subjectKind: 'measure', policyId, indicatorId: value.indicatorId, territoryCode: value.territoryCode, payload, state: 'submitted', authorId: options.authorId, source: options.source });
    groups.set(key, { territoryCode: value.territoryCode, policyId });
    proposals += 1;
  }
  for (const group of groups.values()) {
    const userIds = await closestRightHolders(db, { action: 'validate', subject: 'Measure', territoryCode: group.territoryCode, policyId: group.policyId, exclude: options.authorId ? [options.authorId] : [] });
    const [names] = (await db.query(`SELECT t.name AS territory, p.name AS policy FROM territory t, policy p WHERE t.code = $1 AND p.id = $2`, [group.territoryCode, group.policyId])) as { territory: string; policy: string }[];
    await createNotifications(db, outbox, {
      userIds, kind: 'item.submitted', link: entryLink(group),
      params: { whatKey: 'import', territory: `${names.territory} (${group.territoryCode})`, policy: names.policy, author: options.authorName, indicator: null, value: null, reason: null },
    });
  }
  return proposals;
}
