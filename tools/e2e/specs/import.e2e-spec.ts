// The import wizard (issue 7) in the browser: a file is checked without writing anything — its
// preview of the rates for a valid value, then every error located by line for a bad file.
// Dry runs only: the data other specs read does not move.
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, openPage, screenshot, url } from '../support';

interface ValueRow { territory_code: string; date: string; kind: string; value: number; provenance: string }

const HEADER = 'identifiant_indic;zone_id;zone_nom;date_valeur;type_valeur;valeur';
const frenchDate = (iso: string) => iso.split('-').reverse().join('/');

describe(`import wizard: ${e2eTarget().instance}`, () => {
  test('checks a file in the browser: the effect on the rates of a valid value, then each error with its line', async () => {
    const page = await openPage('/?lang=fr', { locale: 'fr-FR' });
    expect((await page.request.post(url('/auth/demo-login'), { data: { role: 'admin' } })).status()).toBe(200);
    // An entered (not aggregated) value of the instance, sent again with another number.
    const indicators = (await (await page.request.get(url('/api/v1/indicators'))).json()) as { data: { id: string }[] };
    let found: { indicatorId: string; row: ValueRow } | null = null;
    for (const { id } of indicators.data.slice(0, 20)) {
      const values = (await (await page.request.get(url(`/api/v1/indicators/${encodeURIComponent(id)}/values?limit=200`))).json()) as { data: ValueRow[] };
      const row = values.data.find((v) => v.provenance !== 'aggregate' && v.kind === 'VA');
      if (row) {
        found = { indicatorId: id, row };
        break;
      }
    }
    expect(found).not.toBeNull();
    const { indicatorId, row } = found!;
    const line = `${indicatorId};${row.territory_code};x;${frenchDate(row.date)};va;${String(row.value + 1).replace('.', ',')}`;

    await page.goto(url('/import?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: frCore.importWizard.title }).waitFor();
    await page.getByLabel(frCore.importWizard.file).setInputFiles({ name: 'valeurs.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n${line}\n`) });
    await page.getByRole('button', { name: frCore.importWizard.check }).click();
    await page.getByText(/^Fichier valide : 1 valeur/).waitFor();
    await page.getByRole('button', { name: /^Publier 1 valeur/ }).waitFor();
    await screenshot('import-checked', page);
    await checkAccessibility(page);

    const bad = `${HEADER}\n${line}\n${indicatorId};${row.territory_code};x;31/02/2023;va;1\nINCONNU;${row.territory_code};x;${frenchDate(row.date)};va;abc\n`;
    await page.getByLabel(frCore.importWizard.file).setInputFiles({ name: 'erreurs.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: frCore.importWizard.check }).click();
    await page.getByText(/^\d+ erreurs? : rien n’a été écrit/).waitFor();
    const errors = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: frCore.importWizard.line }) });
    const lines = await errors.getByRole('row').evaluateAll((rows) => rows.slice(1).map((r) => (r as HTMLTableRowElement).cells[0]?.textContent?.trim()));
    expect(lines).toEqual(expect.arrayContaining(['3', '4']));
    expect(lines).not.toContain('2');
    await screenshot('import-errors', page);
    expect(await page.graphqlErrors()).toEqual([]);
    expect(page.errors).toEqual([]);
    await checkAccessibility(page);
  });
});
