import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from '@pilote/auth/testing';
import { loadReferential, writeMeasures } from '@pilote/core';
import { countPdfPages } from '../src/fiches/fiche-renderer';
import { FichesService } from '../src/fiches/fiches.service';
import { findWebDist } from '../src/web/serve-web-app';
import { startTestKit, type TestKit } from '../src/testing';
import { compact, pdfTexts } from './support/pdf-text';

const small = path.join(__dirname, '../../../libs/core/test/fixtures/referential-small');
const levelOrder = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
const BIG = 300;
const SYNTHESIS = 'Déploiement conforme au calendrier dans les Bouches-du-Rhône';

/** The small referential plus P-BIG, a policy of 300 indicators (the "huge policy" of issue 19). */
function referentialWithBigPolicy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiche-ref-'));
  copyFileSync(path.join(small, 'taxonomies.yaml'), path.join(dir, 'taxonomies.yaml'));
  writeFileSync(path.join(dir, 'policies.yaml'), `${readFileSync(path.join(small, 'policies.yaml'), 'utf8')}\n- id: P-BIG\n  name: Politique aux trois cents indicateurs\n  kind: priority-reform\n  status: published\n  levels: [NAT, REG, DEPT]\n  taxonomies: [min-test]\n`);
  const big = Array.from({ length: BIG }, (_, i) => `- id: I-BIG-${i + 1}\n  policy: P-BIG\n  name: Indicateur numéro ${i + 1}\n  unit: nombre\n  direction: rising\n  periodicity: monthly\n  levels:\n    NAT: { weight: 1, VI: aggregated, VA: aggregated, VC: aggregated, aggregation: sum }\n    REG: { weight: 1, VI: aggregated, VA: aggregated, VC: aggregated, aggregation: sum }\n    DEPT: { weight: 1 }\n`).join('');
  writeFileSync(path.join(dir, 'indicators.yaml'), `${readFileSync(path.join(small, 'indicators.yaml'), 'utf8')}\n${big}`);
  return dir;
}

const hasWeb = Boolean(findWebDist());
const hasChromium = existsSync(process.env.PILOTE_CHROMIUM || '/usr/bin/chromium');
// The fiche is the web app's print page printed by Chromium: both are needed (the build does the first).
const describeWithChromium = hasWeb && hasChromium ? describe : describe.skip;
if (!hasWeb || !hasChromium) console.warn(`fiches.integration-spec skipped: ${hasWeb ? '' : 'apps/web/dist missing (npx nx build web) '}${hasChromium ? '' : 'Chromium missing (apt-get install -y chromium)'}`);

