// Names the entry pages use for what features/entry/entry.graphql returns (generated, ADR 044).
import type { EntrySheetQuery, WorkflowItemFieldsFragment } from '../../api/generated/graphql';

/** A proposal; subjectKind, state and nextSteps are libs/workflow's names (Strings in the schema). */
export type WorkflowItem = WorkflowItemFieldsFragment;
export type EntrySheet = EntrySheetQuery['entrySheet'];
export type EntryIndicator = EntrySheet['indicators'][number];
export type EntryRights = EntrySheet['rights'];
/** A rate before → after a change: the entry sheet's effect, or an import's preview (REST, uploadImport.ts). */
export type RateEffect = EntrySheet['effect'][number];
