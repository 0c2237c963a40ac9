import matomo from '../../../modules/matomo/src/server';
import { moduleOriginsOf } from '../src/security/content-security-policy';
import { startTestKit, type TestKit } from '../src/testing';

const cspOf = async (kit: TestKit) => (await fetch(`${kit.server.url}/health`)).headers.get('content-security-policy') ?? '';
const directive = (csp: string, name: string) => csp.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name} `)) ?? '';

/** The optional Matomo module (issue 19): its origin, and only it, enters the CSP when it is enabled. */
describe('content security policy and modules (contentSecurityOrigins)', () => {
  it('lets in no other origin by default', async () => {
    const kit = await startTestKit();
    try {
      const csp = await cspOf(kit);
      expect(directive(csp, 'script-src')).toBe("script-src 'self'");
      expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
      expect(csp).not.toMatch(/https:\/\//);
    } finally {
      await kit.close();
    }
  });

  it('adds the instance Matomo origin to script-src, connect-src and img-src when the module is enabled', async () => {
    const kit = await startTestKit({ modules: [{ manifest: matomo, settings: { url: 'https://stats.example.gouv.fr/matomo', siteId: 7 } }] });
    try {
      const csp = await cspOf(kit);
      expect(directive(csp, 'script-src')).toBe("script-src 'self' https://stats.example.gouv.fr");
      expect(directive(csp, 'connect-src')).toBe("connect-src 'self' https://stats.example.gouv.fr");
      expect(directive(csp, 'img-src')).toBe("img-src 'self' data: blob: https://stats.example.gouv.fr");
      expect(directive(csp, 'default-src')).toBe("default-src 'self'");
      const publicSettings = await kit.graphql<{ instance: { modules: { id: string; publicSettings: Record<string, unknown> }[] } }>('{ instance { modules { id publicSettings } } }');
      expect(publicSettings.data?.instance.modules.find((module) => module.id === 'matomo')?.publicSettings).toEqual({ url: 'https://stats.example.gouv.fr/matomo/', siteId: '7' });
    } finally {
      await kit.close();
    }
  });

  it('refuses settings that are not an https Matomo address and a site number, naming the field', () => {
    const schema = matomo.settingsSchema!;
    expect(schema.safeParse({ url: 'https://stats.example.gouv.fr', siteId: '3' }).success).toBe(true);
    const paths = (value: unknown) => [...new Set((schema.safeParse(value).error?.issues ?? []).map((issue) => issue.path.join('.')))];
    expect(paths({ url: 'http://stats.example.gouv.fr', siteId: 3 })).toEqual(['url']);
    expect(paths({ url: 'https://stats.example.gouv.fr/?x=1', siteId: 3 })).toEqual(['url']);
    expect(paths({ url: 'not an address', siteId: 3 })).toEqual(['url']);
    expect(paths({ url: 'https://stats.example.gouv.fr', siteId: 'abc' })).toEqual(['siteId']);
    expect(paths({ url: 'https://stats.example.gouv.fr', siteId: 0 })).toEqual(['siteId']);
    expect(() => moduleOriginsOf([{ id: 'bad', origins: ['http://x.example'] }])).toThrow(/Module "bad".*https origin/);
    expect(() => moduleOriginsOf([{ id: 'bad', origins: ['https://x.example/path'] }])).toThrow(/Module "bad"/);
  });
});
