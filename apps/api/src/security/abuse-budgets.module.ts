import { type DynamicModule, Inject, Injectable, type MiddlewareConsumer, Module, type NestModule, RequestMethod, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { clientKey } from './client-key';
import type { CostBudgetStore } from './cost-budget-store';
import { limiter } from './rate-limits';
import type { SecuritySettings } from './security-settings';

const SECURITY_SETTINGS = Symbol('SECURITY_SETTINGS');
const LIMIT_STORE = Symbol('LIMIT_STORE');

/** POST /api/v1/imports… per caller (clientKey: the resolved user, else the IP). */
@Injectable()
class ImportRateLimitMiddleware implements NestMiddleware {
  private readonly limit: RequestHandler | null;

  constructor(@Inject(SECURITY_SETTINGS) settings: SecuritySettings, @Inject(LIMIT_STORE) store: CostBudgetStore) {
    this.limit = settings.importsPer15Minutes > 0 ? limiter({ limit: settings.importsPer15Minutes, what: 'imports', key: clientKey, store }) : null;
  }

  use(req: Request, res: Response, next: NextFunction): void {
    if (this.limit) void this.limit(req, res, next);
    else next();
  }
}

/**
 * Limits that need to know who calls. Imported after AuthModule, so that its identity middleware
 * has run: `Bearer` and `bearer`, a session and a token of one user are one caller.
 */
@Module({})
export class AbuseBudgetsModule implements NestModule {
  static forRoot(settings: SecuritySettings, store: CostBudgetStore): DynamicModule {
    return { module: AbuseBudgetsModule, providers: [{ provide: SECURITY_SETTINGS, useValue: settings }, { provide: LIMIT_STORE, useValue: store }, ImportRateLimitMiddleware] };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ImportRateLimitMiddleware).forRoutes({ path: 'api/v1/imports', method: RequestMethod.POST }, { path: 'api/v1/imports/{*splat}', method: RequestMethod.POST });
  }
}
