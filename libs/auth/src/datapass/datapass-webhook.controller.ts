import { Controller, HttpCode, HttpException, Inject, NotFoundException, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import { AUTH_SETTINGS } from '../auth.tokens';
import type { AuthSettings } from '../config/auth-settings';
import { AuthError } from '../errors/auth-error';
import { authEvents } from '../events/auth-events';
import { Public, SkipCsrf } from '../guards/can.decorator';
import { quotaSettingsOf } from '../rights/quotas-of';
import { parseDatapassPayload } from './datapass-payload';
import { applyDatapassAction } from './datapass.service';
import { isValidSignature } from './webhook-signature';

async function rawBodyOf(req: Request): Promise<Buffer> {
  const captured = (req as Request & { rawBody?: Buffer }).rawBody;
  if (captured) return captured;
  // Not JSON (or the host parsed nothing): the stream is still unread.
  if (!req.readableEnded && req.readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks);
  }
  throw new Error('The raw request body is not available: create the Nest app with { rawBody: true }.');
}

/**
 * `POST /api/v1/datapass/webhook`: DataPass tells the instance a request was validated or
 * revoked. Exists only when DATAPASS_WEBHOOK_SECRET is set; every call must be signed with it.
 */
@Controller('api/v1/datapass')
export class DatapassWebhookController {
  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  @Post('webhook')
  @Public('called by DataPass; authenticated by the HMAC signature of the body, checked in the handler')
  @SkipCsrf()
  @HttpCode(200)
  async receive(@Req() req: Request) {
    const secret = this.settings.datapassWebhookSecret;
    if (!secret) throw new NotFoundException({ error: 'NOT_FOUND', message: 'There is no DataPass webhook on this instance.' });
    const raw = await rawBodyOf(req);
    if (!isValidSignature(secret, raw, req.headers['x-hub-signature-256'])) {
      throw new HttpException({ error: 'SIGNATURE_INVALID', message: 'The X-Hub-Signature-256 header must be "sha256=" + the HMAC-SHA256 of the raw body with the shared secret.' }, 401);
    }
    try {
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new AuthError(400, 'BAD_USER_INPUT', 'The DataPass payload is not valid JSON.', 'body');
      }
      const action = parseDatapassPayload(body);
      const outcome = await this.kit.dataSource.transaction((manager) => applyDatapassAction(manager, action, quotaSettingsOf(this.kit)));
      if (outcome.status === 'granted') {
        void authEvents.emit('access-request.decided', outcome.event);
        return { status: outcome.status, assignmentId: outcome.assignmentId };
      }
      return outcome;
    } catch (error) {
      if (error instanceof AuthError) throw new HttpException(error.toJSON(), error.status);
      throw error;
    }
  }
}
