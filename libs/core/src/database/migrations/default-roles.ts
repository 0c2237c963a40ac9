/**
 * PILOTE's default profiles, seeded by the identity migration (frozen with it: later changes
 * are new migrations or edits by an instance admin). Rules are CASL rules; the territory or
 * policy scope comes from the assignment, not from the role.
 */
export interface RoleRule {
  action: string | string[];
  subject: string | string[];
  conditions?: Record<string, unknown>;
  inverted?: boolean;
}

export interface DefaultRole {
  id: string;
  label: { fr: string; en: string };
  description: { fr: string; en: string };
  rank: number;
  permissions: RoleRule[];
}

const read: RoleRule = { action: 'read', subject: 'Dashboard' };
const enter: RoleRule[] = [{ action: ['read', 'create', 'update'], subject: ['Measure', 'Narrative'] }];
const validate: RoleRule[] = [{ action: ['read', 'create', 'update', 'validate'], subject: ['Measure', 'Narrative'] }];
const publish: RoleRule[] = [{ action: ['read', 'create', 'update', 'validate', 'publish'], subject: ['Measure', 'Narrative'] }];
const importData: RoleRule = { action: 'import', subject: 'Import' };
const manageAccounts: RoleRule[] = [
  { action: 'manage', subject: ['User', 'Assignment', 'AccessRequest'] },
  { action: 'read', subject: 'AuditLog' },
];

export const DEFAULT_ROLES: DefaultRole[] = [
  { id: 'admin', rank: 100, label: { fr: 'Administrateur', en: 'Administrator' }, description: { fr: 'Tous les droits sur l’instance.', en: 'Every right on the instance.' }, permissions: [{ action: 'manage', subject: 'all' }] },
  { id: 'national-steering', rank: 90, label: { fr: 'Pilotage national', en: 'National steering' }, description: { fr: 'Pilote l’ensemble des politiques.', en: 'Steers every policy.' }, permissions: [read, ...publish, importData, { action: 'update', subject: 'Referential' }, ...manageAccounts] },
  { id: 'presidency-cabinet', rank: 80, label: { fr: 'Cabinet Présidence / Matignon', en: 'Presidency / PM cabinet' }, description: { fr: 'Consultation de tout le périmètre.', en: 'Reads the whole scope.' }, permissions: [read] },
  { id: 'ministry-cabinet', rank: 70, label: { fr: 'Cabinet ministériel', en: 'Ministry cabinet' }, description: { fr: 'Consultation des politiques du ministère.', en: 'Reads the ministry’s policies.' }, permissions: [read] },
  { id: 'central-directorate', rank: 60, label: { fr: 'Administration centrale', en: 'Central directorate' }, description: { fr: 'Saisit les données de ses politiques.', en: 'Enters the data of its policies.' }, permissions: [read, ...enter, importData] },
  { id: 'project-director', rank: 60, label: { fr: 'Directeur de projet', en: 'Project director' }, description: { fr: 'Valide et publie les données de son projet.', en: 'Validates and publishes the data of the project.' }, permissions: [read, ...publish, importData, { action: 'update', subject: 'Referential' }] },
  { id: 'project-team', rank: 50, label: { fr: 'Équipe projet', en: 'Project team' }, description: { fr: 'Saisit les données du projet.', en: 'Enters the project’s data.' }, permissions: [read, ...enter, importData] },
  { id: 'regional-coordinator', rank: 55, label: { fr: 'Coordinateur régional', en: 'Regional coordinator' }, description: { fr: 'Valide les données et gère les comptes de sa région.', en: 'Validates data and manages accounts in the région.' }, permissions: [read, ...validate, ...manageAccounts, importData] },
  { id: 'regional-prefect', rank: 50, label: { fr: 'Préfet de région', en: 'Regional prefect' }, description: { fr: 'Commente et valide la météo de sa région.', en: 'Comments and validates the météo of the région.' }, permissions: [read, { action: ['read', 'create', 'update', 'validate'], subject: 'Narrative' }] },
  { id: 'departmental-coordinator', rank: 45, label: { fr: 'Coordinateur départemental', en: 'Departmental coordinator' }, description: { fr: 'Valide les données et gère les comptes de son département.', en: 'Validates data and manages accounts in the département.' }, permissions: [read, ...validate, ...manageAccounts, importData] },
  { id: 'departmental-prefect', rank: 40, label: { fr: 'Préfet de département', en: 'Departmental prefect' }, description: { fr: 'Commente et valide la météo de son département.', en: 'Comments and validates the météo of the département.' }, permissions: [read, { action: ['read', 'create', 'update', 'validate'], subject: 'Narrative' }] },
  { id: 'deconcentrated-service', rank: 30, label: { fr: 'Service déconcentré', en: 'Deconcentrated service' }, description: { fr: 'Saisit les données de son territoire.', en: 'Enters the data of its territory.' }, permissions: [read, ...enter] },
  { id: 'local-lead', rank: 20, label: { fr: 'Référent local', en: 'Local lead' }, description: { fr: 'Commente les politiques de son territoire.', en: 'Comments on the policies of the territory.' }, permissions: [read, { action: ['read', 'create'], subject: 'Narrative' }] },
  { id: 'reader', rank: 10, label: { fr: 'Lecteur', en: 'Reader' }, description: { fr: 'Consultation seule.', en: 'Read only.' }, permissions: [read] },
  { id: 'public', rank: 0, label: { fr: 'Public (non connecté)', en: 'Public (anonymous)' }, description: { fr: 'Ce que voit un visiteur non connecté.', en: 'What an anonymous visitor sees.' }, permissions: [{ action: 'read', subject: 'Instance' }] },
];
