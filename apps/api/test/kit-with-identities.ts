import path from 'node:path';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from '@pilote/auth/testing';
import { loadReferential } from '@pilote/core';
import { startTestKit, type TestKit } from '../src/testing';

const referential = path.join(__dirname, '../../../libs/core/test/fixtures/referential-small');

/** The API with dashboards closed, the small referential loaded and the test identities (rights tests). */
export async function startKitWithIdentities(): Promise<{ kit: TestKit; who: Record<TestIdentityName, TestIdentity> }> {
  const kit = await startTestKit({ openDashboards: false });
  await loadReferential(kit.server.context.dataSource, referential, { levels: ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'] });
  const who = await createTestIdentities(kit.server.context.dataSource.manager);
  return { kit, who };
}
