import { AuthEvents } from './auth-events';

describe('AuthEvents', () => {
  it('delivers typed events to subscribers until they unsubscribe, and survives a failing listener', async () => {
    const failures: string[] = [];
    const events = new AuthEvents((event, error) => failures.push(`${event}: ${(error as Error).message}`));
    const seen: string[] = [];
    const off = events.on('access-request.created', (e) => void seen.push(e.requestId));
    events.on('access-request.created', () => {
      throw new Error('smtp down');
    });
    const event = { requestId: 'r1', requesterId: 'u1', roleId: 'reader', scope: { kind: 'all' as const }, source: 'app' as const };
    await events.emit('access-request.created', event);
    off();
    await events.emit('access-request.created', { ...event, requestId: 'r2' });
    expect(seen).toEqual(['r1']);
    expect(failures).toEqual(['access-request.created: smtp down', 'access-request.created: smtp down']);
  });
});
