/** Files of a new instance folder: config, theme, data, help, environment, README. */
export function instanceTemplates(id: string, name: string): Record<string, string> {
  return {
    'pilote.config.ts': `/**
 * ${name}: the configuration of this PILOTE kit instance, validated at start (every error is
 * reported with its key). Environment variables override keys: PILOTE__DEMO_MODE=false.
 * Every key: https://… docs/operating/configuration.md of the kit.
 */
import type { InstanceConfigInput } from '@pilote/module-sdk';
import tokens from './theme/tokens.json';

export default {
  id: '${id}',
  name: { fr: '${name}', en: '${name}' },
  locales: ['fr', 'en'],
  defaultLocale: 'fr',
  theme: { extends: 'neutral', tokens },
  demoMode: true,
  territoryLevels: [
    { id: 'NAT', label: { fr: 'National', en: 'National' } },
    { id: 'REG', label: { fr: 'Région', en: 'Region' }, hasMap: true },
    { id: 'DEPT', label: { fr: 'Département', en: 'Département' }, hasMap: true },
  ],
  territories: { source: 'decoupage-administratif', levels: ['NAT', 'REG', 'DEPT'] },
  vocabulary: {
    fr: { policy: 'politique', policies: 'politiques' },
    en: { policy: 'policy', policies: 'policies' },
  },
  footerLinks: [],
  data: { referential: 'data/referential', seed: 'demo', directory: '.pilote' },
  modules: [{ id: 'help-centre', settings: { folder: 'help' } }],
} satisfies InstanceConfigInput;
`,
    'theme/tokens.json': `${JSON.stringify({ label: name, colors: { primary: '#1f4e8c', onPrimary: '#ffffff' }, logos: { light: '/instance-assets/logo.svg' }, favicon: '/instance-assets/logo.svg' }, null, 2)}\n`,
    'theme/logo.svg': `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40" role="img" aria-label="${name}"><rect width="40" height="40" rx="8" fill="#1f4e8c"/><path d="M10 28 L18 16 L24 22 L30 12" fill="none" stroke="#ffffff" stroke-width="3" stroke-linecap="round"/></svg>\n`,
    'data/referential/taxonomies.yaml': `# Groupings of the policies (ministries, axes). Format: the kit's docs/operating (referential).\n- { id: axe-1, kind: ministry, label: Premier axe }\n`,
    'data/referential/policies.yaml': `# The policies this instance follows.\n- id: POL-1\n  name: Première politique\n  kind: priority-reform\n  status: published\n  description: Décrivez ici l'objectif de la politique.\n  owners:\n    - { name: Prénom Nom, email: prenom.nom@example.org, role: Responsable }\n  levels: [ NAT, REG, DEPT ]\n  taxonomies: [ axe-1 ]\n`,
    'data/referential/indicators.yaml': `# Indicators, with the level where each value is entered and how it is aggregated above.\n- id: IND-1\n  policy: POL-1\n  name: Premier indicateur\n  type: impact\n  unit: "%"\n  direction: rising\n  source: À préciser\n  method: À préciser\n  periodicity: quarterly\n  availabilityDelayDays: 30\n  levels:\n    NAT: { weight: 1, VI: aggregated, VA: aggregated, VC: entered, aggregation: mean }\n    REG: { weight: 1, VI: aggregated, VA: aggregated, VC: aggregated, aggregation: mean }\n    DEPT: { weight: 1, VI: entered, VA: entered, VC: entered }\n`,
    'help/bienvenue.md': `---\ntitle: Bienvenue\nkeywords: [aide, démarrer]\npages: [home]\n---\nCette aide est écrite par l'équipe de l'instance, en Markdown, dans le dossier \`help/\`.\n`,
    '.env.example': `# Copy to .env (never commit it). Unset DATABASE_URL = embedded database in .pilote/.\n# DATABASE_URL=postgres://pilote:secret@localhost:5432/pilote\nPORT=3000\n# NODE_ENV=production   # refuses demoMode: set PILOTE__DEMO_MODE=false\n# OIDC_ISSUER=https://…\n# OIDC_CLIENT_ID=…\n# OIDC_CLIENT_SECRET=…\n# SECRET_SESSION=change-me\n`,
    '.gitignore': `.pilote/\n.env\nnode_modules/\n`,
    '.dockerignore': `.pilote/\n.env\nnode_modules/\n.git/\n`,
    // The image installs the published kit packages; nothing comes from the kit's repository.
    Dockerfile: `# ${name}: an image from the published PILOTE kit packages plus this folder.
#   docker build -t ${id} .        (--build-arg NPM_REGISTRY=<url> if the kit is published on your registry)
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e PILOTE__DEMO_MODE=false ${id}
FROM node:20-bookworm-slim
ARG NPM_REGISTRY=https://registry.npmjs.org/
ENV NODE_ENV=production PORT=3000 PILOTE__DATA__DIRECTORY=/data \\
    npm_config_registry=\${NPM_REGISTRY} npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
WORKDIR /instance
COPY package*.json ./
RUN if [ -f package-lock.json ]; then npm ci --omit=dev; else npm install --omit=dev; fi && npm cache clean --force
COPY . .
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \\
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "node_modules/@pilote/cli/bin/pilote.cjs", "start", "--instance", "."]
`,
    'package.json': `${JSON.stringify(
      {
        name: `${id}-instance`,
        private: true,
        scripts: { start: 'pilote start --instance .', migrate: 'pilote migrate --instance .', doctor: 'pilote doctor --instance .' },
        dependencies: { '@pilote/cli': '^0.1.0', '@pilote/module-sdk': '^0.1.0', '@pilote/module-help-centre': '^0.1.0' },
      },
      null,
      2,
    )}\n`,
    'README.md': `# ${name}

A PILOTE kit instance: configuration, theme, data and help. The kit itself is a dependency.

| path | what |
| --- | --- |
| \`pilote.config.ts\` | name, languages, theme, territory levels, vocabulary, modules |
| \`theme/\` | design tokens (\`tokens.json\`) and logos, served at \`/instance-assets/\` |
| \`data/referential/\` | policies, indicators, groupings (YAML) |
| \`help/\` | help articles in Markdown (module help-centre) |
| \`.env.example\` | environment variables (copy to \`.env\`) |
| \`Dockerfile\` | an image: the published kit packages plus this folder |

## Start

- **With the published packages**: \`npm install\`, then \`npm start\` (runs \`pilote start --instance .\`;
  the embedded database lives in \`.pilote/\`).
- **Inside the kit's repository** (before the packages are published): from the repository root,
  \`npm start -- --instance <this folder>\`.

Open http://localhost:3000. \`npx pilote doctor\` (from this folder) checks the configuration, the
database and the build. Production: set \`DATABASE_URL\` and \`NODE_ENV=production\`, turn demo mode
off (\`PILOTE__DEMO_MODE=false\`), and read the kit's docs/operating/deploying.md; \`Dockerfile\` builds an
image from the published packages and this folder.

## Upgrade

Stop the instance, back up the database (or \`.pilote/\`), then from this folder:

\`\`\`sh
npx pilote upgrade               # the newest kit version (or: --to <version>)
\`\`\`

It sets the kit packages of \`package.json\` to that version and installs them, applies the
database migrations (all in one transaction: if one fails, the database and the packages stay as
they were) and runs \`npx pilote doctor\`. Doctor names every configuration key the kit renamed
or removed with what to do (e.g. \`! Configuration: X was renamed to Y in 0.2.0: rename it in
pilote.config.ts\`) and says when migrations are pending. Then \`npm start\`. Modules made
outside the kit are left as they are: upgrade them if their \`kitRange\` excludes the new version.
Details: the kit's docs/upgrading.

## Excel files

Importing \`.xlsx\` files needs the Excel reader, installed only where wanted:
\`npm install exceljs@4.4.0\` in this folder (CSV works without it).
`,
  };
}
