import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyRenamedKeys } from './apply-renamed-keys';
import { loadInstanceConfig } from './load-instance-config';
import type { RenamedKey } from './renamed-keys';

const TABLE: RenamedKey[] = [
  { from: 'footerLinks', to: 'footer.links', since: '0.2.0', status: 'read' },
  { from: 'theme.base', to: 'theme.extends', since: '0.3.0', status: 'ignored' },
  { from: 'legacyBanner', since: '0.2.0', status: 'ignored', instead: 'write the banner in help/ instead' },
];

describe('renamed configuration keys', () => {
  it('reads a former key as its new name and says to rename it, in the file that holds it', () => {
    const raw = { id: 'x', footerLinks: [{ href: '/a' }] };
    const { config, findings } = applyRenamedKeys(raw, raw, 'pilote.config.ts', TABLE);
    expect(config).toEqual({ id: 'x', footer: { links: [{ href: '/a' }] } });
    expect(findings).toEqual([{ key: 'footerLinks', severity: 'warning', message: 'footerLinks was renamed to footer.links in 0.2.0: rename it in pilote.config.ts. It is still read for now.' }]);
    expect(raw).toEqual({ id: 'x', footerLinks: [{ href: '/a' }] });
  });

  it('lets the new key win when both are set', () => {
    const raw = { footerLinks: [1], footer: { links: [2] } };
    const { config, findings } = applyRenamedKeys(raw, raw, 'pilote.config.ts', TABLE);
    expect(config).toEqual({ footer: { links: [2] } });
    expect(findings[0].message).toBe('footerLinks was renamed to footer.links in 0.2.0: delete it from pilote.config.ts; footer.links is set and wins.');
  });

  it('refuses a key that is no longer read, naming the environment variable that set it', () => {
    const { findings } = applyRenamedKeys({}, { theme: { base: 'dsfr' }, legacyBanner: 'x' }, 'pilote.config.ts', TABLE);
    expect(findings).toEqual([
      { key: 'theme.base', severity: 'error', message: 'theme.base was renamed to theme.extends in 0.3.0 and is no longer read: rename it in the environment variable PILOTE__THEME__BASE.' },
      { key: 'legacyBanner', severity: 'error', message: 'legacyBanner was removed in 0.2.0 and is no longer read: write the banner in help/ instead.' },
    ]);
  });

  it('finds nothing in a configuration without former keys', () => {
    expect(applyRenamedKeys({ id: 'x' }, { id: 'x' }, 'pilote.config.ts', TABLE).findings).toEqual([]);
  });

  it('reads workflow.trustedImports from an instance file as workflow.publishByImport, with a warning', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'renamed-keys-'));
    try {
      writeFileSync(
        path.join(dir, 'pilote.config.json'),
        JSON.stringify({ id: 'x', name: { fr: 'X', en: 'X' }, territoryLevels: [{ id: 'NAT', label: { fr: 'N', en: 'N' } }], workflow: { trustedImports: true } }),
      );
      const loaded = loadInstanceConfig(dir, {});
      expect(loaded.config.workflow.publishByImport).toBe('importers');
      expect(loaded.warnings).toEqual([
        "workflow.trustedImports was renamed to workflow.publishByImport in 0.1.0: rename it in pilote.config.json (true → 'importers', false → 'publishers'). It is still read for now.",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
