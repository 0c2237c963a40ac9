import { instanceConfigSchema } from './instance-config.schema';
import { formatZodIssues } from './format-zod-issues';

const base = { id: 'test', name: 'Test', territoryLevels: [{ id: 'NAT', label: 'National' }, { id: 'DEPT', label: 'Département', hasMap: true }] };

describe('publicSite configuration', () => {
  it('is off by default, with the Licence Ouverte and 90 days of snapshots', () => {
    expect(instanceConfigSchema.parse(base).publicSite).toMatchObject({ enabled: false, policies: 'published', weather: false, embeds: { allowedSites: [] }, openData: { snapshotsKept: 90 } });
  });

  it('names every mistake with its path: unknown levels, sites that are not origins', () => {
    const parsed = instanceConfigSchema.safeParse({ ...base, publicSite: { enabled: true, levels: ['NAT', 'REG'], embeds: { allowedSites: ['https://ok.gouv.fr', 'https://bad.gouv.fr/page', 'http://localhost:*'] } } });
    expect(parsed.success).toBe(false);
    const messages = formatZodIssues(parsed.error?.issues ?? []);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('publicSite.embeds.allowedSites.1'), expect.stringContaining('publicSite.levels.1')]));
    expect(messages.join('\n')).toContain('"REG" is not one of territoryLevels (NAT, DEPT)');
    expect(messages).toHaveLength(2);
  });
});
