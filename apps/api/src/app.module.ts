import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthModule } from '@pilote/auth';
import { CoreModule, type KitContext, rememberWrite } from '@pilote/core';
import { buildLoadedModules, type LoadedModules } from '@pilote/module-sdk/server';
import { ImportModule } from '@pilote/import';
import { SyncModule } from '@pilote/sync';
import { WorkflowModule } from '@pilote/workflow';
import { DataPanelsModule } from './data-panels/data-panels.module';
import { FichesModule } from './fiches/fiches.module';
import { resolveDataPanels } from './data-panels/resolve-data-panels';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';
import { ModulesAdminModule } from './modules-admin/modules-admin.module';
import { AbuseBudgetsModule } from './security/abuse-budgets.module';
import { limitStoreFor } from './security/limit-store';
import { readSecuritySettings } from './security/security-settings';

@Module({})
export class AppModule {
  /** `moduleImports`: the Nest modules of the instance's modules, in dependency order; `modules`: all of them (settings page). */
  static forRoot(context: KitContext, moduleImports: (Type<unknown> | DynamicModule)[] = [], modules: LoadedModules = buildLoadedModules([])): DynamicModule {
    const production = context.settings.production;
    const security = readSecuritySettings(process.env, { production });
    const limitStore = limitStoreFor(context, security);
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(context),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          ...graphqlOptions({ production, introspection: !production || process.env.PILOTE_GRAPHQL_INTROSPECTION === 'true', maxCost: security.graphqlMaxCost, budgetPerMinute: security.graphqlBudgetPerMinute, budgetStore: limitStore, afterMutation: context.readReplica ? (res) => rememberWrite(context, res) : undefined }),
        }),
        AuthModule.forRoot(context),
        // After AuthModule: its limits key on the identity AuthModule's middleware resolved.
        AbuseBudgetsModule.forRoot(security, limitStore),
        ImportModule,
        SyncModule.forRoot(modules),
        WorkflowModule.forRoot(),
        ModulesAdminModule.forRoot(modules),
        DataPanelsModule.forRoot(resolveDataPanels(context.instance, modules), modules),
        FichesModule,
        ...moduleImports,
      ],
      controllers: [HealthController],
    };
  }
}
