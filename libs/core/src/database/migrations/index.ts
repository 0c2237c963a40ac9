import { CreateTerritories1764000000000 } from './1764000000000-create-territories.migration';
import { CreateReferential1764000000100 } from './1764000000100-create-referential.migration';
import { CreateMeasures1764000000200 } from './1764000000200-create-measures.migration';
import { CreateQualitative1764000000300 } from './1764000000300-create-qualitative.migration';
import { CreateIdentity1764000000500 } from './1764000000500-create-identity.migration';
import { CreateAuditLog1764000000510 } from './1764000000510-create-audit-log.migration';
import { CreateImportBatches1764000001000 } from './1764000001000-create-import-batches.migration';
import { CreateWorkflow1764000002000 } from './1764000002000-create-workflow.migration';
import { CreateModuleSettings1764000003100 } from './1764000003100-create-module-settings.migration';
import { CreatePolicyPeerStats1764000004000 } from './1764000004000-create-policy-peer-stats.migration';
import { HomeCoveringIndexes1764000004100 } from './1764000004100-home-covering-indexes.migration';
import { StateTerritoryStatistics1764000004200 } from './1764000004200-state-territory-statistics.migration';
import { IndicatorApplicableIn1764000004300 } from './1764000004300-indicator-applicable-in.migration';
import { CreateRateLimitBuckets1764000005000 } from './1764000005000-create-rate-limit-buckets.migration';
import { DataChangeMarks1764000005100 } from './1764000005100-data-change-marks.migration';
import { CreatePublicSnapshots1764000401000 } from './1764000401000-create-public-snapshots.migration';
import { ReleaseNotesSeen1764000601000 } from './1764000601000-release-notes-seen.migration';
import { CreateSourceBindings1764000101000 } from './1764000101000-create-source-bindings.migration';
import { CampaignAssigneeRoles1764000301000 } from './1764000301000-campaign-assignee-roles.migration';
import { CombinedScopesAndRoleQuotas1764000501000 } from './1764000501000-combined-scopes-and-role-quotas.migration';
import { CreateFavouritesAndSavedViews1764000701000 } from './1764000701000-create-favourites-and-saved-views.migration';
import { CreateAlertSubscriptions1764000701100 } from './1764000701100-create-alert-subscriptions.migration';
import { CreateAuditRetentionOverride1764000801000 } from './1764000801000-create-audit-retention-override.migration';
import { CreateUsageFigures1764000901000 } from './1764000901000-create-usage-figures.migration';
import { SourceBindingArchive1764000902000 } from './1764000902000-source-binding-archive.migration';
import { CreateFicheBatches1764001001000 } from './1764001001000-create-fiche-batches.migration';

/** Core migrations in order; modules' migrations run after these, in dependency order. */
export const coreMigrations = [
  CreateTerritories1764000000000,
  CreateReferential1764000000100,
  CreateMeasures1764000000200,
  CreateQualitative1764000000300,
  CreateIdentity1764000000500,
  CreateAuditLog1764000000510,
  CreateImportBatches1764000001000,
  CreateWorkflow1764000002000,
  CreateModuleSettings1764000003100,
  CreatePolicyPeerStats1764000004000,
  HomeCoveringIndexes1764000004100,
  StateTerritoryStatistics1764000004200,
  IndicatorApplicableIn1764000004300,
  CreateRateLimitBuckets1764000005000,
  DataChangeMarks1764000005100,
  CreateSourceBindings1764000101000,
  CampaignAssigneeRoles1764000301000,
  CreatePublicSnapshots1764000401000,
  CombinedScopesAndRoleQuotas1764000501000,
  ReleaseNotesSeen1764000601000,
  CreateFavouritesAndSavedViews1764000701000,
  CreateAlertSubscriptions1764000701100,
  CreateAuditRetentionOverride1764000801000,
  CreateUsageFigures1764000901000,
  SourceBindingArchive1764000902000,
  CreateFicheBatches1764001001000,
];
