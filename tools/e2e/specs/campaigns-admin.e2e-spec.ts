// Campaigns from the screen (issue 21): a national steering lead opens a campaign on a région
// through the form, sees which value is missing in which of its territories with a link to enter
// it, downloads the CSV; a duplicate name and a past deadline are refused by the form with nothing
// created; a reader gets no button and no form; anonymous visitors are asked to sign in. Axe, and
// 390 px without horizontal scroll. It adds campaigns with names of their own (no other spec counts them).
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, openPage, type OpenedPage, screenshot, url } from '../support';

interface Options { indicators: { id: string; name: string; enteredLevels: string[] }[] }
const PHONE = { width: 390, height: 844 };
const pattern = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

async function signIn(page: OpenedPage, role: string): Promise<(query: string, variables?: Record<string, unknown>) => Promise<Record<string, unknown>>> {
  const login = await page.request.post(url('/auth/demo-login'), { data: { role } });
  expect(login.status()).toBe(200);
  return async (query, variables = {}) => ((await (await page.request.post(url('/graphql'), { data: { query, variables } })).json()) as { data: Record<string, unknown> }).data;
}

async function widthOf(page: OpenedPage): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Picks an option of an MUI Autocomplete by typing into it. */
async function choose(page: OpenedPage, label: string, typed: string, option: RegExp): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
  await page.keyboard.press('Escape');
}

