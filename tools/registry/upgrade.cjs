// Part of `npm run test:registry` (called from run.cjs): an instance upgraded as docs/upgrading says.
// The instance installed from the registry (kit 0.1.0, the repository's build) runs once on a
// PostgreSQL database of its own (demo data seeded). Then, in a temporary copy of the published
// packages, never in the repository: kit 0.2.0 = every version bumped, one new core migration
// (table upgrade_probe, column territory.upgrade_note) and footerLinks renamed to footer.links
// (the schema reads only footer.links; renamed-keys.ts says the former key is still read).
// `npx pilote upgrade` in the instance must: install 0.2.0, apply the migration, keep the data,
// name the renamed key with what to do (doctor), and the instance starts on 0.2.0 with its link.
// Then kit 0.3.0 whose second new migration fails: `npx pilote upgrade --to 0.3.0` must fail with
// the migration's name, leave the database unchanged (no table of its first migration) and put the
// 0.2.0 packages back.
const { spawnSync } = require('node:child_process');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { withManifestVersion } = require('../scripts/module-manifest-versions.cjs');

const LINK = { label: { fr: 'Mentions légales', en: 'Legal notice' }, href: '/mentions-legales' };

/** The published packages of the kit, unpacked from `npm pack` (what `npm publish` sends). */
function unpackKit(root, into, run, env) {
  fs.mkdirSync(into, { recursive: true });
  const tarballs = path.join(into, '.tarballs');
  fs.mkdirSync(tarballs);
  run('npm', ['pack', '--workspaces', '--ignore-scripts', '--pack-destination', tarballs, '--silent'], { cwd: root, env });
  const dirs = [];
  for (const file of fs.readdirSync(tarballs)) {
    const dir = path.join(into, file.replace(/\.tgz$/, ''));
    fs.mkdirSync(dir);
    run('tar', ['-xzf', path.join(tarballs, file), '-C', dir, '--strip-components=1'], { cwd: into, env });
    dirs.push(dir);
  }
  fs.rmSync(tarballs, { recursive: true });
  // Examples are packed too but never published.
  return dirs.filter((dir) => !JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).private);
}

/** A copy of a kit version's packages at `version`: every kit dependency bumped along. */
function bumpedCopy(fromDirs, into, version) {
  fs.mkdirSync(into, { recursive: true });
  return fromDirs.map((from) => {
    const dir = path.join(into, path.basename(from));
    fs.cpSync(from, dir, { recursive: true });
    const file = path.join(dir, 'package.json');
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    const previous = manifest.version;
    manifest.version = version;
    for (const field of ['dependencies', 'peerDependencies', 'devDependencies', 'optionalDependencies']) {
      for (const name of Object.keys(manifest[field] ?? {})) {
        if (name.startsWith('@pilote/') || name === 'create-pilote-instance') manifest[field][name] = version;
      }
    }
    fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    // The kit's modules say which kit they are made for: `npm run version-packages` keeps that in step.
    if (manifest.name.startsWith('@pilote/module-') && manifest.name !== '@pilote/module-sdk') {
      for (const file of ['dist/common/manifest.js', 'src/common/manifest.ts'].map((relative) => path.join(dir, relative)).filter((file) => fs.existsSync(file))) {
        fs.writeFileSync(file, withManifestVersion(fs.readFileSync(file, 'utf8'), version));
      }
    }
    if (manifest.name === 'create-pilote-instance') {
      const templates = path.join(dir, 'dist', 'instance-templates.js');
      fs.writeFileSync(templates, fs.readFileSync(templates, 'utf8').replaceAll(`^${previous}`, `^${version}`));
    }
    return dir;
  });
}

