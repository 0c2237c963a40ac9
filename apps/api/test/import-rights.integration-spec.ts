import type { TestIdentity, TestIdentityName } from '@pilote/auth/testing';
import type { TestKit } from '../src/testing';
import { startKitWithIdentities } from './kit-with-identities';

const csv = (zone: string) => `identifiant_indic;zone_id;zone_nom;date_valeur;type_valeur;valeur\nI-SUM;${zone};x;30/09/2026;va;12\n`;

/** Imports go through the same rights as everything else: the permission, then the territory scope. */
describe('POST /api/v1/imports rights', () => {
  let kit: TestKit;
  let who: Record<TestIdentityName, TestIdentity>;
  beforeAll(async () => {
    ({ kit, who } = await startKitWithIdentities());
  });
  afterAll(() => kit.close());

  const post = (identity: TestIdentity, zone: string) =>
    fetch(`${kit.url}/api/v1/imports?dryRun=true&lang=en`, { method: 'POST', headers: { 'content-type': 'text/csv', ...identity.headers }, body: csv(zone) });

  it('refuses anonymous callers and roles without the import right, whatever the file', async () => {
    expect([401, 403]).toContain((await post(who.anonymous, 'D13')).status);
    expect((await post(who.reader, 'D13')).status).toBe(403);
    expect((await post(who.departmentalAgentD13, 'D13')).status).toBe(403);
  });

  it('lets a coordinator import into their territory only, naming the row outside it', async () => {
    const inside = await post(who.departmentalCoordinatorD13, 'D13');
    expect(inside.status).toBe(200);
    const outside = await post(who.departmentalCoordinatorD13, 'D29');
    expect(outside.status).toBe(422);
    const report = (await outside.json()) as { errors: { line: number; code: string; message: string }[] };
    expect(report.errors).toEqual([expect.objectContaining({ line: 2, code: 'territoryOutOfScope', message: expect.stringContaining('"D29"') })]);
    const national = await post(who.nationalSteering, 'D29');
    expect(national.status).toBe(200);
  });

  it('applies the same rights and scope to the progress-streaming route', async () => {
    const stream = (identity: TestIdentity, zone: string) =>
      fetch(`${kit.url}/api/v1/imports/stream?dryRun=true&lang=en`, { method: 'POST', headers: { 'content-type': 'text/csv', ...identity.headers }, body: csv(zone) });
    expect([401, 403]).toContain((await stream(who.anonymous, 'D13')).status);
    expect((await stream(who.reader, 'D13')).status).toBe(403);
    const outside = await stream(who.departmentalCoordinatorD13, 'D29');
    expect(outside.status).toBe(200);
    const last = JSON.parse((await outside.text()).trim().split('\n').at(-1)!) as { httpStatus: number; report: { errors: { code: string }[] } };
    expect(last.httpStatus).toBe(422);
    expect(last.report.errors.map((e) => e.code)).toEqual(['territoryOutOfScope']);
  });
});
