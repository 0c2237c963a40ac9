import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../access/access.decorators';
import { KIT_CONTEXT, type KitContext } from '../boot/kit-context';
import { LIGHT_QUERY_COST } from '../graphql/query-costs';
import { DEFAULT_COMMENT_TYPES, DEFAULT_WEATHER_LEVELS } from './default-labels';
import { InstanceType } from './instance.types';

@Resolver(() => InstanceType)
export class InstanceResolver {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  @Query(() => InstanceType, { complexity: LIGHT_QUERY_COST })
  @Public('the web app brands itself (name, theme, locales, modules) before anyone signs in')
  instance(): InstanceType {
    const config = this.kit.instance.config;
    const weatherLabels = new Map((config.weatherLevels ?? []).map((level) => [level.id, level.label]));
    return {
      id: config.id,
      name: config.name,
      shortName: config.shortName,
      locales: config.locales,
      defaultLocale: config.defaultLocale,
      theme: config.theme,
      levels: config.territoryLevels.map((level, rank) => ({ id: level.id, label: level.label, rank, hasMap: level.hasMap, perimeter: level.perimeter })),
      vocabulary: config.vocabulary,
      weatherLevels: DEFAULT_WEATHER_LEVELS.map((level) => ({ ...level, label: weatherLabels.get(level.id as never) ?? level.label })),
      commentTypes: config.commentTypes ?? DEFAULT_COMMENT_TYPES,
      footerLinks: config.footerLinks,
      accessibility: config.accessibility,
      demoMode: config.demoMode,
      version: this.kit.version,
      modules: (this.kit.modules ?? []).map(({ id, version, displayName }) => ({ id, version, displayName })),
    };
  }
}
