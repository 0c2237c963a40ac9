import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, type GraphQLNamedType, isInterfaceType, isObjectType, isUnionType, type GraphQLSchema } from 'graphql';
import { ACCESS_METADATA, type AccessSpec } from '@pilote/core';

/** One operation of the running app, and what it declares (undefined: nothing, so refused). */
export interface WalkedOperation {
  kind: 'query' | 'mutation' | 'route';
  /** `Query.home`, `Mutation.createApiToken`, `GET /api/v1/imports`. */
  name: string;
  /** The Nest handler (`DashboardResolver.home`), or null when no Nest handler backs it. */
  handler: string | null;
  access: AccessSpec | undefined;
}

// @nestjs/graphql's metadata keys (graphql.constants, not exported from the package root).
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const RESOLVER_NAME_METADATA = 'graphql:resolver_name';
const RESOLVER_PROPERTY_METADATA = 'graphql:resolve_property';
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH', 'PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK'];

type Handler = { owner: string; method: string; fn: (...args: unknown[]) => unknown; cls: object };

/**
 * Every GraphQL root field of the built schema and every route of the Express router, each with
 * the declaration the global guard will read (same lookup: handler, then class). Walks the live
 * app, not a list: an operation added anywhere (core, library, module) shows up here.
 */
export function walkOperations(app: INestApplication): WalkedOperation[] {
  const handlers = nestHandlers(app);
  return [...walkSchema(app, handlers), ...walkRouter(app, handlers)];
}

/**
 * The permission walk's failures: Nest operations that declare nothing, and router routes with no
 * Nest handler (outside the guard) that answer anything but 404 when probed anonymously — Nest
 * middleware bound to a method shows up as such a route, but only passes the request on.
 */
export async function undeclaredOperations(app: INestApplication, baseUrl: string): Promise<WalkedOperation[]> {
  const failures: WalkedOperation[] = [];
  for (const operation of walkOperations(app)) {
    if (operation.handler !== null) {
      if (operation.access === undefined) failures.push(operation);
      continue;
    }
    if (operation.kind === 'route' && (await probe(baseUrl, operation.name)) === 404) continue;
    failures.push(operation);
  }
  return failures;
}

/** Status of an anonymous request to a route, its parameters filled with a placeholder. */
async function probe(baseUrl: string, name: string): Promise<number> {
  const [method, path] = name.split(' ');
  const url = path.replace(/\{\*\w+\}|\*\w*|:\w+/g, 'probe').replace(/[{}]/g, '');
  const response = await fetch(`${baseUrl}${url}`, { method: method === 'ALL' ? 'GET' : method, redirect: 'manual' });
  await response.arrayBuffer();
  return response.status;
}

function accessOf(handler: Handler | undefined): AccessSpec | undefined {
  if (!handler) return undefined;
  return (Reflect.getMetadata(ACCESS_METADATA, handler.fn) ?? Reflect.getMetadata(ACCESS_METADATA, handler.cls)) as AccessSpec | undefined;
}

/** Methods of every provider and controller of every Nest module of the app. */
function nestHandlers(app: INestApplication): { resolvers: Map<string, Handler>; routes: Map<string, Handler>; fields: Map<string, Handler> } {
  const resolvers = new Map<string, Handler>();
  const routes = new Map<string, Handler>();
  const fields = new Map<string, Handler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of [...module.providers.values(), ...module.controllers.values()]) {
      const cls = wrapper.metatype as (new (...args: unknown[]) => object) | null;
      if (!cls || typeof cls !== 'function' || !cls.prototype) continue;
      const isController = module.controllers.has(wrapper.token);
      for (const method of methodsOf(cls.prototype)) {
        const fn = (cls.prototype as Record<string, (...args: unknown[]) => unknown>)[method];
        const handler = { owner: cls.name, method, fn, cls };
        const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, fn) as string | undefined;
        const field = (Reflect.getMetadata(RESOLVER_NAME_METADATA, fn) as string | undefined) ?? method;
        if (type === 'Query' || type === 'Mutation') resolvers.set(`${type}.${field}`, handler);
        if (Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, fn) === true) fields.set(`${String(Reflect.getMetadata(RESOLVER_TYPE_METADATA, cls))}.${field}`, handler);
        if (isController && Reflect.hasMetadata(METHOD_METADATA, fn)) {
          for (const path of routePaths(cls, fn)) routes.set(`${HTTP_METHODS[Reflect.getMetadata(METHOD_METADATA, fn) as number]} ${path}`, handler);
        }
      }
    }
  }
  return { resolvers, routes, fields };
}

function methodsOf(prototype: object): string[] {
  const names = new Set<string>();
  for (let proto = prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(proto, name)?.value === 'function') names.add(name);
    }
  }
  return [...names];
}

