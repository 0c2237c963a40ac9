import { Field, ObjectType } from '@nestjs/graphql';
import { JsonScalar } from '@pilote/core';

@ObjectType('EnabledModule', { description: 'A module the instance enables, with its settings (administrators only).' })
export class EnabledModuleType {
  @Field() id!: string;
  @Field() version!: string;
  @Field(() => JsonScalar, { description: 'Name per locale' }) displayName!: unknown;
  @Field(() => JsonScalar, { nullable: true, description: 'Description per locale' }) description?: unknown;
  @Field(() => JsonScalar, { description: 'Effective settings: the instance file, overrides on top, defaults applied' }) settings!: unknown;
  @Field(() => JsonScalar, { description: 'What pilote.config.ts gives, as written' }) configSettings!: unknown;
  @Field(() => JsonScalar, { nullable: true, description: 'The keys an administrator changed (null when none)' }) overrides?: unknown;
  @Field() hasOverrides!: boolean;
  @Field(() => JsonScalar, { nullable: true, description: 'Form fields derived from the settings schema; null when the module takes no settings' }) settingsForm?: unknown;
  @Field(() => [String], { description: 'Keys the web part reads (sent to every visitor)' }) publicSettingKeys!: string[];
  @Field(() => JsonScalar, { description: 'The effective values of publicSettingKeys' }) publicSettings!: unknown;
  @Field({ description: 'The server part of this replica has not applied these settings yet (it does within a second, without a restart)' }) restartNeeded!: boolean;
}
