/**
 * What a module's pre-built web part (`dist/web/index.js`) takes from the kit's web app instead of
 * bundling its own copy (ADR 029): one React, one MUI theme, one i18next, one widget registry.
 * The web app puts these packages on `globalThis[SHARED_SCOPE_GLOBAL]` before importing a module;
 * `pilote-module build` turns each import of them into a read of that object.
 */
export const SHARED_SCOPE_GLOBAL = '__PILOTE_SHARED__';

/** Packages shared by the kit; a subpath of one (`@mui/material/Button`) reads the same object. */
export const SHARED_PACKAGES = [
  'react',
  'react/jsx-runtime',
  'react-dom',
  '@mui/material',
  'react-i18next',
  'i18next',
  'react-router',
  '@pilote/ui',
  '@pilote/module-sdk/web',
  '@pilote/module-sdk',
  '@pilote/module-sdk/common',
] as const;

export type SharedPackage = (typeof SHARED_PACKAGES)[number];

/** The shared package an import specifier reads, and its subpath (`Button` for `@mui/material/Button`). */
export function sharedPackageOf(specifier: string): { name: SharedPackage; subpath?: string } | undefined {
  if ((SHARED_PACKAGES as readonly string[]).includes(specifier)) return { name: specifier as SharedPackage };
  // Deep imports of MUI (`@mui/material/Button`, `@mui/material/styles`) are re-exported by its root.
  const deep = /^@mui\/material\/([A-Za-z]+)$/.exec(specifier);
  return deep ? { name: '@mui/material', subpath: deep[1] } : undefined;
}
