import { registerPermissions } from '@pilote/auth';

/**
 * Proposing, validating and publishing values and narratives use the core's subjects
 * (`Measure`, `Narrative`: create = propose/submit, validate = validate/refuse, publish),
 * whose default grants are the seeded roles. The workflow adds entry campaigns.
 */
registerPermissions('workflow', [
  {
    subject: 'Campaign',
    actions: ['read', 'create', 'update', 'manage'],
    description: 'Data entry campaigns: period, indicators, territories, assignees, deadline; their completeness board.',
    defaultGrants: {
      'national-steering': ['read', 'create', 'update'],
      'project-director': ['read', 'create', 'update'],
      'regional-coordinator': ['read', 'create', 'update'],
      'departmental-coordinator': ['read', 'create', 'update'],
      'central-directorate': ['read'],
      'project-team': ['read'],
      'deconcentrated-service': ['read'],
      'regional-prefect': ['read'],
      'departmental-prefect': ['read'],
    },
  },
]);

export const WORKFLOW_PERMISSIONS_REGISTERED = true;
