import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { CoreModule, type KitContext } from '@pilote/core';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';

@Module({})
export class AppModule {
  static forRoot(context: KitContext): DynamicModule {
    const production = context.settings.production;
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(context),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          ...graphqlOptions({ production, introspection: !production || process.env.PILOTE_GRAPHQL_INTROSPECTION === 'true' }),
        }),
      ],
      controllers: [HealthController],
    };
  }
}
