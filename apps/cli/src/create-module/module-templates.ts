/** The files of a new module package, as `relative path → content`. Kept small: a manifest, one widget, one test. */
export function moduleTemplates(id: string, kitVersion: string): Record<string, string> {
  const pascal = id.replace(/(^|-)([a-z0-9])/g, (_, __: string, c: string) => c.toUpperCase());
  const kitRange = `^${kitVersion}`;
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'package.json': json({
      name: `@pilote/module-${id}`,
      version: '0.1.0',
      private: true,
      license: 'EUPL-1.2',
      main: 'dist/index.js',
      types: 'dist/index.d.ts',
      dependencies: { '@pilote/module-sdk': '*' },
      exports: {
        '.': { types: './dist/index.d.ts', browser: './src/index.ts', default: './dist/index.js' },
        './common': { types: './dist/common/index.d.ts', browser: './src/common/index.ts', default: './dist/common/index.js' },
        './server': { types: './dist/server/index.d.ts', default: './dist/server/index.js' },
        './web': { types: './src/web/index.ts', default: './src/web/index.ts' },
        './package.json': './package.json',
      },
    }),
    'project.json': json({
      name: `module-${id}`,
      $schema: '../../node_modules/nx/schemas/project-schema.json',
      sourceRoot: `modules/${id}/src`,
      projectType: 'library',
      tags: ['scope:module', 'type:module'],
      implicitDependencies: ['module-sdk'],
      targets: {
        build: { command: `tsc -p modules/${id}/tsconfig.json` },
        typecheck: { command: `tsc -p modules/${id}/tsconfig.spec.json && tsc -p modules/${id}/tsconfig.web.json` },
        lint: { command: `eslint modules/${id}` },
        test: { command: `jest -c modules/${id}/jest.config.cjs`, inputs: ['default', '^production'] },
      },
    }),
    'tsconfig.json': json({
      extends: '../../tsconfig.base.json',
      compilerOptions: { rootDir: 'src', outDir: 'dist', types: ['node'] },
      include: ['src/**/*.ts', 'src/**/*.json'],
      exclude: ['src/**/*.spec.ts', 'src/**/*.integration-spec.ts', 'src/web/**'],
    }),
    'tsconfig.spec.json': json({ extends: '../../tsconfig.base.json', compilerOptions: { noEmit: true }, include: ['src/**/*.ts', 'test/**/*.ts'], exclude: ['src/web/**'] }),
    'tsconfig.web.json': json({
      extends: '../../libs/module-sdk/tsconfig.web.json',
      compilerOptions: {
        paths: {
          '@pilote/ui': ['../../libs/ui/src/index.ts'],
          '@pilote/theme-engine': ['../../libs/theme-engine/src/index.ts'],
          '@pilote/theme-engine/web': ['../../libs/theme-engine/src/web/index.ts'],
          '@pilote/i18n': ['../../libs/i18n/src/index.ts'],
          '@pilote/module-sdk': ['../../libs/module-sdk/src/index.ts'],
          '@pilote/module-sdk/web': ['../../libs/module-sdk/src/web/index.ts'],
        },
      },
      include: ['src/web/**/*.ts', 'src/web/**/*.tsx', 'src/common/**/*.ts', 'src/common/**/*.json'],
    }),
    'jest.config.cjs': `const { nodeProject } = require('../../jest.preset.cjs');\nmodule.exports = nodeProject('module-${id}', __dirname);\n`,
    'src/index.ts': `// The package's default export is its manifest (common part); ./server and ./web add theirs.\nexport { manifest as default } from './common';\nexport * from './common';\n`,
    'src/common/index.ts': `export * from './manifest';\nexport * from './settings.schema';\n`,
    'src/common/settings.schema.ts': `import { z } from 'zod';

// Apart from the manifest: the server entry adds it, so the browser's bundle never loads zod.
export const settingsSchema = z.object({
  /** Shown by the widget; an example of a setting validated at boot. */
  greeting: z.string().min(1).default('Bonjour'),
});

export type ${pascal}Settings = z.output<typeof settingsSchema>;
`,
    'src/common/manifest.ts': `import { defineModule } from '@pilote/module-sdk';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

export type { ${pascal}Settings } from './settings.schema';

/** The part of the manifest both the server and the browser read (settingsSchema: the server entry). */
export const manifest = defineModule({
  id: '${id}',
  version: '0.1.0',
  kitRange: '${kitRange}',
  displayName: { fr: '${id}', en: '${id}' },
  dependsOn: [],
  i18n: { fr, en },
});
`,
    'src/common/i18n/fr.json': json({ widget: { title: 'Module {{name}}' } }),
    'src/common/i18n/en.json': json({ widget: { title: '{{name}} module' } }),
    'src/server/index.ts': `import { defineModule, type ServerPart } from '@pilote/module-sdk/server';
import { manifest, type ${pascal}Settings } from '../common/manifest';
import { settingsSchema } from '../common/settings.schema';

/** Server part: add a Nest module, migrations, permissions, connectors here (see docs/modules/README.md). */
const server: ServerPart<${pascal}Settings> = {
  permissions: [],
};

export default defineModule({ ...manifest, settingsSchema, server });
`,
    'src/web/index.ts': `import { defineModule, ZONES, type WebPart } from '@pilote/module-sdk/web';
import { manifest } from '../common/manifest';
import { ${pascal}Widget } from './${pascal}Widget';

/** Web part: routes, nav items, widgets into zones, visualisations. */
const web: WebPart = {
  widgets: [{ id: '${id}-widget', zone: ZONES.homeAside, component: ${pascal}Widget }],
};

export default defineModule({ ...manifest, web });
`,
    [`src/web/${pascal}Widget.tsx`]: `import { Typography } from '@mui/material';
import type { ZoneWidgetProps } from '@pilote/module-sdk/web';
import { useTranslation } from 'react-i18next';

/** Drawn in the home page's side column. */
export function ${pascal}Widget(_props: ZoneWidgetProps) {
  const { t } = useTranslation('${id}');
  return <Typography component="p">{t('widget.title', { name: '${id}' })}</Typography>;
}
`,
    'src/server/manifest.spec.ts': `import { readKitVersion } from '@pilote/core';
import { validateModules } from '@pilote/module-sdk/server';
import manifest from './index';

describe('${id} manifest', () => {
  it('is valid for this kit, with its default settings', () => {
    const { modules, problems } = validateModules([{ id: '${id}' }], { kitVersion: readKitVersion(), resolve: () => ({ found: true, manifest }) });
    expect(problems).toEqual([]);
    expect(modules[0].settings).toEqual({ greeting: 'Bonjour' });
  });

  it('refuses settings that do not match its schema, naming the key', () => {
    const { problems } = validateModules([{ id: '${id}', settings: { greeting: '' } }], { kitVersion: readKitVersion(), resolve: () => ({ found: true, manifest }) });
    expect(problems.map((problem) => problem.path)).toEqual(['settings.greeting']);
  });
});
`,
    'README.md': `# Module \`${id}\`

What this module adds, in one sentence.

## Manifest

| key | value |
| --- | --- |
| id | \`${id}\` |
| package | \`@pilote/module-${id}\` |
| version | 0.1.0 |
| kitRange | \`${kitRange}\` |
| dependsOn | — |
| server | no Nest module yet, no migration, no permission |
| web | widget \`${id}-widget\` in zone \`home.aside\` |

## Settings

| key | type | default | meaning |
| --- | --- | --- | --- |
| greeting | string | \`Bonjour\` | an example setting |

## Enabling it

\`\`\`ts
// pilote.config.ts
modules: [{ id: '${id}', settings: { greeting: 'Salut' } }],
\`\`\`

## Developing

\`npx jest modules/${id}\` runs its tests; see docs/modules/README.md for the manifest, zones,
permissions, connectors and \`startTestKit\`.
`,
  };
}
