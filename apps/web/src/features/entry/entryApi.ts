import { mutate } from '../../api/mutate';
import {
  PublishWorkflowItemDocument, RefuseWorkflowItemDocument, SubmitWorkflowItemDocument, ValidateWorkflowItemDocument,
} from '../../api/generated/graphql';
export { csrfToken, mutate } from '../../api/mutate';
export {
  EntryPoliciesDocument as ENTRY_POLICIES_QUERY, EntrySheetDocument as ENTRY_SHEET_QUERY, ProposeNarrativeDocument as PROPOSE_NARRATIVE,
  ProposeValueDocument as PROPOSE_VALUE, WorkflowSettingsDocument as WORKFLOW_SETTINGS_QUERY,
} from '../../api/generated/graphql';

/** The workflow steps, in the order their buttons show. */
export const STEPS = ['submit', 'validate', 'refuse', 'publish'] as const;
export type Step = (typeof STEPS)[number];

/** Takes a workflow step on an item (features/entry/entry.graphql); a refusal needs its reason. */
export async function takeStep(step: Step, id: string, reason = ''): Promise<void> {
  if (step === 'submit') await mutate(SubmitWorkflowItemDocument, { id });
  else if (step === 'validate') await mutate(ValidateWorkflowItemDocument, { id });
  else if (step === 'refuse') await mutate(RefuseWorkflowItemDocument, { id, reason });
  else await mutate(PublishWorkflowItemDocument, { id });
}
