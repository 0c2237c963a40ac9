import { PGlite } from '@electric-sql/pglite';
import { embeddedStartParams } from './embedded-postgres';

describe('embeddedStartParams', () => {
  it("keeps PGlite's parameters (and initdb's page cache) when nothing is set", () => {
    expect(embeddedStartParams({})).toEqual(PGlite.defaultStartParams);
  });

  it('sets the page cache from PILOTE_EMBEDDED_SHARED_BUFFERS', () => {
    expect(embeddedStartParams({ PILOTE_EMBEDDED_SHARED_BUFFERS: '32MB' }).slice(-2)).toEqual(['-c', 'shared_buffers=32MB']);
  });

  it('says which setting is wrong and what it expects', () => {
    expect(() => embeddedStartParams({ PILOTE_EMBEDDED_SHARED_BUFFERS: '32 megs' })).toThrow(/PILOTE_EMBEDDED_SHARED_BUFFERS must be a PostgreSQL size such as 32MB, got "32 megs"/);
  });
});
