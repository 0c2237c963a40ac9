import { startWorkflowApp, publish, type WorkflowTestApp } from '../../test/support';
import { startSmtpTestServer } from '../../test/smtp-test-server';
import { until } from '../../test/until';

/**
 * Issue 20: alert subscriptions, evaluated by a job queued in the publishing transaction, on the
 * run's database (PGlite by default, PostgreSQL with DATABASE_URL), e-mailed to a real SMTP server.
 */
const JOB_ENV = { PILOTE_JOBS_POLL_SECONDS: '0.5', PILOTE_JOBS_RETRY_DELAY_SECONDS: '1', PILOTE_JOBS_MAINTENANCE_SECONDS: '1' };
const STEP = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { id state } }`;

describe('alert subscriptions', () => {
  let app: WorkflowTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  const saved: Record<string, string | undefined> = {};
  const alerts = async (userId: string) => (await app.context.dataSource.query(`SELECT id, params, emailed_at FROM notification WHERE kind = 'alert.triggered' AND user_id = $1`, [userId])) as { id: string; params: Record<string, unknown>; emailed_at: Date | null }[];
  const evaluations = async () => (await app.context.dataSource.query(`SELECT state::text AS state FROM pgboss.job WHERE name = 'alerts.evaluate'`)) as { state: string }[];
  const allEvaluated = async () => { const jobs = await evaluations(); return jobs.length > 0 && jobs.every((job) => job.state === 'completed') ? jobs : null; };
  const publishWeather = async (weather: string) => {
    const proposed = await app.as<{ proposeNarrative: { id: string } }>('departmentalAgentD13', `mutation { proposeNarrative(input: { policyId: "POL-W", territoryCode: "D13", kind: "weather", weather: "${weather}", body: "Point de situation." }) { id } }`);
    expect(proposed.errors).toBeUndefined();
    const id = proposed.data!.proposeNarrative.id;
    expect((await app.as('departmentalCoordinatorD13', STEP('validateWorkflowItem'), { id })).errors).toBeUndefined();
    expect((await app.as('nationalSteering', STEP('publishWorkflowItem'), { id })).errors).toBeUndefined();
  };

  beforeAll(async () => {
    for (const [key, value] of Object.entries(JOB_ENV)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    smtp = await startSmtpTestServer();
    app = await startWorkflowApp({ mail: { host: '127.0.0.1', port: smtp.port, secure: false, user: null, password: null, from: 'Instance <no-reply@test.gouv.fr>' } });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('refuses a subscription on what the caller may not read, or with a bad field, and keeps nothing', async () => {
    const outOfScope = await app.as('outOfScopeAgentD29', `mutation { subscribeAlert(input: { kind: "policy-weather", policyId: "POL-W", territoryCode: "D13", weather: "STORMY" }) { id } }`);
    expect(outOfScope.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badWeather = await app.as('reader', `mutation { subscribeAlert(input: { kind: "policy-weather", policyId: "POL-W", territoryCode: "D13", weather: "HAIL" }) { id } }`);
    expect(badWeather.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'weather' });
    const badThreshold = await app.as('reader', `mutation { subscribeAlert(input: { kind: "indicator-rate", indicatorId: "IND-W", territoryCode: "D13", threshold: 140 }) { id } }`);
    expect(badThreshold.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'threshold' });
    const count = (await app.context.dataSource.query(`SELECT count(*)::int AS n FROM alert_subscription`)) as { n: number }[];
    expect(count[0].n).toBe(0);
  });

  it('a publish that turns the policy Orage sends one notification and one e-mail; a second one keeping it Orage sends none; a subscriber without read rights gets nothing', async () => {
    const subscribed = await app.as<{ subscribeAlert: { id: string; firing: boolean } }>('reader', `mutation { subscribeAlert(input: { kind: "policy-weather", policyId: "POL-W", territoryCode: "D13", weather: "STORMY" }) { id firing } }`);
    expect(subscribed.errors).toBeUndefined();
    // Someone who subscribed while they could read D13 and has lost that right since.
    await app.context.dataSource.query(`INSERT INTO alert_subscription (user_id, kind, policy_id, territory_code, weather) VALUES ($1, 'policy-weather', 'POL-W', 'D13', 'STORMY')`, [app.ids.outOfScopeAgentD29.userId]);

    await publishWeather('STORMY');
    await until('the evaluation', allEvaluated);
    const first = await until('the alert e-mail', async () => { const rows = await alerts(app.ids.reader.userId!); return rows.length === 1 && rows[0].emailed_at ? rows : null; });
    expect(first).toHaveLength(1);
    const mails = smtp.received.filter((mail) => mail.to.includes('reader@test.gouv.fr'));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('Alerte : Politique de test du workflow');
    expect(mails[0].text).toContain('météo « Orage » pour « Politique de test du workflow » (');
    expect(mails[0].text).toContain('https://pilote.test.gouv.fr/policies/POL-W?territory=D13');
    const inbox = await app.as<{ myNotifications: { kind: string; title: string; link: string }[] }>('reader', `{ myNotifications { kind title link } }`);
    expect(inbox.data!.myNotifications.filter((n) => n.kind === 'alert.triggered')).toHaveLength(1);

    // Still Orage: the evaluation runs, nobody is told again.
    const jobsBefore = (await evaluations()).length;
    await publishWeather('STORMY');
    await until('the second evaluation', async () => { const jobs = await allEvaluated(); return jobs && jobs.length > jobsBefore ? jobs : null; });
    expect(await alerts(app.ids.reader.userId!)).toHaveLength(1);
    expect(await alerts(app.ids.outOfScopeAgentD29.userId!)).toEqual([]);
    expect(smtp.received.filter((mail) => mail.to.includes('reader@test.gouv.fr'))).toHaveLength(1);
    expect(smtp.received.filter((mail) => mail.to.includes('agent.d29@test.gouv.fr'))).toEqual([]);

    // Better, then Orage again: a new transition, a new alert. The evaluation reads the state when it
    // runs, so a Nuageux replaced before its evaluation ran would be no transition: wait for it (ADR 041).
    const jobsBeforeCloudy = (await evaluations()).length;
    await publishWeather('CLOUDY');
    await until('the evaluation after Nuageux', async () => { const jobs = await allEvaluated(); return jobs && jobs.length > jobsBeforeCloudy ? jobs : null; });
    await publishWeather('STORMY');
    await until('the alert after a new transition', async () => ((await alerts(app.ids.reader.userId!)).length === 2 ? true : null));
  }, 120_000);

  it('tells an indicator\'s subscriber once when a published value takes its rate below the threshold', async () => {
    // D13: VI 10, VC 50, VA 20 → 25 %. Alert below 30 %: a value written now evaluates it.
    const subscribed = await app.as<{ subscribeAlert: { id: string } }>('reader', `mutation { subscribeAlert(input: { kind: "indicator-rate", indicatorId: "IND-W", territoryCode: "D13", threshold: 30 }) { id } }`);
    expect(subscribed.errors).toBeUndefined();
    await publish(app.context.dataSource, [{ indicatorId: 'IND-W', territoryCode: 'D13', kind: 'VA', date: '2024-09-30', value: 18 }], app);
    const rows = await until('the indicator alert', async () => { const all = await alerts(app.ids.reader.userId!); const found = all.filter((n) => n.params.whatKey === 'alert.indicator-rate'); return found.length ? found : null; });
    expect(rows).toHaveLength(1);
    expect(rows[0].params).toMatchObject({ rate: 20, expected: 30 });
    await publish(app.context.dataSource, [{ indicatorId: 'IND-W', territoryCode: 'D13', kind: 'VA', date: '2024-10-31', value: 17 }], app);
    const jobsBefore = (await evaluations()).length;
    await until('the evaluation', async () => { const jobs = await allEvaluated(); return jobs && jobs.length >= jobsBefore ? jobs : null; });
    expect((await alerts(app.ids.reader.userId!)).filter((n) => n.params.whatKey === 'alert.indicator-rate')).toHaveLength(1);
  }, 120_000);
});
