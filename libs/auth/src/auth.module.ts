import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import type { KitContext } from '@pilote/core';
import { AuthBootstrap } from './auth-bootstrap';
import { AUTH_SETTINGS, OIDC_CLIENT } from './auth.tokens';
import { type AuthSettings, readAuthSettings } from './config/auth-settings';
import { AuthGuard } from './guards/auth.guard';
import { IdentityMiddleware } from './identity/identity.middleware';
import { AuthController } from './oidc/auth.controller';
import { OidcClient } from './oidc/oidc-client';
import './permissions/core-permissions';
import { ApiTokenResolver } from './tokens/api-token.resolver';
import { AccessRequestResolver } from './access-requests/access-request.resolver';
import { AuditCsvController } from './audit/audit-csv.controller';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { AuditRetentionResolver } from './audit/audit-retention.resolver';
import { AuditRetentionJob } from './audit/audit-retention-job';
import { DatapassWebhookController } from './datapass/datapass-webhook.controller';
import { RightsResolver } from './rights/rights.resolver';
import { RightsAdminResolver } from './rights/rights-admin.resolver';
import { SessionPurgeJob } from './sessions/session-purge-job';
import { UsageResolver } from './usage/usage.resolver';
import { UsageRetentionJob } from './usage/usage-retention-job';

/** Identity on every request, every operation's declared right enforced (fail closed), OIDC login, sessions, API tokens, rights and audit. */
@Module({})
export class AuthModule implements NestModule {
  static forRoot(context: KitContext, overrides: Partial<AuthSettings> = {}): DynamicModule {
    const settings: AuthSettings = { ...readAuthSettings(process.env, { port: context.settings.port, production: context.settings.production }), ...overrides };
    return {
      module: AuthModule,
      controllers: [AuthController, AuditCsvController, DatapassWebhookController],
      providers: [
        { provide: AUTH_SETTINGS, useValue: settings },
        { provide: OIDC_CLIENT, useValue: settings.oidc ? new OidcClient(settings.oidc) : null },
        { provide: APP_GUARD, useClass: AuthGuard },
        AuthBootstrap,
        ApiTokenResolver,
        RightsResolver,
        RightsAdminResolver,
        AccessRequestResolver,
        AuditLogResolver,
        AuditRetentionResolver,
        SessionPurgeJob,
        AuditRetentionJob,
        UsageResolver,
        UsageRetentionJob,
      ],
      exports: [AUTH_SETTINGS],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(cookieParser(), IdentityMiddleware).forRoutes('{*splat}');
  }
}
