/** Background jobs for administrators (GraphQL `jobs`, `jobCounts`, `retryJob`: rights `read Job` / `manage Job`). */
export interface Job {
  id: string;
  kind: string;
  state: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: string;
  runAfter: string;
}

export interface JobCount {
  kind: string;
  state: string;
  count: number;
}

export const JOB_STATES = ['failed', 'retry', 'created', 'active', 'completed', 'cancelled'] as const;

export const JOBS_QUERY = `query Jobs($state: String) {
  jobs(state: $state, limit: 100) { id kind state attempts maxAttempts lastError createdAt runAfter }
  jobCounts { kind state count }
}`;

export const RETRY_JOB = `mutation RetryJob($id: ID!) { retryJob(id: $id) { id state } }`;
