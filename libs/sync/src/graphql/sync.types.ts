import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SyncIssue', { description: 'A refused value of a run: where in the source (record number, column), what, and the i18n code of why.' })
export class SyncIssueType {
  @Field() code!: string;
  @Field(() => Int, { description: 'Record number in the source (1 = the first record), 0 for the source as a whole' }) line!: number;
  @Field(() => String, { nullable: true }) column!: string | null;
  @Field(() => String, { nullable: true }) value!: string | null;
  @Field(() => String, { description: 'The code\'s parameters, as JSON' }) params!: string;
}

@ObjectType('SyncRun', { description: 'One run of a source binding: what was read, accepted, refused and changed.' })
export class SyncRunType {
  @Field(() => ID) id!: string;
  @Field() bindingId!: string;
  @Field({ description: 'schedule, manual or cli' }) trigger!: string;
  @Field() dryRun!: boolean;
  @Field({ description: 'running, published, proposed (values sent for validation: untrusted binding), unchanged, dry-run, invalid or failed' }) status!: string;
  @Field(() => Int) attempt!: number;
  @Field(() => Int) rowsRead!: number;
  @Field(() => Int) valuesAccepted!: number;
  @Field(() => Int) valuesRefused!: number;
  @Field(() => Int) valuesChanged!: number;
  @Field(() => Int) ratesChanged!: number;
  @Field(() => String, { nullable: true, description: 'The import batch of the values it wrote (provenance of each value)' }) batchId!: string | null;
  @Field(() => String, { nullable: true, description: 'SOURCE_UNREACHABLE, SOURCE_UNAUTHORIZED, SOURCE_RATE_LIMITED…' }) errorCode!: string | null;
  @Field(() => String, { nullable: true }) errorMessage!: string | null;
  @Field(() => [SyncIssueType], { description: 'The first 50 refused values' }) issues!: SyncIssueType[];
  @Field() startedAt!: string;
  @Field(() => Int, { nullable: true }) durationMs!: number | null;
}

@ObjectType('SourceBinding', { description: 'A connector + settings mapped to indicator values, with a schedule.' })
export class SourceBindingType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: '<module>/<source>, e.g. http-connector/json' }) source!: string;
  @Field(() => String, { nullable: true, description: 'Cron (UTC); null = by hand only' }) schedule!: string | null;
  @Field({ description: 'Publishes directly; otherwise a run\'s values become proposals for validation' }) trusted!: boolean;
  @Field() enabled!: boolean;
  @Field({ description: 'Its settings as a JSON object (secrets by name only), for the edit form' }) settings!: string;
  @Field() indicatorColumn!: string;
  @Field() territoryColumn!: string;
  @Field() dateColumn!: string;
  @Field() kindColumn!: string;
  @Field() valueColumn!: string;
  @Field(() => String, { nullable: true, description: 'Kind codes as a JSON object, when the mapping has some' }) kindCodes!: string | null;
  @Field(() => String, { nullable: true }) nextRunAt!: string | null;
  @Field({ description: 'Whether an enabled module offers its source' }) sourceAvailable!: boolean;
  @Field(() => SyncRunType, { nullable: true }) lastRun!: SyncRunType | null;
}
