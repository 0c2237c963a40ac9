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
  /** The edit form's values: settings and kind codes as JSON text, the record fields of the mapping. */
  settings: string;
  indicatorColumn: string;
  territoryColumn: string;
  dateColumn: string;
  kindColumn: string;
  valueColumn: string;
  kindCodes: string | null;
}

const RUN_FIELDS = 'id trigger dryRun status rowsRead valuesAccepted valuesRefused valuesChanged ratesChanged errorCode errorMessage issues { code line column value } startedAt durationMs';

const BINDING_FIELDS = 'id name source schedule trusted enabled nextRunAt sourceAvailable settings indicatorColumn territoryColumn dateColumn kindColumn valueColumn kindCodes';

export const SOURCE_BINDINGS_QUERY = `query SourceBindings { sourceBindings { ${BINDING_FIELDS} lastRun { ${RUN_FIELDS} } } }`;

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
  enabled: boolean;
}

/** One setting of a source, from its connector's settings schema (GraphQL `SourceSettingField`). */
export interface SourceSettingField {
  name: string;
  /** string, number, integer, boolean, enum, string-list, enum-list, or json (edited as JSON text). */
  type: string;
  required: boolean;
  labelKey: string;
  secret: boolean;
  options: string[];
  /** JSON of the default, or null. */
  default: string | null;
  title: string | null;
  format: string | null;
}

export interface AvailableSource {
  ref: string;
  nameFr: string;
  nameEn: string;
  settingsFields: SourceSettingField[];
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

/** A refused form: each problem names its field (`settings.url`, `territoryColumn`…), where in the binding, and a code the page words. */
export interface FieldProblem {
  field: string;
  path: string;
  /** English, for logs: pages show `code` with `params` in the reader's language. */
  message: string;
  code: string;
  params?: Record<string, string | number>;
}

/** What deleting a binding did: deleted, or archived because runs (or values they published) refer to it. */
export interface BindingRemoval {
  id: string;
  outcome: 'deleted' | 'archived';
  reason: 'has-runs' | 'values-published' | null;
  runs: number;
  values: number;
}

export const AVAILABLE_SOURCES_QUERY = `query AvailableSources { availableSources { ref nameFr nameEn settingsFields { name type required labelKey secret options default title format } } }`;

export const CREATE_BINDING = `mutation CreateSourceBinding($input: SourceBindingInput!) { createSourceBinding(input: $input) { id } }`;

export const UPDATE_BINDING = `mutation UpdateSourceBinding($input: SourceBindingInput!) { updateSourceBinding(input: $input) { id } }`;

export const DELETE_BINDING = `mutation DeleteSourceBinding($id: ID!) { deleteSourceBinding(id: $id) { id outcome reason runs values } }`;

export const PREVIEW_DRAFT = `mutation PreviewSourceBindingDraft($input: SourceBindingInput!) {
  previewSourceBindingDraft(input: $input) { columns sample rowsRead valuesAccepted valuesRefused wouldWrite unchanged ratesChanged issues { code line column value } errorCode errorMessage }
}`;
