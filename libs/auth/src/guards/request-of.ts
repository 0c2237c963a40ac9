import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Request } from 'express';
import type { RequestIdentity } from '../identity/request-identity';

export type IdentifiedRequest = Request & { identity?: RequestIdentity };

export function isGraphql(context: ExecutionContext): boolean {
  return context.getType<GqlContextType>() === 'graphql';
}

export function requestOf(context: ExecutionContext): IdentifiedRequest {
  if (isGraphql(context)) return GqlExecutionContext.create(context).getContext<{ req: IdentifiedRequest }>().req;
  return context.switchToHttp().getRequest<IdentifiedRequest>();
}

export function argsOf(context: ExecutionContext): Record<string, unknown> {
  if (isGraphql(context)) return GqlExecutionContext.create(context).getArgs<Record<string, unknown>>();
  const req = context.switchToHttp().getRequest<Request>();
  return { ...(req.query as Record<string, unknown>), ...(req.params as Record<string, unknown>) };
}

/** A GraphQL mutation or a REST call that changes something. */
export function isMutation(context: ExecutionContext): boolean {
  if (isGraphql(context)) return GqlExecutionContext.create(context).getInfo<{ operation: { operation: string } }>().operation.operation === 'mutation';
  return !['GET', 'HEAD', 'OPTIONS'].includes(context.switchToHttp().getRequest<Request>().method);
}
