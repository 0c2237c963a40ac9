import { freePort, graphql } from '@pilote/auth/testing';
import { ITEM_FIELDS, startWorkflowApp, type WorkflowTestApp } from '../../test/support';

const PROPOSE = `mutation { proposeValue(input: { indicatorId: "IND-W", territoryCode: "D13", kind: "VA", date: "2024-11-30", value: 42 }) { ${ITEM_FIELDS} } }`;

describe('notifications when SMTP fails, and access requests to decide', () => {
  let app: WorkflowTestApp;

  beforeAll(async () => {
    // Nothing listens on this port: every e-mail fails.
    const port = await freePort();
    app = await startWorkflowApp({ mail: { host: '127.0.0.1', port, secure: false, user: 'pilote', password: 'never-logged-password', from: 'PILOTE <pilote@test.gouv.fr>' } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps the user’s action and the in-app notification when SMTP is down, and logs no personal data', async () => {
    const result = await app.as<{ proposeValue: { state: string } }>('departmentalAgentD13', PROPOSE);
    expect(result.errors).toBeUndefined();
    expect(result.data!.proposeValue.state).toBe('submitted');
    const inbox = await app.as<{ myNotifications: { kind: string }[] }>('departmentalCoordinatorD13', `{ myNotifications { kind } }`);
    expect(inbox.data!.myNotifications.map((n) => n.kind)).toEqual(['item.submitted']);
    let failure: { email_error: string | null } | undefined;
    for (let i = 0; i < 100 && !failure?.email_error; i += 1) {
      [failure] = (await app.context.dataSource.query(`SELECT email_error FROM notification WHERE kind = 'item.submitted'`)) as { email_error: string | null }[];
      if (!failure?.email_error) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(failure?.email_error).toMatch(/^E[A-Z]+/); // ESOCKET (refused connection)
    expect(app.logs.join('\n')).toMatch(/e-mail of notification [0-9a-f-]{36} \(item\.submitted\) failed: E[A-Z]+/);
    expect(app.logs.join('\n')).not.toMatch(/@|never-logged-password|Bouches/);
  });

  it('tells the managers of the scope that an access request awaits their decision', async () => {
    const requested = await graphql<{ requestAccess: { id: string } }>(
      app.url,
      `mutation { requestAccess(roleId: "deconcentrated-service", scope: { kind: "territory", territoryCode: "D13" }, reason: "Saisie des valeurs du département") { id } }`,
      {},
      app.ids.reader.sessionHeaders,
    );
    expect(requested.errors).toBeUndefined();
    let kinds: string[] = [];
    for (let i = 0; i < 100 && !kinds.includes('access-request.created'); i += 1) {
      const inbox = await app.as<{ myNotifications: { kind: string; title: string }[] }>('departmentalCoordinatorD13', `{ myNotifications { kind title } }`);
      kinds = inbox.data!.myNotifications.map((n) => n.kind);
      if (!kinds.includes('access-request.created')) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const inbox = await app.as<{ myNotifications: { kind: string; title: string }[] }>('departmentalCoordinatorD13', `{ myNotifications { kind title } }`);
    expect(inbox.data!.myNotifications).toContainEqual({ kind: 'access-request.created', title: 'Demande d’accès à traiter : Service déconcentré – Bouches-du-Rhône (D13)' });
    // The notifications came from a job queued in the request's own transaction (durable across a crash).
    const jobs = (await app.context.dataSource.query(`SELECT state::text AS state FROM pgboss.job WHERE name = 'auth.access-request-created'`)) as { state: string }[];
    expect(jobs).toEqual([{ state: 'completed' }]);
    // The requester and managers of other territories are not told.
    const other = await app.as<{ myNotifications: { kind: string }[] }>('regionalCoordinatorR84', `{ myNotifications { kind } }`);
    expect(other.data!.myNotifications).toEqual([]);
  });
});
