import 'reflect-metadata';
import { createServer } from 'node:net';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CoreModule, type KitContext, type LoadedInstanceConfig } from '@pilote/core';
import { createTestContext } from '@pilote/core/testing';
import { AuthModule } from '../auth.module';
import type { AuthSettings } from '../config/auth-settings';

export interface AuthTestApp {
  url: string;
  context: KitContext;
  app: NestExpressApplication;
  close(): Promise<void>;
}

@Module({})
class AuthTestAppModule {
  static forRoot(context: KitContext, settings: Partial<AuthSettings>, extra: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: AuthTestAppModule,
      imports: [
        CoreModule.forRoot(context),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          path: '/graphql',
          includeStacktraceInErrorResponses: false,
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
        }),
        AuthModule.forRoot(context, settings),
        ...extra,
      ],
    };
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The core + auth on a fresh test database, listening on 127.0.0.1 (PUBLIC_URL = its own URL). */
export async function startAuthTestApp(
  options: { instance?: LoadedInstanceConfig; settings?: (publicUrl: string) => Partial<AuthSettings>; port?: number; imports?: DynamicModule['imports'] } = {},
): Promise<AuthTestApp> {
  const context = await createTestContext({ instance: options.instance });
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const settings: Partial<AuthSettings> = { publicUrl: url, secureCookies: false, oidc: null, ...options.settings?.(url) };
  const app = await NestFactory.create<NestExpressApplication>(AuthTestAppModule.forRoot(context, settings, options.imports), { logger: ['error'], rawBody: true });
  await app.listen(port, '127.0.0.1');
  return {
    url,
    context,
    app,
    close: async () => {
      await app.close();
      await context.dispose();
    },
  };
}
