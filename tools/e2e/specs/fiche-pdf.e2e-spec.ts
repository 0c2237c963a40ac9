// "Fiche PDF" (issue 19, ADR 046): the buttons download a PDF printed by the server's Chromium.
import { readFileSync } from 'node:fs';
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { e2eTarget, openPage, url } from '../support';
import { hierarchy, home, territories } from './dashboard/dashboard-data';

async function target(): Promise<{ policyId: string; policyName: string; code: string }> {
  const levels = await hierarchy();
  const all = await territories(levels[Math.min(2, levels.length - 1)].id);
  const code = all.find((t) => t.code === 'D13')?.code ?? all[0].code;
  const row = (await home(code)).policies[0];
  return { policyId: row.policy.id, policyName: row.policy.name, code };
}

async function downloadFrom(pathname: string): Promise<Buffer> {
  const page = await openPage(`${pathname}${pathname.includes('?') ? '&' : '?'}lang=fr`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('link', { name: new RegExp(`^${frCore.fiche.button}`) }).first().click()]);
  expect(await download.failure()).toBeNull();
  expect(download.suggestedFilename()).toMatch(/^fiche-.*\.pdf$/);
  const file = readFileSync((await download.path()) as string);
  await page.context().close();
  return file;
}

describe(`PDF fiches: ${e2eTarget().instance}`, () => {
  test('the policy page button downloads the fiche conducteur as a PDF', async () => {
    const { policyId, code } = await target();
    const pdf = await downloadFrom(`/policies/${encodeURIComponent(policyId)}?territory=${encodeURIComponent(code)}`);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length).toBeGreaterThanOrEqual(1);
  });

  test('the territory page button downloads the fiche territoriale as a PDF', async () => {
    const { code } = await target();
    const pdf = await downloadFrom(`/territories/${encodeURIComponent(code)}`);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('the print page says it is ready, with the policy name as its title', async () => {
    const { policyId, policyName, code } = await target();
    const page = await openPage(`/print/policy/${encodeURIComponent(policyId)}?territory=${encodeURIComponent(code)}&lang=fr`);
    await page.locator('[data-print-state="ready"]').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toBe(policyName);
    expect(page.errors).toEqual([]);
    expect(url('/')).toMatch(/^http/);
    await page.context().close();
  });
});
