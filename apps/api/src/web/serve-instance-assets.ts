import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

export const INSTANCE_ASSETS_PATH = '/instance-assets';

/**
 * Serves the instance's `theme/` folder (logos, favicon, fonts) at /instance-assets/, so that
 * theme tokens can say `logos: { light: '/instance-assets/logo.svg' }`. Dotfiles are never served.
 */
export function serveInstanceAssets(app: Express, instanceDirectory: string): void {
  const folder = path.join(instanceDirectory, 'theme');
  if (!existsSync(folder)) return;
  app.use(INSTANCE_ASSETS_PATH, express.static(folder, { dotfiles: 'deny', index: false, maxAge: '1h', fallthrough: false }));
}
