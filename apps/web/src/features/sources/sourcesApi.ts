/** Source bindings for administrators (GraphQL `sourceBindings`, `runSourceBindingNow`, `previewSourceBinding`: `read`/`update SourceBinding`). */
export interface SyncIssue {
  code: string;
  line: number;
  column: string | null;
  value: string | null;
}

export interface SyncRun {
  id: string;
  trigger: string;
  dryRun: boolean;
  status: string;
  rowsRead: number;
  valuesAccepted: number;
  valuesRefused: number;
  valuesChanged: number;
  ratesChanged: number;
  errorCode: string | null;
  errorMessage: string | null;
  issues: SyncIssue[];
  startedAt: string;
  durationMs: number | null;
}

export interface SourceBinding {
  id: string;
  name: string;
  source: string;
  schedule: string | null;
  trusted: boolean;
  enabled: boolean;
  nextRunAt: string | null;
  sourceAvailable: boolean;
  lastRun: SyncRun | null;
}

const RUN_FIELDS = 'id trigger dryRun status rowsRead valuesAccepted valuesRefused valuesChanged ratesChanged errorCode errorMessage issues { code line column value } startedAt durationMs';

export const SOURCE_BINDINGS_QUERY = `query SourceBindings { sourceBindings { id name source schedule trusted enabled nextRunAt sourceAvailable lastRun { ${RUN_FIELDS} } } }`;

export const RUN_NOW = `mutation RunSourceBindingNow($id: ID!) { runSourceBindingNow(bindingId: $id) }`;

export const PREVIEW = `mutation PreviewSourceBinding($id: ID!) { previewSourceBinding(bindingId: $id) { ${RUN_FIELDS} } }`;
