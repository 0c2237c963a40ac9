import type { JobsQuery } from '../../api/generated/graphql';
export { JobsDocument as JOBS_QUERY, RetryJobDocument as RETRY_JOB } from '../../api/generated/graphql';

/** Background jobs for administrators (GraphQL `jobs`, `jobCounts`, `retryJob`: rights `read Job` / `manage Job`). */
export type Job = JobsQuery['jobs'][number];
export type JobCount = JobsQuery['jobCounts'][number];

export const JOB_STATES = ['failed', 'retry', 'created', 'active', 'completed', 'cancelled'] as const;