describe(`campaigns administered from the screen: ${e2eTarget().instance}`, () => {
  const name = `Campagne e2e ${Date.now().toString(36)}`;

  test('a steering lead opens a campaign on a région and sees which value is missing where', async () => {
    const page = await openPage('/?lang=fr', { locale: 'fr-FR' });
    const ask = await signIn(page, 'national-steering');
    const { campaignFormOptions } = (await ask('{ campaignFormOptions { indicators { id name enteredLevels } roles { id fr } } }')) as { campaignFormOptions: Options & { roles: { id: string; fr: string }[] } };
    // The région of the demo accounts (where the agents are), else the first one.
    const me = (await (await page.request.get(url('/auth/me'))).json()) as { assignments: { scope: { territoryCode?: string } }[] };
    const { territories } = (await ask('{ territories(level: "REG", first: 100) { edges { node { code name } } } }')) as { territories: { edges: { node: { code: string; name: string } }[] } };
    const regions = territories.edges.map((e) => e.node);
    const region = regions.find((r) => r.code === 'R84') ?? regions.find((r) => me.assignments.some((a) => a.scope.territoryCode === r.code)) ?? regions[0];
    // An indicator entered by département, so that the région expands; else any indicator.
    const indicator = campaignFormOptions.indicators.find((i) => i.enteredLevels.includes('DEPT') && !i.enteredLevels.includes('REG')) ?? campaignFormOptions.indicators[0];
    expect(indicator).toBeTruthy();
    const agents = campaignFormOptions.roles.find((r) => r.id === 'deconcentrated-service');
    const before = ((await ask('{ campaigns(includeClosed: true) { id } }')) as { campaigns: unknown[] }).campaigns.length;

    await page.goto(url('/campaigns?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: frCore.campaign.new }).click();
    await page.getByRole('heading', { level: 1, name: frCore.campaignForm.newTitle }).waitFor();
    await page.getByLabel(frCore.campaignForm.name).fill(name);
    // A period no demo value covers: every expected value is missing.
    await page.getByLabel(frCore.campaignForm.periodStart).fill('2098-01-01');
    await page.getByLabel(frCore.campaignForm.periodEnd).fill('2098-12-31');
    await page.getByLabel(frCore.campaignForm.deadline).fill('2099-06-30');
    await choose(page, frCore.campaignForm.indicators, indicator.name.slice(0, 12), pattern(indicator.name));
    if (region) await choose(page, frCore.campaignForm.territories, region.name.slice(0, 6), pattern(`(${region.code})`));
    if (agents) await choose(page, frCore.campaignForm.roles, agents.fr.slice(0, 6), pattern(agents.fr));
    await checkAccessibility(page);
    await screenshot('campaign-form', page);
    await page.getByRole('button', { name: frCore.campaignForm.create }).click();

    await page.getByRole('heading', { level: 1, name: pattern(name) }).waitFor();
    const pending = page.getByRole('region', { name: frCore.campaign.pending.title });
    await pending.waitFor();
    // Either a table of what is missing, with links to the entry page, or every value already there.
    const links = pending.getByRole('link', { name: /^Saisir « / });
    await pending.getByRole('table').or(pending.getByText(frCore.campaign.pending.none)).first().waitFor();
    if ((await links.count()) > 0) expect(await links.first().getAttribute('href')).toMatch(/^\/entry\?territory=.+&policy=.+/);
    if (region && indicator.enteredLevels.includes('DEPT') && !indicator.enteredLevels.includes('REG')) {
      // The région expanded: one expected value per département, all missing in that period.
      const { territories: departments } = (await ask('query($p: String) { territories(level: "DEPT", parentCode: $p, first: 500) { totalCount } }', { p: region.code })) as { territories: { totalCount: number } };
      await pending.getByRole('table').waitFor();
      expect(await pending.getByRole('table').locator('tbody tr').count()).toBe(departments.totalCount);
      expect(await page.getByText(frCore.campaign.pending.states.missing, { exact: true }).count()).toBe(departments.totalCount);
    }
    if (agents && region?.code === 'R84') await page.getByText(/^[1-9]\d* personnes? désignées?$/).waitFor();
    await checkAccessibility(page);
    await screenshot('campaign-board', page);
    expect(await page.graphqlErrors()).toEqual([]);
    expect(page.errors).toEqual([]);

    const id = page.url().split('/campaigns/')[1].split(/[?#/]/)[0];
    const csv = await page.request.get(url(`/api/v1/campaigns/${id}/board.csv`));
    expect(csv.status()).toBe(200);
    expect((await csv.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('territory_code,territory_name,policy_id,policy_name,indicator_id,indicator_name,status,late,stale,last_date');
    expect(((await ask('{ campaigns(includeClosed: true) { id } }')) as { campaigns: unknown[] }).campaigns.length).toBe(before + 1);

    // The same board and form at 390 px: no horizontal scroll.
    const phone = await openPage('/?lang=fr', { locale: 'fr-FR', viewport: PHONE });
    await signIn(phone, 'national-steering');
    for (const pathname of [`/campaigns/${id}`, `/campaigns/${id}/edit`, '/campaigns']) {
      await phone.goto(url(`${pathname}?lang=fr`), { waitUntil: 'networkidle' });
      await phone.getByRole('heading', { level: 1 }).first().waitFor();
      expect({ pathname, width: await widthOf(phone) }).toEqual({ pathname, width: PHONE.width });
      await checkAccessibility(phone);
    }
    await screenshot('campaign-board-phone', phone);
  });

  test('the form says why a duplicate name or a past deadline is refused, and nothing is created', async () => {
    const page = await openPage('/?lang=fr', { locale: 'fr-FR' });
    const ask = await signIn(page, 'national-steering');
    const existing = ((await ask('{ campaigns(includeClosed: true) { id name } }')) as { campaigns: { name: string }[] }).campaigns;
    const { campaignFormOptions } = (await ask('{ campaignFormOptions { indicators { id name enteredLevels } } }')) as { campaignFormOptions: Options };
    const taken = existing[0]?.name;
    const indicator = campaignFormOptions.indicators[0];
    await page.goto(url('/campaigns/new?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: frCore.campaignForm.newTitle }).waitFor();
    const { territories } = (await ask('{ territories(first: 1) { edges { node { code name } } } }')) as { territories: { edges: { node: { code: string; name: string } }[] } };
    const territory = territories.edges[0].node;
    await page.getByLabel(frCore.campaignForm.periodStart).fill('2025-01-01');
    await page.getByLabel(frCore.campaignForm.periodEnd).fill('2025-03-31');
    await choose(page, frCore.campaignForm.indicators, indicator.name.slice(0, 12), pattern(indicator.name));
    await choose(page, frCore.campaignForm.territories, territory.name.slice(0, 6), pattern(`(${territory.code})`));

    // A deadline in the past.
    await page.getByLabel(frCore.campaignForm.name).fill(`${name} (passée)`);
    await page.getByLabel(frCore.campaignForm.deadline).fill('2001-01-31');
    await page.getByRole('button', { name: frCore.campaignForm.create }).click();
    await page.getByText(frCore.campaignForm.errors.DEADLINE_PAST).waitFor();
    await checkAccessibility(page);

    // A name already used (case aside), if any campaign exists.
    if (taken) {
      await page.getByLabel(frCore.campaignForm.deadline).fill('2099-06-30');
      await page.getByLabel(frCore.campaignForm.name).fill(taken.toUpperCase());
      await page.getByRole('button', { name: frCore.campaignForm.create }).click();
      await page.getByText(frCore.campaignForm.errors.CAMPAIGN_NAME_TAKEN.replace('{{name}}', taken.toUpperCase())).waitFor();
    }
    await screenshot('campaign-form-refused', page);
    await page.getByRole('heading', { level: 1, name: frCore.campaignForm.newTitle }).waitFor();
    expect(((await ask('{ campaigns(includeClosed: true) { id } }')) as { campaigns: unknown[] }).campaigns.length).toBe(existing.length);
  });

  test('a reader gets no button and no form; an anonymous visitor is asked to sign in', async () => {
    const page = await openPage('/?lang=fr', { locale: 'fr-FR' });
    await signIn(page, 'reader');
    await page.goto(url('/campaigns?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: frCore.campaign.listTitle }).waitFor();
    expect(await page.getByRole('link', { name: frCore.campaign.new }).count()).toBe(0);
    await checkAccessibility(page);
    await page.goto(url('/campaigns/new?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: frCore.campaignForm.notAllowed }).waitFor();
    expect(await page.getByLabel(frCore.campaignForm.name).count()).toBe(0);

    const anonymous = await openPage('/campaigns/new?lang=fr', { locale: 'fr-FR' });
    await anonymous.getByText(frCore.account.signInRequired.title).waitFor();
    expect(await anonymous.getByLabel(frCore.campaignForm.name).count()).toBe(0);
    const csv = await anonymous.request.get(url('/api/v1/campaigns/00000000-0000-0000-0000-000000000000/board.csv'));
    expect(csv.status()).toBe(401);
  });
});
