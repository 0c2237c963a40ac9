// Source bindings administered from the screen (issue 18): an administrator creates a binding with
// the form (the connector's settings drawn from its schema) against a CSV served by a local HTTP
// server started here, previews it, saves it, runs it, edits it and deletes it; a bad field says its
// problem in French; axe and 390 px. The binding is untrusted: its run proposes, never publishes, so
// other specs' numbers do not move. Only the demo enables a source connector (csv-connector).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import frCsv from '../../../modules/csv-connector/src/common/i18n/fr.json';
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, openPage, screenshot, url } from '../support';

const CSV = 'indicateur;territoire;date;type;valeur\nIND-001;D13;2026-06-30;VA;123\n';
const fr = frCore.sourcesAdmin;
const fill = (text: string, values: Record<string, string | number>) => Object.entries(values).reduce((all, [key, value]) => all.replaceAll(`{{${key}}}`, String(value)), text);

(e2eTarget().instance === 'demo' ? describe : describe.skip)(`source binding form: ${e2eTarget().instance}`, () => {
  let server: Server;
  let csvUrl: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/valeurs.csv') response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end(CSV);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    csvUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/valeurs.csv`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('create through the form, preview, save, run now, edit, delete; a bad field in French; axe and 390 px', async () => {
    const page = await openPage('/?lang=fr', { locale: 'fr-FR' });
    expect((await page.request.post(url('/auth/demo-login'), { data: { role: 'admin' } })).status()).toBe(200);
    await page.goto(url('/admin/sources?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 2, name: fr.create.title }).waitFor();

    const id = `e2e-csv-${Date.now().toString(36)}`;
    const name = 'Valeurs e2e (CSV local)';
    await page.locator('#binding-new-id').fill(id);
    await page.locator('#binding-new-name').fill(name);
    await page.locator('#binding-new-source').click();
    await page.getByRole('option', { name: /csv-connector\/file/ }).click();
    // The settings come from the connector's schema, labelled by the module's words.
    await page.getByLabel(frCsv.sources.file.settings.source.label, { exact: false }).fill(csvUrl);
    for (const [key, column] of Object.entries({ indicatorColumn: 'indicateur', territoryColumn: 'territoire', dateColumn: 'date', kindColumn: 'type', valueColumn: 'valeur' })) {
      await page.locator(`#binding-new-${key}`).fill(column);
    }

    // A bad schedule: refused on its field, in French, nothing saved.
    await page.locator('#binding-new-schedule').fill('tous les jours');
    await page.getByRole('button', { name: fr.create.submit }).click();
    await page.locator('#binding-new-schedule-helper-text').getByText(fr.problems['bad-cron']).waitFor();
    expect(await page.locator('#binding-new-schedule').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#binding-new-schedule').fill('');

    // Preview: the first records and what would be written, nothing written.
    await page.getByRole('button', { name: fr.create.preview }).click();
    const sample = page.getByRole('table').filter({ has: page.getByText(fr.create.sampleCaption) });
    await sample.getByRole('cell', { name: 'IND-001' }).waitFor();
    await checkAccessibility(page);
    await screenshot('binding-form-preview', page);

    await page.getByRole('button', { name: fr.create.submit }).click();
    await page.getByText(fill(fr.create.created, { name })).waitFor();
    // The card of this binding (a retried test creates another one).
    const card = page.locator(`section[aria-labelledby="binding-${id}"]`);
    await card.getByRole('heading', { name }).waitFor();

    // Run now: the queue runs it; an untrusted binding proposes its values for validation.
    await card.getByRole('button', { name: fill(fr.runNowFor, { name }) }).click();
    await page.getByText(fill(fr.queued, { name })).waitFor();
    const deadline = Date.now() + 45_000;
    for (;;) {
      await page.reload({ waitUntil: 'networkidle' });
      if (await card.getByText(fr.status.proposed, { exact: false }).count()) break;
      if (Date.now() > deadline) throw new Error('the run did not finish as proposed within 45 s');
      await page.waitForTimeout(1500);
    }

    // Edit: the form comes filled in; the new name shows once saved. At 390 px without horizontal scroll.
    await page.setViewportSize({ width: 390, height: 844 });
    await card.getByRole('button', { name: fill(fr.edit.actionFor, { name }) }).click();
    const editPrefix = `#binding-edit-${id}`;
    expect(await page.locator(`${editPrefix}-settings-source`).inputValue()).toBe(csvUrl);
    expect(await page.locator(`${editPrefix}-id`).getAttribute('readonly')).not.toBeNull();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await checkAccessibility(page);
    await screenshot('binding-form-edit-phone', page);
    const renamed = `${name} (modifiée)`;
    await page.locator(`${editPrefix}-name`).fill(renamed);
    await page.getByRole('button', { name: fr.edit.submit }).click();
    await page.getByText(fill(fr.edit.saved, { name: renamed })).waitFor();
    await card.getByRole('heading', { name: renamed }).waitFor();

    // Delete, in two steps: it ran, so it is archived rather than deleted, and the page says why.
    await card.getByRole('button', { name: fill(fr.delete.actionFor, { name: renamed }) }).click();
    await card.getByRole('button', { name: fr.delete.confirm }).click();
    await page.getByText(fill(fr.delete.archived['has-runs'], { name: renamed, runs: 1 })).waitFor();
    await card.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The one refusal is the bad schedule asked on purpose; nothing else failed.
    expect(await page.graphqlErrors()).toEqual([expect.stringMatching(/schedule: "tous les jours"/)]);
    expect(page.errors).toEqual([]);
  }, 180_000);
});
