import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const { kitModules, readManifestVersions, withManifestVersion, withReadmeVersion } = require('../scripts/module-manifest-versions.cjs') as {
  kitModules(): { dir: string; version: string; manifest: string; readme: string }[];
  readManifestVersions(text: string): { version?: string; kitRange?: string };
  withManifestVersion(text: string, version: string): string;
  withReadmeVersion(text: string, version: string): string;
};

const root = path.resolve(__dirname, '../..');
const kitVersion = (JSON.parse(readFileSync(path.join(root, 'libs/core/package.json'), 'utf8')) as { version: string }).version;
const modules = kitModules();

describe("the kit's own modules follow the kit's version", () => {
  it('finds the modules of the kit', () => {
    expect(modules.map(({ dir }) => path.basename(dir))).toEqual(expect.arrayContaining(['chart', 'csv-connector', 'help-centre', 'map']));
  });

  it.each(modules.map((entry) => [path.basename(entry.dir), entry] as const))('%s: manifest and README say its package version, and its kitRange admits this kit (npm run version-packages)', (_name, { version, manifest, readme }) => {
    const said = readManifestVersions(readFileSync(manifest, 'utf8'));
    expect(said).toEqual({ version, kitRange: `^${version}` });
    expect(semver.satisfies(kitVersion, said.kitRange!)).toBe(true);
    const table = readFileSync(readme, 'utf8');
    expect(table).toContain(`| version | ${version} |`);
    expect(table).toContain(`| kitRange | \`^${version}\` |`);
  });

  it('rewrites a 0.1.0 manifest, compiled or not, and its README for 0.2.0', () => {
    const source = "defineModule({\n  id: 'map',\n  version: '0.1.0',\n  kitRange: '^0.1.0',\n});";
    expect(readManifestVersions(withManifestVersion(source, '0.2.0'))).toEqual({ version: '0.2.0', kitRange: '^0.2.0' });
    const compiled = 'exports.manifest = (0, module_sdk_1.defineModule)({\n    id: "map",\n    version: "0.1.0",\n    kitRange: "^0.1.0",\n});';
    expect(withManifestVersion(compiled, '0.2.0')).toContain('version: "0.2.0",\n    kitRange: "^0.2.0"');
    expect(withReadmeVersion('| id | `map` |\n| version | 0.1.0 |\n| kitRange | `^0.1.0` |\n', '0.2.0')).toBe('| id | `map` |\n| version | 0.2.0 |\n| kitRange | `^0.2.0` |\n');
  });
});
