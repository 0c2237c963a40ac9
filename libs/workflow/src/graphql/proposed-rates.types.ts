import { Field, Float, ObjectType } from '@nestjs/graphql';
import { ExplanationType } from '@pilote/core';

@ObjectType('ProposedRate')
export class ProposedRateType {
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => String, { nullable: true, description: 'Why it is not computed' }) reason!: string | null;
  @Field(() => ExplanationType, { description: 'Rule, formula with the proposed value, inputs (inline: not addressable by explanation(id))' }) explanation!: ExplanationType;
}

@ObjectType('ProposedRates', { description: 'The rates a proposed current value would give once published (PILOTE VACP rates).' })
export class ProposedRatesType {
  @Field({ description: 'The date they are computed for: the later of today and the proposed value\'s date' }) asOf!: string;
  @Field(() => ProposedRateType) annual!: ProposedRateType;
  @Field(() => ProposedRateType) global!: ProposedRateType;
}
