import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthModule } from '@pilote/auth';
import { CoreModule, type KitContext } from '@pilote/core';
import { ImportModule } from '@pilote/import';
import { WorkflowModule } from '@pilote/workflow';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';
import { declareRoutePermissions } from './permissions/route-permissions';

@Module({})
export class AppModule {
  /** `moduleImports`: the Nest modules of the instance's modules, in dependency order. */
  static forRoot(context: KitContext, moduleImports: (Type<unknown> | DynamicModule)[] = []): DynamicModule {
    const production = context.settings.production;
    const undeclared = declareRoutePermissions();
    if (undeclared.length > 0) throw new Error(`Route permissions refer to missing handlers: ${undeclared.join(', ')}`);
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(context),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          ...graphqlOptions({ production, introspection: !production || process.env.PILOTE_GRAPHQL_INTROSPECTION === 'true' }),
        }),
        AuthModule.forRoot(context),
        ImportModule,
        WorkflowModule.forRoot(),
        ...moduleImports,
      ],
      controllers: [HealthController],
    };
  }
}
