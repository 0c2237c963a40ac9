import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const root = path.resolve(__dirname, '../..');
const kubernetesDir = path.join(root, 'deploy/kubernetes');

type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; [key: string]: unknown };
type Container = { name: string; image: string; command?: string[]; env?: { name: string; value?: string }[]; envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[]; readinessProbe?: { httpGet?: { path: string; port: string | number } }; ports?: { name?: string; containerPort: number }[] };
type PodSpec = { containers: Container[] };

// The model class of an object, from kubernetes-models (one module per API group and version).
function modelOf(apiVersion: string, kind: string): (new (data: unknown) => { validate(): void }) | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const modulePath = group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
  const models = require(modulePath) as Record<string, new (data: unknown) => { validate(): void }>;
  return models[kind];
}

/** Throws with the schema's message when the object does not fit its Kubernetes schema. */
function validateManifest(manifest: Manifest): void {
  const Model = modelOf(manifest.apiVersion, manifest.kind);
  if (!Model) throw new Error(`${manifest.apiVersion} ${manifest.kind}: no such Kubernetes kind`);
  new Model(manifest).validate();
}

function readManifests(): { file: string; manifest: Manifest }[] {
  const kustomization = parse(readFileSync(path.join(kubernetesDir, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
  return kustomization.resources.flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(kubernetesDir, file), 'utf8')).map((document) => {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`);
      return { file, manifest: document.toJS() as Manifest };
    }),
  );
}

const podSpecOf = (manifest: Manifest): PodSpec => (manifest.spec as { template: { spec: PodSpec } }).template.spec;
const envOf = (container: Container, name: string) => container.env?.find((entry) => entry.name === name)?.value;

describe('Kubernetes manifests (deploy/kubernetes)', () => {
  const manifests = readManifests();
  const byName = (kind: string, name: string) => manifests.find(({ manifest }) => manifest.kind === kind && manifest.metadata.name === name)?.manifest;

  it('lists every file of the folder in the kustomization, and each one is valid against the Kubernetes schemas', () => {
    const listed = new Set(manifests.map(({ file }) => file));
    const files = readdirSync(kubernetesDir).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
    expect([...listed].sort()).toEqual(files.sort());
    for (const { file, manifest } of manifests) {
      expect(() => validateManifest(manifest)).not.toThrow();
      expect({ file, name: manifest.metadata?.name }).toEqual({ file, name: expect.stringMatching(/^pilote-[a-z-]+$/) });
    }
    expect(manifests.map(({ manifest }) => manifest.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'Deployment', 'Job', 'PodDisruptionBudget', 'Secret', 'Service']);
  });

  it('the validator refuses what Kubernetes would refuse (a port as text, an unknown kind)', () => {
    const api = structuredClone(byName('Deployment', 'pilote-api')) as Manifest;
    podSpecOf(api).containers[0].ports = [{ containerPort: 'http' as unknown as number }];
    expect(() => validateManifest(api)).toThrow(/containerPort must be integer/);
    expect(() => validateManifest({ apiVersion: 'apps/v1', kind: 'Deplyment', metadata: { name: 'x' } })).toThrow(/no such Kubernetes kind/);
  });

  it('runs the API with readiness on /health and no job worker, and a worker Deployment with the queue on', () => {
    const api = podSpecOf(byName('Deployment', 'pilote-api') as Manifest).containers[0];
    expect(api.readinessProbe?.httpGet).toEqual({ path: '/health', port: 'http' });
    expect(api.ports).toEqual([{ name: 'http', containerPort: 3000 }]);
    expect(envOf(api, 'PILOTE_JOBS_WORKER')).toBe('off');
    expect((byName('Deployment', 'pilote-api')?.spec as { replicas: number }).replicas).toBeGreaterThanOrEqual(2);
    const worker = podSpecOf(byName('Deployment', 'pilote-worker') as Manifest).containers[0];
    expect(envOf(worker, 'PILOTE_JOBS_WORKER')).toBe('on');
    expect(worker.readinessProbe?.httpGet?.path).toBe('/health');
  });

  it('migrates with a Job running `pilote migrate`, and every pod takes its settings from the ConfigMap and its secrets from the Secret', () => {
    const job = podSpecOf(byName('Job', 'pilote-migrate') as Manifest).containers[0];
    expect(job.command).toEqual(['node', 'apps/cli/dist/main.js', 'migrate']);
    const secret = byName('Secret', 'pilote-secrets') as { stringData: Record<string, string> } & Manifest;
    expect(Object.keys(secret.stringData)).toEqual(expect.arrayContaining(['DATABASE_URL', 'OIDC_CLIENT_SECRET', 'SMTP_PASSWORD']));
    const config = byName('ConfigMap', 'pilote-config') as { data: Record<string, string> } & Manifest;
    // Nothing secret in the ConfigMap.
    expect(Object.keys(config.data).filter((key) => /SECRET|PASSWORD|DATABASE_URL/.test(key))).toEqual([]);
    for (const name of ['pilote-api', 'pilote-worker']) {
      const container = podSpecOf(byName('Deployment', name) as Manifest).containers[0];
      expect(container.envFrom).toEqual([{ configMapRef: { name: 'pilote-config' } }, { secretRef: { name: 'pilote-secrets' } }]);
      expect(container.image).toBe('pilote-kit');
    }
    expect(job.image).toBe('pilote-kit');
    const service = byName('Service', 'pilote-api') as { spec: { selector: Record<string, string> } } & Manifest;
    expect(service.spec.selector).toEqual((byName('Deployment', 'pilote-api')?.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels);
  });
});

describe('compose file (deploy/compose.yaml)', () => {
  type Service = { image?: string; build?: unknown; command?: string | string[]; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; healthcheck?: { test: string[] }; deploy?: { replicas: number }; ports?: string[]; volumes?: string[] };
  const compose = parse(readFileSync(path.join(root, 'deploy/compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown>; configs: Record<string, { content: string }> };
  const { services } = compose;

  it('has the kit (API replicas and a worker), PostgreSQL, a streaming replica and a load balancer', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'lb', 'postgres', 'postgres-replica', 'worker']);
    expect(services.postgres.image).toMatch(/^postgres:1[5-9]/);
    expect(services['postgres-replica'].image).toBe(services.postgres.image);
    expect(String(services['postgres-replica'].command)).toMatch(/pg_basebackup -h postgres .* -R/);
    expect(services.postgres.command).toEqual(expect.arrayContaining(['wal_level=replica']));
  });

  it('starts the kit after PostgreSQL is healthy, checks /health, and splits web replicas from the job worker', () => {
    for (const name of ['api', 'worker']) {
      const service = services[name];
      expect(service.build).toBeDefined();
      expect(service.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
      expect(service.healthcheck?.test.join(' ')).toContain('/health');
      expect(service.environment?.DATABASE_URL).toMatch(/^postgres:\/\/pilote:\$\{POSTGRES_PASSWORD:\?.*\}@postgres:5432\/pilote$/);
      expect(service.environment?.NODE_ENV).toBe('production');
    }
    expect([services.api.environment?.PILOTE_JOBS_WORKER, services.worker.environment?.PILOTE_JOBS_WORKER]).toEqual(['off', 'on']);
    expect(services.api.deploy?.replicas).toBe(2);
    expect(compose.configs.nginx.content).toContain('proxy_pass http://pilote');
  });

  it('takes every password from the environment (deploy/.env), none written in the file', () => {
    const text = readFileSync(path.join(root, 'deploy/compose.yaml'), 'utf8');
    expect(text).not.toMatch(/PASSWORD: (?!\$\{)/);
    const example = readFileSync(path.join(root, 'deploy/.env.example'), 'utf8');
    for (const variable of text.matchAll(/\$\{([A-Z_]+):\?/g)) expect(example).toMatch(new RegExp(`^${variable[1]}=`, 'm'));
  });
});
