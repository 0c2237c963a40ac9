import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { closeKitContext, type KitContext, loadInstanceConfig, openKitContext, prepareDatabase, readKitVersion, type RuntimeSettings, UserFacingError } from '@pilote/core';
import type { LoadedModules } from '@pilote/module-sdk/server';
import { AppModule } from './app.module';
import { loadInstanceModules } from './modules/load-instance-modules';
import { applyStoredSettings } from './modules-admin/apply-stored-settings';
import { applySecurity } from './security/apply-security';
import { moduleOriginsOf } from './security/content-security-policy';
import { limitStoreFor } from './security/limit-store';
import { readSecuritySettings } from './security/security-settings';
import { compressAnswers } from './web/compress-answers';
import { rememberRestWrites } from './replica/remember-rest-writes';
import { indexHtmlFactsOf } from './web/index-html';
import { serveInstanceAssets } from './web/serve-instance-assets';
import { serveWebApp } from './web/serve-web-app';

export interface RunningServer {
  app: NestExpressApplication;
  context: KitContext;
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Print progress lines (the CLI does; tests do not). */
  log?: (line: string) => void;
  /** Seed the instance's data when the database is empty (default true). */
  seed?: boolean;
  /** An already opened context (tests bring their own database). */
  context?: KitContext;
  /** Modules already loaded (startTestKit); by default those of `config.modules`. */
  modules?: LoadedModules;
  /** The built web app to serve (tests bring a small one); by default apps/web/dist or the installed @pilote/web's. */
  webDist?: string;
}

/** Boots the kit: configuration, database, migrations, first-start seed, HTTP server. */
export async function startServer(settings: RuntimeSettings, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? (() => undefined);
  // Modules are validated before the database opens: a bad module list fails fast, with every problem.
  const instance = options.context?.instance ?? loadInstanceConfig(settings.instanceDirectory);
  for (const warning of instance.warnings ?? []) log(`Configuration: ${warning}`);
  const modules = options.modules ?? loadInstanceModules(instance, { kitVersion: readKitVersion() });
  const context = options.context ?? (await openKitContext(settings, { instance, moduleMigrations: modules.migrations, modules: modules.info() }));
  if (modules.modules.length > 0) log(`Modules: ${modules.modules.map((module) => `${module.id} ${module.version}`).join(', ')}`);
  log(`Database: ${context.database.kind === 'pglite' ? `embedded (PGlite) in ${context.instance.config.data.directory}` : 'PostgreSQL (DATABASE_URL)'}`);
  try {
    await prepareDatabase(context, { seed: options.seed ?? true, log });
    // Server parts read their settings once: the admin page's overrides apply from this start.
    const effective = await applyStoredSettings(context, modules, log);
    const security = readSecuritySettings(process.env, { production: context.settings.production });
    // rawBody: signed webhooks (DataPass) check their HMAC over the exact bytes received.
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(context, effective.nestModules, effective), { logger: ['error', 'warn'], rawBody: true });
    const publicSite = context.instance.config.publicSite;
    const moduleOrigins = moduleOriginsOf(effective.modules.map((module) => ({ id: module.id, origins: module.manifest.server?.contentSecurityOrigins?.(module.settings as never) ?? [] })));
    if (moduleOrigins.length) log(`Content security policy: modules allow ${moduleOrigins.join(', ')}`);
    applySecurity(app, security, limitStoreFor(context, security), { embedSites: publicSite.enabled ? publicSite.embeds.allowedSites : [], moduleOrigins });
    app.use(compressAnswers());
    app.use(rememberRestWrites(context));
    serveInstanceAssets(app.getHttpAdapter().getInstance(), context.instance.directory);
    serveWebApp(app.getHttpAdapter().getInstance(), options.webDist, indexHtmlFactsOf(context.instance.config));
    await listen(app, settings.port);
    const address = (app.getHttpServer() as Server).address() as AddressInfo;
    const url = `http://localhost:${address.port}`;
    let closing: Promise<void> | undefined;
    return {
      app,
      context,
      url,
      close: () => (closing ??= app.close().then(() => closeKitContext(context))),
    };
  } catch (error) {
    await closeKitContext(context).catch(() => undefined);
    throw error;
  }
}

async function listen(app: NestExpressApplication, port: number): Promise<void> {
  try {
    await app.listen(port, '0.0.0.0');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      await app.close();
      throw new UserFacingError(`Port ${port} is already in use`, `Stop what uses it, or start on another port: PORT=${port + 1} npm start`, 'PORT_IN_USE');
    }
    throw error;
  }
}
