import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isAllowed, listSources, scanSource, RULES } from './scan-sources';

const root = path.resolve(__dirname, '../..');

describe('white label: apps and modules hard-code no product name, colour or vocabulary word', () => {
  it.each(['apps', 'modules'])('%s/ sources are clean (i18n JSON, themes/ and examples/ are where these belong)', (folder) => {
    const findings = listSources(path.join(root, folder)).flatMap((file) => scanSource(path.relative(root, file), readFileSync(file, 'utf8'))).filter((finding) => !isAllowed(finding));
    const report = findings.map((f) => `${f.file}:${f.line} [${f.rule}: ${RULES.find((r) => r.id === f.rule)?.why}] ${f.text}`);
    expect(report).toEqual([]);
  });

  it('catches each kind of hard-coding, with its line, and ignores comments', () => {
    const source = [
      '// PILOTE draws the météo of each chantier in #1f4e8c: comments are fine',
      "const title = 'PILOTE';",
      "const style = { color: '#1f4e8c', border: '1px solid #fff' };",
      "const label = t('x', { defaultValue: 'Météo du chantier' });",
      "const anchor = '#main';",
      "console.log('PILOTE kit is ready');",
    ].join('\n');
    expect(scanSource('x.tsx', source).map((f) => `${f.line}:${f.rule}`)).toEqual(['2:product-name', '3:raw-colour', '4:vocabulary']);
  });
});
