import { BadRequestException, Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can } from '../access/access.decorators';
import { KIT_CONTEXT, type KitContext } from '../boot/kit-context';
import { LIGHT_QUERY_COST } from '../graphql/query-costs';
import { countJobs, JobInputError, listJobs, parseJobState, retryParkedJob } from './job-admin';
import { jobQueueOf } from './job-queue';
import { JobCountType, JobKindType, JobType } from './jobs.types';

const asInputError = (error: unknown): never => {
  if (error instanceof JobInputError) throw new BadRequestException(error.message);
  throw error;
};

/** Background jobs for administrators: `read Job` to list, `manage Job` to retry; no default role but the admin's `manage all` holds them. */
@Resolver(() => JobType)
export class JobsResolver {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  @Query(() => [JobType], { complexity: LIGHT_QUERY_COST, description: 'Jobs newest first; `state` filters (parked = failed).' })
  @Can('read', 'Job')
  async jobs(
    @Args('state', { type: () => String, nullable: true }) state: string | null,
    @Args('kind', { type: () => String, nullable: true }) kind: string | null,
    @Args('limit', { type: () => Int, nullable: true }) limit: number | null,
  ): Promise<JobType[]> {
    const parsed = (() => {
      try {
        return parseJobState(state);
      } catch (error) {
        return asInputError(error);
      }
    })();
    return listJobs(this.kit.dataSource.manager, { state: parsed, kind, limit: limit ?? 50 });
  }

  @Query(() => [JobCountType], { complexity: LIGHT_QUERY_COST, description: 'How many jobs per kind and state.' })
  @Can('read', 'Job')
  jobCounts(): Promise<JobCountType[]> {
    return countJobs(this.kit.dataSource.manager);
  }

  @Query(() => [JobKindType], { complexity: LIGHT_QUERY_COST, description: 'Kinds defined by the core and the enabled modules, with their schedules.' })
  @Can('read', 'Job')
  jobKinds(): JobKindType[] {
    return jobQueueOf(this.kit)
      .definedKinds()
      .map((kind) => ({ name: kind.name, description: kind.description, schedule: kind.schedule ?? null }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  @Mutation(() => JobType, { description: 'Gives a parked (failed) job one more attempt now.' })
  @Can('manage', 'Job')
  async retryJob(@Args('id', { type: () => ID }) id: string): Promise<JobType> {
    try {
      return await retryParkedJob(this.kit.dataSource.manager, id);
    } catch (error) {
      return asInputError(error);
    }
  }
}
