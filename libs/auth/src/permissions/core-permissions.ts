import { registerPermissions } from './permission-registry';

/** The core's subjects; their default grants are the roles seeded by the identity migration. */
registerPermissions('core', [
  { subject: 'Instance', actions: ['read'], description: 'Instance name, theme and settings shown before login.' },
  { subject: 'Dashboard', actions: ['read', 'export'], description: 'Rates, values, météo and explanations at a territory.' },
  { subject: 'Measure', actions: ['read', 'create', 'update', 'validate', 'publish'], description: 'Indicator values.' },
  { subject: 'Narrative', actions: ['read', 'create', 'update', 'validate', 'publish'], description: 'Météo, comments, objectives, decisions.' },
  { subject: 'Referential', actions: ['read', 'update'], description: 'Policies, indicators, taxonomies.' },
  { subject: 'Import', actions: ['import'], description: 'File imports of values.' },
  { subject: 'User', actions: ['read', 'create', 'update', 'manage'], description: 'Accounts.' },
  { subject: 'Role', actions: ['read', 'update', 'manage'], description: 'Roles and their rules.' },
  { subject: 'Assignment', actions: ['read', 'create', 'delete', 'manage'], description: 'Role × scope given to a user.' },
  { subject: 'AccessRequest', actions: ['read', 'create', 'update', 'manage'], description: 'Requests for a role on a scope.' },
  { subject: 'ApiToken', actions: ['read', 'create', 'delete'], description: 'Personal API tokens.' },
  { subject: 'AuditLog', actions: ['read', 'export'], description: 'Who changed what, when.' },
  { subject: 'Settings', actions: ['read', 'update'], description: 'Instance settings.' },
  // No default grant but the admin role's `manage all` (ADR 045): the instance's owners.
  { subject: 'Usage', actions: ['read'], description: 'Usage figures without personal data: active users, pages and territories viewed (admin page /admin/usage).' },
  // Granted by default through the admin role's `manage all`; a token never gets `manage`, so changes need a session.
  { subject: 'ModuleSettings', actions: ['read', 'manage'], description: 'Settings of the enabled modules (admin page /admin/modules).' },
  { subject: 'Job', actions: ['read', 'manage'], description: 'Background jobs (e-mails, scheduled tasks): list, retry a parked one (admin page /admin/jobs, `pilote jobs`).' },
  // Source bindings (libs/sync, ADR 033): no default grant; the admin's `manage all` holds them.
  { subject: 'SourceBinding', actions: ['read', 'update'], description: 'Connectors that feed indicators on a schedule: list, run history, run now (admin page /admin/sources, `pilote sync`).' },
]);

export const CORE_PERMISSIONS_REGISTERED = true;
