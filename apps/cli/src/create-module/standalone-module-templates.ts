/**
 * The files of a module package made outside the kit's repository (ADR 029): it depends on the
 * published @pilote/module-sdk only, `npm run build` writes dist/ (server part for Node, web part
 * as one ES module the instance serves), `npm test` builds then runs node:test on the result.
 */
export function standaloneModuleTemplates(id: string, kitVersion: string, ownPackageName?: string): Record<string, string> {
  const pascal = id.replace(/(^|-)([a-z0-9])/g, (_, __: string, c: string) => c.toUpperCase());
  const kitRange = `^${kitVersion}`;
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  // A third party publishes under its own scope; the instance then names the package in its config.
  const packageName = ownPackageName ?? `@pilote/module-${id}`;
  const configEntry = ownPackageName ? `{ id: '${id}', package: '${ownPackageName}', settings: { greeting: 'Salut' } }` : `{ id: '${id}', settings: { greeting: 'Salut' } }`;
  return {
    'package.json': json({
      name: packageName,
      version: '0.1.0',
      license: 'EUPL-1.2',
      files: ['dist', 'README.md'],
      main: 'dist/index.js',
      exports: {
        '.': './dist/index.js',
        './server': './dist/server/index.js',
        './web': './dist/web/index.js',
        './package.json': './package.json',
      },
      scripts: {
        build: 'pilote-module build',
        watch: 'pilote-module watch',
        test: 'pilote-module build && node --test test/',
        prepublishOnly: 'npm test',
      },
      dependencies: { '@pilote/module-sdk': kitVersion, zod: '4.6.7' },
      // The web part's React, MUI and i18next are the instance's (shared at run time): not installed here.
      devDependencies: { rolldown: '1.2.19' },
    }),
    '.gitignore': 'node_modules/\ndist/\n',
    'src/index.ts': `// The package's default export is its manifest (common part); ./server and ./web add theirs.\nexport { manifest as default } from './common/manifest';\nexport * from './common/manifest';\n`,
    'src/common/settings.schema.ts': `import { z } from 'zod';

// Apart from the manifest: the server entry adds it, so the web part never carries zod.
export const settingsSchema = z.object({
  /** Shown by the widget; an example of a setting validated at boot. */
  greeting: z.string().min(1).default('Bonjour'),
});

export type ${pascal}Settings = z.output<typeof settingsSchema>;
`,
    'src/common/manifest.ts': `import { defineModule } from '@pilote/module-sdk';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** The part of the manifest both the server and the browser read (settingsSchema: the server entry). */
export const manifest = defineModule({
  id: '${id}',
  version: '0.1.0',
  kitRange: '${kitRange}',
  displayName: { fr: '${id}', en: '${id}' },
  dependsOn: [],
  publicSettings: ['greeting'],
  i18n: { fr, en },
});
`,
    'src/common/i18n/fr.json': json({ widget: { title: 'Module {{name}}', greeting: '{{greeting}} depuis le module {{name}}' } }),
    'src/common/i18n/en.json': json({ widget: { title: '{{name}} module', greeting: '{{greeting}} from the {{name}} module' } }),
    'src/server/index.ts': `import { defineModule, type ServerPart } from '@pilote/module-sdk/server';
import { manifest } from '../common/manifest';
import { settingsSchema, type ${pascal}Settings } from '../common/settings.schema';

/** Server part: add a Nest module, migrations, permissions, connectors here (docs/modules/README.md). */
const server: ServerPart<${pascal}Settings> = {
  permissions: [],
};

export default defineModule({ ...manifest, settingsSchema, server });
`,
    'src/web/index.ts': `import { defineModule, ZONES, type WebPart } from '@pilote/module-sdk/web';
import { manifest } from '../common/manifest';
import { ${pascal}Widget } from './${pascal}Widget';

/** Web part: routes, nav items, widgets into zones, visualisations (built to dist/web/index.js). */
const web: WebPart = {
  widgets: [{ id: '${id}-widget', zone: ZONES.homeAside, component: ${pascal}Widget }],
};

export default defineModule({ ...manifest, web });
`,
    [`src/web/${pascal}Widget.tsx`]: `import { Typography } from '@mui/material';
import { useModuleSettings, type ZoneWidgetProps } from '@pilote/module-sdk/web';
import { useTranslation } from 'react-i18next';

/** Drawn in the home page's side column; React, MUI and i18next are the instance's own. */
export function ${pascal}Widget(_props: ZoneWidgetProps) {
  const { t } = useTranslation('${id}');
  const settings = useModuleSettings<{ greeting?: string }>('${id}');
  return (
    <Typography component="p" data-module="${id}">
      {t('widget.greeting', { name: '${id}', greeting: settings?.greeting ?? 'Bonjour' })}
    </Typography>
  );
}
`,
    'test/manifest.test.cjs': `// npm test: builds the module, then checks what an instance will load (node:test, no other tool).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { validateModules, SHARED_SCOPE_GLOBAL } = require('@pilote/module-sdk/server');
const kitVersion = require('@pilote/module-sdk/package.json').version;
const manifest = require('../dist/server/index.js').default;

const resolve = () => ({ found: true, manifest });

test('the manifest is valid for this kit, with its default settings', () => {
  const { modules, problems } = validateModules([{ id: '${id}' }], { kitVersion, resolve });
  assert.deepEqual(problems, []);
  assert.deepEqual(modules[0].settings, { greeting: 'Bonjour' });
});

test('settings that do not match the schema are refused, naming the key', () => {
  const { problems } = validateModules([{ id: '${id}', settings: { greeting: '' } }], { kitVersion, resolve });
  assert.deepEqual(problems.map((problem) => problem.path), ['settings.greeting']);
});

test('the web part is one ES module reading React and MUI from the page, not bundling them', () => {
  const code = readFileSync(path.join(__dirname, '../dist/web/index.js'), 'utf8');
  assert.ok(code.includes(SHARED_SCOPE_GLOBAL), 'reads the shared scope');
  assert.ok(!code.includes('react.production'), 'carries no copy of React');
  assert.ok(/export\\s*\\{/.test(code), 'is an ES module');
});
`,
    'README.md': `# Module \`${id}\`

What this module adds, in one sentence.

## Manifest

| key | value |
| --- | --- |
| id | \`${id}\` |
| package | \`${packageName}\` |
| version | 0.1.0 |
| kitRange | \`${kitRange}\` |
| dependsOn | — |
| server | no Nest module yet, no migration, no permission |
| web | widget \`${id}-widget\` in zone \`home.aside\` (pre-built in \`dist/web/index.js\`) |

## Settings

| key | type | default | public | meaning |
| --- | --- | --- | --- | --- |
| greeting | string | \`Bonjour\` | yes (the widget shows it) | an example setting |

## Developing

- \`npm install\` then \`npm test\`: builds \`dist/\` and checks the manifest and the web part.
- \`npm run build\`: \`dist/index.js\` and \`dist/server/index.js\` for the server, \`dist/web/index.js\`
  for the browser (React, MUI, i18next and \`@pilote/module-sdk/web\` come from the instance).
- \`npm run watch -- --into ../my-instance\`: rebuilds the web part at each change into the copy
  installed in that instance (install it there first); reload the page to see it.

## Using it in an instance

\`\`\`sh
npm publish                      # to your registry
cd ../my-instance && npm install ${packageName}
\`\`\`

Then add it to the instance's \`pilote.config.ts\` and restart (\`npm start\`):

\`\`\`ts
modules: [${configEntry}],
\`\`\`

A package not named \`@pilote/module-${id}\` is found through \`package\` in that entry.

The instance serves the web part from the installed package: no rebuild of the kit. To try it before
publishing: \`npm pack\` here, then \`npm install ../${id}/<the .tgz>\` in the instance (installing the
folder itself would load a second copy of the kit from this folder's node_modules).
`,
  };
}
