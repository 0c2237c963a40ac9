import { Field, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar } from '../graphql/json.scalar';

@ObjectType()
export class LevelType {
  @Field() id!: string;
  @Field(() => JsonScalar) label!: unknown;
  @Field(() => Int) rank!: number;
  @Field() hasMap!: boolean;
  @Field() perimeter!: boolean;
}

@ObjectType()
export class WeatherLevelType {
  @Field() id!: string;
  @Field(() => JsonScalar) label!: unknown;
  @Field({ description: 'Semantic theme token of its colour' }) tone!: string;
}

@ObjectType()
export class CommentTypeType {
  @Field() id!: string;
  @Field(() => JsonScalar) label!: unknown;
}

@ObjectType()
export class LinkType {
  @Field(() => JsonScalar) label!: unknown;
  @Field() href!: string;
}

@ObjectType()
export class ModuleInfoType {
  @Field() id!: string;
  @Field() version!: string;
  @Field(() => JsonScalar) displayName!: unknown;
}

@ObjectType('Instance')
export class InstanceType {
  @Field() id!: string;
  @Field(() => JsonScalar) name!: unknown;
  @Field(() => JsonScalar, { nullable: true }) shortName?: unknown;
  @Field(() => [String]) locales!: string[];
  @Field() defaultLocale!: string;
  @Field(() => JsonScalar, { description: 'Theme id and token overrides, resolved by the web app' }) theme!: unknown;
  @Field(() => [LevelType]) levels!: LevelType[];
  @Field(() => JsonScalar) vocabulary!: unknown;
  @Field(() => [WeatherLevelType]) weatherLevels!: WeatherLevelType[];
  @Field(() => [CommentTypeType]) commentTypes!: CommentTypeType[];
  @Field(() => [LinkType]) footerLinks!: LinkType[];
  @Field(() => JsonScalar) accessibility!: unknown;
  @Field() demoMode!: boolean;
  @Field() version!: string;
  @Field(() => [ModuleInfoType]) modules!: ModuleInfoType[];
}
