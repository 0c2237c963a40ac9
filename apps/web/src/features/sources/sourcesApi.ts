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

/** The admin form's binding (GraphQL `SourceBindingInput`): settings and kind codes as JSON text. */
export interface BindingForm {
  id: string;
  name: string;
  source: string;
  settings: string;
  indicatorColumn: string;
  territoryColumn: string;
  dateColumn: string;
  kindColumn: string;
  valueColumn: string;
  kindCodes: string;
  schedule: string;
  trusted: boolean;
}

export interface AvailableSource {
  ref: string;
  nameFr: string;
  nameEn: string;
  settingsKeys: string[];
  requiredSettings: string[];
  secretSettings: string[];
}

export interface DraftPreview {
  columns: string[];
  sample: string[][];
  rowsRead: number;
  valuesAccepted: number;
  valuesRefused: number;
  wouldWrite: number;
  unchanged: number;
  ratesChanged: number;
  issues: SyncIssue[];
  errorCode: string | null;
  errorMessage: string | null;
}

/** A refused form: each problem names its field (`settings`, `territoryColumn`…) and where in the binding. */
export interface FieldProblem {
  field: string;
  path: string;
  message: string;
}

export const AVAILABLE_SOURCES_QUERY = `query AvailableSources { availableSources { ref nameFr nameEn settingsKeys requiredSettings secretSettings } }`;

export const CREATE_BINDING = `mutation CreateSourceBinding($input: SourceBindingInput!) { createSourceBinding(input: $input) { id } }`;

export const PREVIEW_DRAFT = `mutation PreviewSourceBindingDraft($input: SourceBindingInput!) {
  previewSourceBindingDraft(input: $input) { columns sample rowsRead valuesAccepted valuesRefused wouldWrite unchanged ratesChanged issues { code line column value } errorCode errorMessage }
}`;
