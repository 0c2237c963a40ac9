import type { InstanceConfig } from '@pilote/core';

/** A CSS colour a `<meta name="theme-color">` may carry (hex, rgb(), hsl() or a name): nothing that could close the attribute. */
const CSS_COLOR = /^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/]+\)|[a-zA-Z]+)$/;

/**
 * The instance's primary colour for the browser's bar: the instance's own token when it sets one,
 * else the primary colour of the theme package it extends (`@pilote/theme-<id>`) when installed.
 * Undefined otherwise: the browser keeps its own colour, nothing breaks.
 */
export function themeColorOf(theme: InstanceConfig['theme']): string | undefined {
  const own = primaryOf(theme.tokens);
  if (own) return own;
  for (const exported of Object.values(themePackage(theme.extends))) {
    const primary = primaryOf(exported);
    if (primary) return primary;
  }
  return undefined;
}

function primaryOf(tokens: unknown): string | undefined {
  const colors = (tokens as { colors?: { primary?: unknown } } | undefined)?.colors;
  const primary = colors?.primary;
  return typeof primary === 'string' && CSS_COLOR.test(primary.trim()) ? primary.trim() : undefined;
}

function themePackage(id: string): Record<string, unknown> {
  if (!/^[a-z0-9-]+$/.test(id)) return {}; // a theme folder of the instance: its tokens say their colour
  try {
    // Optional: an instance may install only its own theme.
    return require(`@pilote/theme-${id}`) as Record<string, unknown>;
  } catch {
    return {};
  }
}