function coreDir(dirs) {
  return dirs.find((dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === '@pilote/core');
}

/** Adds compiled migrations to @pilote/core's list (dist/database/migrations). */
function addMigrations(core, migrations) {
  const folder = path.join(core, 'dist', 'database', 'migrations');
  const index = path.join(folder, 'index.js');
  assert.match(fs.readFileSync(index, 'utf8'), /exports\.coreMigrations = \[/, '@pilote/core dist/database/migrations/index.js no longer exports coreMigrations as expected');
  for (const { name, up } of migrations) {
    fs.writeFileSync(path.join(folder, `${name}.migration.js`), [
      '"use strict";',
      `class ${name} {`,
      `  name = '${name}';`,
      `  async up(q) { ${up.map((sql) => `await q.query(${JSON.stringify(sql)});`).join(' ')} }`,
      '  async down() {}',
      '}',
      `exports.${name} = ${name};`,
      '',
    ].join('\n'));
    fs.appendFileSync(index, `\nexports.coreMigrations.push(require('./${name}.migration').${name});\n`);
  }
}

/** 0.2.0 renames footerLinks to footer.links: the schema reads the new key only, the table says so. */
function renameFooterLinks(core) {
  const schema = path.join(core, 'dist', 'config', 'instance-config.schema.js');
  assert.match(fs.readFileSync(schema, 'utf8'), /exports\.instanceConfigSchema = zod_1\.z\.object\(/);
  fs.appendFileSync(schema, [
    '',
    '// 0.2.0: footerLinks is written footer.links.',
    'const readUntil020 = exports.instanceConfigSchema;',
    'exports.instanceConfigSchema = zod_1.z.preprocess((raw) => {',
    "  if (!raw || typeof raw !== 'object') return raw;",
    '  const { footer, footerLinks, ...rest } = raw;',
    '  return { ...rest, footerLinks: footer && footer.links };',
    '}, readUntil020);',
    '',
  ].join('\n'));
  const table = path.join(core, 'dist', 'config', 'renamed-keys.js');
  assert.match(fs.readFileSync(table, 'utf8'), /exports\.RENAMED_KEYS = \[/);
  fs.appendFileSync(table, "\nexports.RENAMED_KEYS.push({ from: 'footerLinks', to: 'footer.links', since: '0.2.0', status: 'read' });\n");
}

/** Runs a command that may fail; returns its exit code and output. */
function attempt(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60_000, ...options });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function installedVersion(instance, name) {
  return JSON.parse(fs.readFileSync(path.join(instance, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/**
 * @param {{ root: string, work: string, registry: { url: string }, env: NodeJS.ProcessEnv, instance: string,
 *   step: Function, run: Function, startInstance: Function }} harness
 */
async function upgradeScenario({ root, work, registry, env, instance, step, run, startInstance }) {
  const pg = ['-h', process.env.PGHOST ?? '127.0.0.1', '-p', process.env.PGPORT ?? '5432', '-U', process.env.PGUSER ?? 'postgres'];
  if (spawnSync('pg_isready', pg.slice(0, 4)).status !== 0) {
    if (process.env.CI) throw new Error('PostgreSQL is not reachable: the upgrade test needs it in CI');
    console.log('▸ upgrade: skipped (no PostgreSQL server on this machine)');
    return;
  }
  const database = `pilote_upgrade_${Date.now()}_${process.pid}`;
  run('createdb', [...pg, database], { cwd: instance });
  const sql = (query) => run('psql', [...pg, '-d', database, '-tAc', query], { cwd: instance }).trim();
  const withDatabase = { ...env, DATABASE_URL: `postgres://${pg[5]}@${pg[1]}:${pg[3]}/${database}` };
  const configFile = path.join(instance, 'pilote.config.ts');
  const originalConfig = fs.readFileSync(configFile, 'utf8');
  try {
    // The instance as an administration has it: a footer link, started once, data in its database.
    assert.match(originalConfig, /footerLinks: \[\],/);
    fs.writeFileSync(configFile, originalConfig.replace('footerLinks: [],', `footerLinks: [${JSON.stringify(LINK)}],`));
    await step('upgrade: first start on 0.1.0 (PostgreSQL)', async () => {
      const server = await startInstance(instance, withDatabase);
      await server.stop();
    });
    const before = { territories: sql('SELECT count(*) FROM territory'), measures: sql('SELECT count(*) FROM measure'), migrations: sql('SELECT count(*) FROM pilote_migrations') };
    assert.ok(Number(before.territories) > 0 && Number(before.measures) > 0, `the first start seeds demo data (${JSON.stringify(before)})`);

    const v010 = await step('upgrade: npm pack the published kit', () => unpackKit(root, path.join(work, 'kit-0.1.0'), run, env));
    const v020 = bumpedCopy(v010, path.join(work, 'kit-0.2.0'), '0.2.0');
    addMigrations(coreDir(v020), [{ name: 'UpgradeProbe1799000000000', up: ['CREATE TABLE upgrade_probe (id int PRIMARY KEY, note text)', "INSERT INTO upgrade_probe VALUES (1, 'added by 0.2.0')", 'ALTER TABLE territory ADD COLUMN upgrade_note text'] }]);
    renameFooterLinks(coreDir(v020));
    await step('upgrade: publish 0.2.0 (temporary copy)', () => {
      for (const dir of v020) run('npm', ['publish', dir, '--ignore-scripts', '--access', 'public', '--registry', registry.url], { cwd: work, env });
    });

    const upgraded = await step('upgrade: npx pilote upgrade (→ newest, 0.2.0)', () => attempt('npx', ['--no', 'pilote', 'upgrade'], { cwd: instance, env: withDatabase }));
    console.log(upgraded.output.replace(/^/gm, '    '));
    assert.equal(upgraded.code, 0, 'pilote upgrade to 0.2.0 succeeds');
    assert.equal(installedVersion(instance, '@pilote/core'), '0.2.0');
    assert.equal(JSON.parse(fs.readFileSync(path.join(instance, 'package.json'), 'utf8')).dependencies['@pilote/cli'], '^0.2.0');
    assert.match(upgraded.output, /Applied 1 migration\(s\): UpgradeProbe1799000000000/);
    assert.match(upgraded.output, /✓ Kit: version 0\.2\.0/);
    assert.match(upgraded.output, /! Configuration: footerLinks was renamed to footer\.links in 0\.2\.0: rename it in pilote\.config\.ts\./, 'doctor names the renamed key and what to do');
    assert.match(upgraded.output, /✓ Migrations: \d+ applied, none pending/);
    assert.equal(sql("SELECT note FROM upgrade_probe WHERE id = 1"), 'added by 0.2.0', 'the new table exists');
    assert.equal(sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'territory' AND column_name = 'upgrade_note'"), '1', 'the new column exists');
    assert.deepEqual({ territories: sql('SELECT count(*) FROM territory'), measures: sql('SELECT count(*) FROM measure') }, { territories: before.territories, measures: before.measures }, 'the data is still there');

    await step('upgrade: npm start on 0.2.0', async () => {
      const server = await startInstance(instance, withDatabase);
      try {
        assert.match(server.output(), /Configuration: footerLinks was renamed to footer\.links in 0\.2\.0/);
        assert.doesNotMatch(server.output(), /starts without it/, 'the kit 0.2.0 keeps its own modules (their kitRange follows the kit)');
        const { data, errors } = await (await fetch(`${server.url}/graphql`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ instance { id footerLinks { href } modules { id version } } }' }),
        })).json();
        assert.equal(errors, undefined, JSON.stringify(errors));
        assert.deepEqual(data.instance, { id: 'my-instance', footerLinks: [{ href: LINK.href }], modules: [{ id: 'help-centre', version: '0.2.0' }] }, 'the former key is still read on 0.2.0, and the kit\'s module follows the kit');
      } finally {
        await server.stop();
      }
    });

    // 0.3.0: its first migration works, its second fails; nothing of it may stay.
    const v030 = bumpedCopy(v020, path.join(work, 'kit-0.3.0'), '0.3.0');
    addMigrations(coreDir(v030), [
      { name: 'UpgradeProbeTwo1799000000100', up: ['CREATE TABLE upgrade_probe_two (id int)', 'ALTER TABLE measure ADD COLUMN upgrade_two text'] },
      { name: 'BrokenUpgrade1799000000200', up: ['INSERT INTO table_that_does_not_exist VALUES (1)'] },
    ]);
    await step('upgrade: publish 0.3.0 with a failing migration', () => {
      for (const dir of v030) run('npm', ['publish', dir, '--ignore-scripts', '--access', 'public', '--registry', registry.url], { cwd: work, env });
    });
    const manifestOn020 = fs.readFileSync(path.join(instance, 'package.json'), 'utf8');
    const failed = await step('upgrade: npx pilote upgrade --to 0.3.0 (fails)', () => attempt('npx', ['--no', 'pilote', 'upgrade', '--to', '0.3.0'], { cwd: instance, env: withDatabase }));
    console.log(failed.output.replace(/^/gm, '    '));
    assert.notEqual(failed.code, 0, 'an upgrade whose migration fails exits non-zero');
    assert.match(failed.output, /Migration BrokenUpgrade1799000000200 failed: .*table_that_does_not_exist.*the database is unchanged/);
    assert.match(failed.output, /The upgrade to 0\.3\.0 was undone: .*the database is unchanged; the packages are back to 0\.2\.0\./);
    assert.doesNotMatch(failed.output, /\n\s+at .+:\d+:\d+/, 'no stack trace');
    assert.equal(sql("SELECT to_regclass('public.upgrade_probe_two') IS NULL"), 't', 'the first 0.3.0 migration was rolled back too');
    assert.equal(sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'measure' AND column_name = 'upgrade_two'"), '0');
    assert.equal(sql("SELECT count(*) FROM pilote_migrations WHERE name LIKE '%17990000001%' OR name LIKE '%17990000002%'"), '0');
    assert.equal(sql('SELECT count(*) FROM measure'), before.measures);
    assert.equal(fs.readFileSync(path.join(instance, 'package.json'), 'utf8'), manifestOn020, 'package.json is back to 0.2.0');
    assert.equal(installedVersion(instance, '@pilote/core'), '0.2.0', 'the 0.2.0 packages are installed again');
  } finally {
    spawnSync('dropdb', [...pg, '--if-exists', '--force', database]);
  }
}

module.exports = { upgradeScenario };
