import type {
  AvailableSourcesQuery, DeleteSourceBindingMutation, PreviewSourceBindingDraftMutation, SourceBindingFieldsFragment,
  SourceSettingFieldFieldsFragment, SyncIssueFieldsFragment, SyncRunFieldsFragment,
} from '../../api/generated/graphql';
export {
  AvailableSourcesDocument as AVAILABLE_SOURCES_QUERY, CreateSourceBindingDocument as CREATE_BINDING, DeleteSourceBindingDocument as DELETE_BINDING,
  PreviewSourceBindingDocument as PREVIEW, PreviewSourceBindingDraftDocument as PREVIEW_DRAFT, RunSourceBindingNowDocument as RUN_NOW,
  SourceBindingsDocument as SOURCE_BINDINGS_QUERY, UpdateSourceBindingDocument as UPDATE_BINDING,
} from '../../api/generated/graphql';

/** Source bindings for administrators (GraphQL `sourceBindings`, `runSourceBindingNow`, `previewSourceBinding`: `read`/`update SourceBinding`); the documents are in sources.graphql. */
export type SyncIssue = SyncIssueFieldsFragment;
export type SyncRun = SyncRunFieldsFragment;
/** With the edit form's values: settings and kind codes as JSON text, the record fields of the mapping. */
export type SourceBinding = SourceBindingFieldsFragment;
/** One setting of a source, from its connector's settings schema: `type` is string, number, integer, boolean, enum, string-list, enum-list, or json (edited as JSON text); `default` is JSON or null. */
export type SourceSettingField = SourceSettingFieldFieldsFragment;
export type AvailableSource = AvailableSourcesQuery['availableSources'][number];
export type DraftPreview = PreviewSourceBindingDraftMutation['previewSourceBindingDraft'];
/** What deleting a binding did: deleted, or archived because runs (or values they published) refer to it. */
export type BindingRemoval = DeleteSourceBindingMutation['deleteSourceBinding'];

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

/** A refused form: each problem names its field (`settings.url`, `territoryColumn`…), where in the binding, and a code the page words. */
export interface FieldProblem {
  field: string;
  path: string;
  /** English, for logs: pages show `code` with `params` in the reader's language. */
  message: string;
  code: string;
  params?: Record<string, string | number>;
}