describeWithChromium('PDF fiches printed by headless Chromium as the caller (issue 19, ADR 046)', () => {
  let kit: TestKit;
  let who: Record<TestIdentityName, TestIdentity>;
  let referential: string;
  beforeAll(async () => {
    // The queue retries a failed batch after 1 s here (30 s by default), so the test sees the resume.
    const retryDelay = process.env.PILOTE_JOBS_RETRY_DELAY_SECONDS;
    process.env.PILOTE_JOBS_RETRY_DELAY_SECONDS = '1';
    try {
      kit = await startTestKit({ openDashboards: false });
    } finally {
      if (retryDelay === undefined) delete process.env.PILOTE_JOBS_RETRY_DELAY_SECONDS;
      else process.env.PILOTE_JOBS_RETRY_DELAY_SECONDS = retryDelay;
    }
    referential = referentialWithBigPolicy();
    const loaded = await loadReferential(kit.server.context.dataSource, referential, { levels: levelOrder });
    expect(loaded.ok).toBe(true);
    who = await createTestIdentities(kit.server.context.dataSource.manager);
    await kit.server.context.dataSource.transaction((manager) =>
      writeMeasures(
        manager,
        ['D13', 'D29', 'D69'].flatMap((territoryCode) => [
          { indicatorId: 'I-SUM', territoryCode, kind: 'VI' as const, date: '2022-01-01', value: 0 },
          { indicatorId: 'I-SUM', territoryCode, kind: 'VA' as const, date: '2026-06-30', value: 6 },
          { indicatorId: 'I-SUM', territoryCode, kind: 'VA' as const, date: '2026-09-30', value: 10 },
          { indicatorId: 'I-SUM', territoryCode, kind: 'VC' as const, date: '2026-12-31', value: 20 },
        ]),
        { provenance: 'import', levelOrder, asOf: '2026-11-28' },
      ),
    );
    await kit.server.context.dataSource.query(
      `INSERT INTO narrative (policy_id, territory_code, kind, type, weather, body, state, author_name, date) VALUES
       ('P-1', 'D13', 'weather', NULL, 'SUNNY', $1, 'published', 'Claire Martin', '2026-10-01'),
       ('P-1', 'D13', 'comment', 'difficulty', NULL, 'Recrutements en retard', 'published', 'Claire Martin', '2026-10-02')`,
      [SYNTHESIS],
    );
  }, 120_000);
  afterAll(async () => {
    await kit?.close();
    if (referential) rmSync(referential, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string>) => fetch(`${kit.url}${url}`, { headers });

  it('prints the fiche conducteur of a policy at a territory for a reader with a session: a PDF with the policy, its météo and its comments', async () => {
    const response = await get('/api/v1/fiches/policy/P-1.pdf?territory=D13&lang=fr', who.departmentalCoordinatorD13.sessionHeaders);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(countPdfPages(pdf)).toBeGreaterThanOrEqual(1);
    expect(Number(response.headers.get('x-pdf-pages'))).toBe(countPdfPages(pdf));
    const texts = pdfTexts(pdf).map(compact);
    for (const expected of ['Politique de test', SYNTHESIS, 'Recrutements en retard', 'Nombre de structures ouvertes']) {
      expect(texts.some((text) => text.includes(compact(expected)))).toBe(true);
    }
  }, 120_000);

  it('prints the fiche territoriale with an API token (its scopes kept), in English when asked', async () => {
    const response = await get('/api/v1/fiches/territory/D13.pdf?lang=en', who.nationalSteering.headers);
    expect(response.status).toBe(200);
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const texts = pdfTexts(pdf).map(compact);
    expect(texts.some((text) => text.includes(compact('Politique de test')))).toBe(true);
    expect(texts.some((text) => text.includes(compact(SYNTHESIS)))).toBe(true);
  }, 120_000);

  it('refuses a reader without the right: 403 (out of scope) and 401 (anonymous), JSON and no PDF', async () => {
    const outOfScope = await get('/api/v1/fiches/policy/P-1.pdf?territory=D13', who.outOfScopeAgentD29.sessionHeaders);
    expect(outOfScope.status).toBe(403);
    expect(outOfScope.headers.get('content-type')).toMatch(/json/);
    expect((await outOfScope.text()).startsWith('%PDF')).toBe(false);
    const territory = await get('/api/v1/fiches/territory/D13.pdf', who.outOfScopeAgentD29.headers);
    expect(territory.status).toBe(403);
    const anonymous = await get('/api/v1/fiches/policy/P-1.pdf?territory=D13', {});
    expect(anonymous.status).toBe(401);
  }, 60_000);

  it('says what is wrong with the request, never a 500', async () => {
    const noTerritory = await get('/api/v1/fiches/policy/P-1.pdf', who.nationalSteering.headers);
    expect(noTerritory.status).toBe(400);
    expect(await noTerritory.json()).toMatchObject({ error: 'TERRITORY_REQUIRED' });
    const badDate = await get('/api/v1/fiches/policy/P-1.pdf?territory=D13&asOf=yesterday', who.nationalSteering.headers);
    expect(badDate.status).toBe(400);
    expect(await badDate.json()).toMatchObject({ error: 'AS_OF_INVALID', field: 'asOf' });
    const unknown = await get('/api/v1/fiches/policy/NO-SUCH.pdf?territory=D13', who.nationalSteering.headers);
    expect(unknown.status).toBe(404);
  }, 120_000);

  it('answers 503 with how to install Chromium when it is missing', async () => {
    const service = kit.server.app.get(FichesService);
    const configured = service.renderer.settings.chromium;
    (service.renderer.settings as { chromium: string }).chromium = '/nonexistent/chromium';
    try {
      await service.renderer.close();
      const response = await get('/api/v1/fiches/territory/D13.pdf', who.nationalSteering.headers);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { message: string }).message).toMatch(/apt-get install -y chromium.*PILOTE_CHROMIUM/);
    } finally {
      (service.renderer.settings as { chromium: string }).chromium = configured;
    }
  }, 60_000);

  it(`paginates a policy of ${BIG} indicators within the fiche timeout`, async () => {
    const started = Date.now();
    const response = await get('/api/v1/fiches/policy/P-BIG.pdf?territory=D13', who.nationalSteering.headers);
    const took = Date.now() - started;
    expect(response.status).toBe(200);
    const pdf = Buffer.from(await response.arrayBuffer());
    const pages = countPdfPages(pdf);
    console.info(`fiche of ${BIG} indicators: ${pages} pages in ${took} ms`);
    expect(pages).toBeGreaterThan(10);
    expect(took).toBeLessThan(kit.server.app.get(FichesService).renderer.settings.timeoutMs);
    expect(pdfTexts(pdf).map(compact).some((text) => text.includes(compact(`Indicateur numéro ${BIG}`)))).toBe(true);
  }, 240_000);

  it('makes a batch of fiches as one job; killed after 2, the queue\'s retry makes only the others', async () => {
    const service = kit.server.app.get(FichesService);
    const render = service.render.bind(service);
    const rendered: string[] = [];
    let killed = false;
    // The job's process "dies" while making its third fiche: the error leaves the run, as a crash would.
    service.render = async (target, credentials) => {
      if (rendered.length === 2 && !killed) {
        killed = true;
        throw new Error('killed');
      }
      const fiche = await render(target, credentials);
      rendered.push(target.territory ?? '');
      return fiche;
    };
    try {
      const coordinator = who.regionalCoordinatorR84.sessionHeaders;
      const started = await kit.graphql<{ startFicheBatch: { id: string; total: number; state: string } }>(
        'mutation($policyId: ID!, $level: String!) { startFicheBatch(policyId: $policyId, level: $level, lang: "fr") { id total state } }',
        { policyId: 'P-1', level: 'DEPT' },
        coordinator,
      );
      expect(started.errors).toBeUndefined();
      const batch = started.data!.startFicheBatch;
      // The coordinator of R84 reads its départements only: the batch covers those.
      const r84 = (await kit.server.context.dataSource.query(`SELECT count(*)::int AS n FROM territory WHERE level = 'DEPT' AND parent_code = 'R84'`)) as { n: number }[];
      expect(batch.total).toBe(r84[0].n);
      expect(batch.total).toBeGreaterThan(3);
      const status = async () => (await kit.graphql<{ ficheBatch: { done: number; state: string; pages: number } | null }>('query($id: ID!) { ficheBatch(id: $id) { done state pages } }', { id: batch.id }, coordinator)).data!.ficheBatch!;
      const deadline = Date.now() + 90_000;
      while (!killed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
      expect(killed).toBe(true);
      // The two fiches made before the crash are stored (the retry, a second later, may have added some already).
      const atCrash = await status();
      expect(atCrash.done).toBeGreaterThanOrEqual(2);
      expect(atCrash.done).toBeLessThan(batch.total);
      // Another account does not see it, nor download it.
      expect((await kit.graphql('query($id: ID!) { ficheBatch(id: $id) { id } }', { id: batch.id }, who.nationalSteering.sessionHeaders)).data).toEqual({ ficheBatch: null });
      expect((await get(`/api/v1/fiches/batches/${batch.id}.zip`, who.nationalSteering.sessionHeaders)).status).toBe(404);

      // The queue runs the job again (its retry): it makes only the fiches not stored yet.
      const before = rendered.slice(0, 2);
      let finished = await status();
      while (finished.state !== 'done' && Date.now() < deadline + 90_000) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        finished = await status();
      }
      expect(finished).toMatchObject({ done: batch.total, state: 'done' });
      const again = rendered.slice(2);
      expect(again).toHaveLength(batch.total - 2);
      expect(again.filter((code) => before.includes(code))).toEqual([]);
      expect(new Set(rendered).size).toBe(batch.total);
      expect(finished.pages).toBeGreaterThanOrEqual(batch.total);

      const zip = await get(`/api/v1/fiches/batches/${batch.id}.zip`, coordinator);
      expect(zip.status).toBe(200);
      const body = Buffer.from(await zip.arrayBuffer());
      expect(body.readUInt32LE(0)).toBe(0x04034b50);
      expect(body.toString('latin1').match(/fiche-P-1-D\w+\.pdf/g)?.length).toBe(batch.total * 2); // local header + directory
    } finally {
      service.render = render;
    }
  }, 300_000);

  it('refuses a batch to a token and to a reader of no territory of the level', async () => {
    const byToken = await kit.graphql('mutation { startFicheBatch(policyId: "P-1", level: "DEPT") { id } }', {}, who.nationalSteering.headers);
    expect(byToken.errors?.[0].extensions?.reason).toBe('FICHE_BATCH_NEEDS_SESSION');
    const badLevel = await kit.graphql('mutation { startFicheBatch(policyId: "P-1", level: "PLANET") { id } }', {}, who.nationalSteering.sessionHeaders);
    expect(badLevel.errors?.[0].extensions).toMatchObject({ reason: 'LEVEL_UNKNOWN', field: 'level' });
  }, 60_000);
});
