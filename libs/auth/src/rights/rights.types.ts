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

@ObjectType('Scope', { description: 'Where an assignment applies: all, a territory and its subtree, policies or taxonomies.' })
export class ScopeType {
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) territoryCode?: string | null;
  @Field(() => [String], { nullable: true }) ids?: string[] | null;
}

@InputType('ScopeInput')
export class ScopeInputType {
  @Field({ description: 'all, territory, policies or taxonomies' }) kind!: string;
  @Field(() => String, { nullable: true }) territoryCode?: string | null;
  @Field(() => [String], { nullable: true }) ids?: string[] | null;
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
