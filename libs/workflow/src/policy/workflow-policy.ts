import type { InstanceConfig } from '@pilote/core';

/** The instance's workflow policy (pilote.config.ts `workflow`), see docs/operating/configuration.md. */
export type WorkflowPolicy = Pick<InstanceConfig['workflow'], 'publishByImport' | 'selfValidation'>;

/**
 * Whether a caller's import publishes at once. By default only those who may publish values
 * anyway ('publishers'): a validator's import would otherwise skip the validation it exists for.
 */
export function importPublishesDirectly(policy: WorkflowPolicy, callerMayPublish: boolean): boolean {
  return policy.publishByImport === 'importers' || callerMayPublish;
}