/** `/prefix/path` for every combination of the controller's and the method's paths. */
function routePaths(cls: object, fn: object): string[] {
  const list = (value: unknown) => (Array.isArray(value) ? value : [value ?? '']).map(String);
  return list(Reflect.getMetadata(PATH_METADATA, cls)).flatMap((prefix) => list(Reflect.getMetadata(PATH_METADATA, fn)).map((path) => normalise(`/${prefix}/${path}`)));
}

function normalise(path: string): string {
  const clean = path.replace(/\/+/g, '/');
  return clean.length > 1 ? clean.replace(/\/$/, '') : clean;
}

function walkSchema(app: INestApplication, { resolvers }: { resolvers: Map<string, Handler> }): WalkedOperation[] {
  const schema = app.get(GraphQLSchemaHost).schema;
  const operations: WalkedOperation[] = [];
  for (const [kind, type] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    if (!type) continue;
    const typeName = kind === 'query' ? 'Query' : 'Mutation';
    for (const field of Object.keys(type.getFields()).sort()) {
      const handler = resolvers.get(`${typeName}.${field}`);
      operations.push({ kind, name: `${typeName}.${field}`, handler: handler ? `${handler.owner}.${handler.method}` : null, access: accessOf(handler) });
    }
  }
  return operations;
}

interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/** Routes of the Express router (Express 5: `app.router`): Nest's, and any added to Express directly. */
function walkRouter(app: INestApplication, { routes }: { routes: Map<string, Handler> }): WalkedOperation[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: RouterLayer[] }; _router?: { stack: RouterLayer[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const operations: WalkedOperation[] = [];
  for (const layer of stack) {
    if (!layer.route) continue; // middleware (static files, GraphQL endpoint, body parsers): not a route
    for (const path of Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path]) {
      for (const method of Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m])) {
        const name = `${method === '_all' ? 'ALL' : method.toUpperCase()} ${normalise(path)}`;
        const handler = routes.get(name);
        operations.push({ kind: 'route', name, handler: handler ? `${handler.owner}.${handler.method}` : null, access: accessOf(handler) });
      }
    }
  }
  return operations;
}

/** A field with its own resolver (`@ResolveField`), and the weakest root declarations that reach its type. */
export interface ReachedFieldResolver {
  /** `Policy.indicators`. */
  name: string;
  handler: string | null;
  /** Its own mark: only `@Public(reason)` means something here (the guard does not run on fields). */
  access: AccessSpec | undefined;
  /** Root operations declared `@Public` or `@SignedIn` whose answer can contain this field. */
  reachedFromWeakerRoots: string[];
}

/**
 * Field resolvers run without the guard: they inherit the check of the root operation that
 * returned their parent. One reachable from a `@Public` or `@SignedIn` root would show its data
 * to whoever may call that root, so it must say so with `@Public(reason)`; the walk lists those
 * that do not (`reachedFromWeakerRoots` non-empty and no public mark).
 */
export function walkFieldResolvers(app: INestApplication): ReachedFieldResolver[] {
  const { fields } = nestHandlers(app);
  const schema = app.get(GraphQLSchemaHost).schema;
  const operations = walkSchema(app, nestHandlers(app));
  const weakerRootsOf = new Map<string, Set<string>>();
  for (const operation of operations) {
    if (operation.access?.kind === 'can') continue;
    const [typeName, fieldName] = operation.name.split('.');
    const root = typeName === 'Query' ? schema.getQueryType() : schema.getMutationType();
    const returned = root?.getFields()[fieldName]?.type;
    if (!returned) continue;
    for (const reached of reachableTypes(schema, getNamedType(returned))) {
      if (!weakerRootsOf.has(reached)) weakerRootsOf.set(reached, new Set());
      weakerRootsOf.get(reached)!.add(operation.name);
    }
  }
  // Nest wraps every field of the schema, so field resolvers are found from their metadata.
  const result: ReachedFieldResolver[] = [];
  for (const [name, handler] of fields) {
    const typeName = name.slice(0, name.indexOf('.'));
    // A parent type the schema does not know is reported as reached from everywhere (checked by hand).
    const reached = schema.getType(typeName) ? [...(weakerRootsOf.get(typeName) ?? [])].sort() : [`unknown type ${typeName}`];
    result.push({ name, handler: `${handler.owner}.${handler.method}`, access: accessOf(handler), reachedFromWeakerRoots: reached });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name));
}

/** Output types reachable from a type through fields, lists, unions and interfaces. */
function reachableTypes(schema: GraphQLSchema, start: GraphQLNamedType): Set<string> {
  const seen = new Set<string>();
  const queue: GraphQLNamedType[] = [start];
  while (queue.length > 0) {
    const type = queue.pop()!;
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    if (isObjectType(type) || isInterfaceType(type)) for (const field of Object.values(type.getFields())) queue.push(getNamedType(field.type));
    if (isUnionType(type)) queue.push(...type.getTypes());
    if (isInterfaceType(type)) queue.push(...schema.getPossibleTypes(type));
  }
  return seen;
}
