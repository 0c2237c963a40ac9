import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('RoadmapChoice', { description: 'A published policy a territory may follow, and whether (with which local objective) it does.' })
export class RoadmapChoiceType {
  @Field(() => ID) policyId!: string;
  @Field() name!: string;
  @Field() selected!: boolean;
  @Field(() => String, { nullable: true }) localObjective!: string | null;
}

@InputType('RoadmapItemInput')
export class RoadmapItemInput {
  @Field(() => ID) policyId!: string;
  @Field(() => String, { nullable: true, description: 'At most 2,000 characters' }) localObjective?: string | null;
}
