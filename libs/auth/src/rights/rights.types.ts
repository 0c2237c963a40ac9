import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@pilote/core';

@ObjectType('LocalizedLabel')
export class LocalizedLabelType {
  @Field(() => String, { nullable: true }) fr?: string;
  @Field(() => String, { nullable: true }) en?: string;
}

@ObjectType('RoleRule', { description: 'A CASL rule: the actions a role may do on subjects (the scope comes from the assignment).' })
export class RoleRuleType {
  @Field(() => [String]) action!: string[];
  @Field(() => [String]) subject!: string[];
}

@InputType('RoleRuleInput')
export class RoleRuleInput {
  @Field(() => [String]) action!: string[];
  @Field(() => [String]) subject!: string[];
}

@ObjectType('Role')
export class RoleType {
  @Field(() => ID) id!: string;
  @Field(() => LocalizedLabelType) label!: LocalizedLabelType;
  @Field(() => LocalizedLabelType) description!: LocalizedLabelType;
  @Field(() => Int, { description: 'A manager hands out only roles of a lower rank than their own.' }) rank!: number;
  @Field(() => [RoleRuleType]) permissions!: RoleRuleType[];
  @Field() updatedAt!: Date;
}

@ObjectType('Scope', { description: 'Where an assignment applies: all, a territory and its subtree, policies, taxonomies, or a combination (territory subtree × policies × taxonomies).' })
export class ScopeType {
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) territoryCode?: string | null;
  @Field(() => [String], { nullable: true }) ids?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'combined scopes: the policies (empty = every policy)' }) policyIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'combined scopes: the taxonomies (empty = every taxonomy)' }) taxonomyIds?: string[] | null;
}

@InputType('ScopeInput')
export class ScopeInputType {
  @Field({ description: 'all, territory, policies, taxonomies or combined' }) kind!: string;
  @Field(() => String, { nullable: true }) territoryCode?: string | null;
  @Field(() => [String], { nullable: true }) ids?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'combined: policies the scope is limited to' }) policyIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'combined: taxonomies the scope is limited to' }) taxonomyIds?: string[] | null;
}

@ObjectType('Assignment')
export class AssignmentType {
  @Field(() => ID) id!: string;
  @Field(() => ID) userId!: string;
  @Field() userEmail!: string;
  @Field() roleId!: string;
  @Field(() => ScopeType) scope!: ScopeType;
  @Field({ description: 'manual, access-request, datapass or demo' }) source!: string;
  @Field(() => ID, { nullable: true }) grantedBy!: string | null;
  @Field(() => String, { nullable: true }) grantedByEmail!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the right was given (required since ADR 037; null for older grants).' }) reason!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType('AssignmentEdge')
export class AssignmentEdge {
  @Field(() => AssignmentType) node!: AssignmentType;
}

@ObjectType('AssignmentConnection')
export class AssignmentConnection {
  @Field(() => [AssignmentEdge]) edges!: AssignmentEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType('RightsAccount', { description: 'An account inside the caller\'s administration scope, with its rights there.' })
export class RightsAccountType {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field({ description: 'active or disabled' }) status!: string;
  @Field(() => Date, { nullable: true }) lastLoginAt!: Date | null;
  @Field(() => [AssignmentType], { description: 'Active rights of the account that lie inside the caller\'s scope.' }) assignments!: AssignmentType[];
}

@ObjectType('RightsAccountPage')
export class RightsAccountPage {
  @Field(() => [RightsAccountType]) nodes!: RightsAccountType[];
  @Field(() => Int) totalCount!: number;
}

@ObjectType('RoleQuota', { description: 'At most `max` people hold this role in this quota territory; `used` do now.' })
export class RoleQuotaType {
  @Field() roleId!: string;
  @Field() territoryCode!: string;
  @Field() territoryName!: string;
  @Field(() => Int) max!: number;
  @Field(() => Int) used!: number;
  @Field({ description: 'config (rights.roleQuotas) or override (set by an administrator)' }) source!: string;
  @Field(() => String, { nullable: true }) overriddenByEmail!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => Date, { nullable: true }) setAt!: Date | null;
}

@ObjectType('QuotasAt', { description: 'The quotas that apply to a territory: accounts of its quota territory, holders per role.' })
export class QuotasAtType {
  @Field(() => String, { nullable: true }) territoryCode!: string | null;
  @Field(() => String, { nullable: true }) territoryName!: string | null;
  @Field(() => Int, { nullable: true }) accountsMax!: number | null;
  @Field(() => Int, { nullable: true }) accountsUsed!: number | null;
  @Field(() => String, { nullable: true }) accountsSource!: string | null;
  @Field(() => [RoleQuotaType]) roles!: RoleQuotaType[];
}

@ObjectType('PreviewTerritory')
export class PreviewTerritoryType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Int, { description: 'Territories in the subtree, itself included.' }) count!: number;
}

@ObjectType('PreviewPolicy')
export class PreviewPolicyType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('RightsPreview', { description: '"See as" without impersonation: what a role on a scope would read.' })
export class RightsPreviewType {
  @Field(() => [RoleRuleType]) rules!: RoleRuleType[];
  @Field(() => PreviewTerritoryType, { nullable: true, description: 'null: every territory' }) territory!: PreviewTerritoryType | null;
  @Field(() => [PreviewPolicyType]) policies!: PreviewPolicyType[];
  @Field() dashboardPath!: string;
}
