import { testInstance } from '@pilote/core/testing';
import { startWorkflowApp, type WorkflowTestApp } from '../../test/support';
import { startSmtpTestServer } from '../../test/smtp-test-server';
import { until } from '../../test/until';

/**
 * Issue 20: an alert's e-mail and in-app notification speak the instance's words (its vocabulary's
 * "situation" for the météo, its level labels, a whole text it overrides), not the kit's, in both
 * languages. PGlite by default, PostgreSQL with DATABASE_URL, a real smtp-server.
 */
const JOB_ENV = { PILOTE_JOBS_POLL_SECONDS: '0.5', PILOTE_JOBS_RETRY_DELAY_SECONDS: '1', PILOTE_JOBS_MAINTENANCE_SECONDS: '1' };
const STEP = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { id state } }`;

describe('alert notifications in the instance\'s words', () => {
  let app: WorkflowTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    for (const [key, value] of Object.entries(JOB_ENV)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    smtp = await startSmtpTestServer();
    // Gendarmerie-like words: "situation"/"status" for the météo, its own level labels, and one whole text overridden.
    const instance = testInstance({
      vocabulary: {
        fr: { policy: 'plan d’action', weather: 'situation', 'notifications:kinds.alert.triggered.title': 'Signalement : {policy} – {territory}' },
        en: { policy: 'action plan', weather: 'status' },
      },
      weatherLevels: [
        { id: 'SUNNY', label: { fr: 'Conforme', en: 'On track' } },
        { id: 'CLOUDY', label: { fr: 'Vigilance', en: 'Watch' } },
        { id: 'RAINY', label: { fr: 'Retard', en: 'Late' } },
        { id: 'STORMY', label: { fr: 'Alerte', en: 'Alert' } },
      ],
    });
    app = await startWorkflowApp({ instance, mail: { host: '127.0.0.1', port: smtp.port, secure: false, user: null, password: null, from: 'Instance <no-reply@test.gouv.fr>' } });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('e-mails and lists the alert with the instance\'s météo word and labels, in French and in English', async () => {
    // The reader reads French (the default); the national steering account asked for English.
    expect((await app.as('nationalSteering', `mutation { setNotificationPreferences(locale: "en") { locale } }`)).errors).toBeUndefined();
    for (const who of ['reader', 'nationalSteering'] as const) {
      const subscribed = await app.as(who, `mutation { subscribeAlert(input: { kind: "policy-weather", policyId: "POL-W", territoryCode: "D13", weather: "STORMY" }) { id } }`);
      expect(subscribed.errors).toBeUndefined();
    }
    const proposed = await app.as<{ proposeNarrative: { id: string } }>('departmentalAgentD13', `mutation { proposeNarrative(input: { policyId: "POL-W", territoryCode: "D13", kind: "weather", weather: "STORMY", body: "Point de situation." }) { id } }`);
    expect(proposed.errors).toBeUndefined();
    const id = proposed.data!.proposeNarrative.id;
    expect((await app.as('departmentalCoordinatorD13', STEP('validateWorkflowItem'), { id })).errors).toBeUndefined();
    expect((await app.as('nationalSteering', STEP('publishWorkflowItem'), { id })).errors).toBeUndefined();

    const mailTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address) && /Signalement|Alert:/.test(mail.subject));
    const [fr] = await until('the French alert e-mail', async () => { const mails = mailTo('reader@test.gouv.fr'); return mails.length ? mails : null; });
    expect(fr.subject).toContain('Signalement : Politique de test du workflow');
    expect(fr.text).toContain('situation « Alerte » pour « Politique de test du workflow » (');
    expect(fr.text).not.toMatch(/Orage|météo/);

    const steering = app.ids.nationalSteering.email!;
    const [en] = await until('the English alert e-mail', async () => { const mails = mailTo(steering); return mails.length ? mails : null; });
    expect(en.subject).toContain('Alert: Politique de test du workflow');
    expect(en.text).toContain('status “Alert” for “Politique de test du workflow” (');
    expect(en.text).not.toMatch(/Stormy|weather/);

    const inbox = await app.as<{ myNotifications: { kind: string; title: string; body: string }[] }>('reader', `{ myNotifications { kind title body } }`);
    const alert = inbox.data!.myNotifications.find((n) => n.kind === 'alert.triggered');
    expect(alert?.title).toMatch(/^Signalement : /);
    expect(alert?.body).toContain('situation « Alerte »');
    const inEnglish = await app.as<{ myNotifications: { kind: string; body: string }[] }>('reader', `{ myNotifications(locale: "en") { kind body } }`);
    expect(inEnglish.data!.myNotifications.find((n) => n.kind === 'alert.triggered')?.body).toContain('status “Alert”');

    // The workflow's own notifications of the same instance name the météo with its word too.
    const published = await app.as<{ myNotifications: { kind: string; title: string }[] }>('departmentalAgentD13', `{ myNotifications { kind title } }`);
    expect(published.data!.myNotifications.find((n) => n.kind === 'item.published')?.title).toContain('la situation de « Politique de test du workflow »');
  }, 120_000);
});
