import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { SyncIssueType } from './sync.types';

@InputType('SourceBindingInput', { description: 'A new source binding as the admin form gives it; every problem comes back with its field.' })
export class SourceBindingInputType {
  @Field({ description: 'Lower-case letters, digits and dashes, e.g. "logements-dgaln"' }) id!: string;
  @Field() name!: string;
  @Field({ description: '<module>/<source>, one of availableSources' }) source!: string;
  @Field({ description: 'The source\'s settings, as a JSON object (secrets by name only)' }) settings!: string;
  @Field({ description: 'Record key (dot path allowed) holding the indicator id' }) indicatorColumn!: string;
  @Field({ description: 'Record key holding the territory code' }) territoryColumn!: string;
  @Field({ description: 'Record key holding the date' }) dateColumn!: string;
  @Field({ description: 'Record key holding the kind of value (VI, VA, VC…)' }) kindColumn!: string;
  @Field({ description: 'Record key holding the value' }) valueColumn!: string;
  @Field(() => String, { nullable: true, description: 'The source\'s kind codes as a JSON object, e.g. {"actuelle":"VA"}' }) kindCodes?: string | null;
  @Field(() => String, { nullable: true, description: 'Cron (UTC, 5 fields); empty = by hand only' }) schedule?: string | null;
  @Field({ defaultValue: false, description: 'Publish directly (otherwise runs only preview)' }) trusted!: boolean;
}

@ObjectType('AvailableSource', { description: 'A source connector an enabled module offers, and the keys of its settings.' })
export class AvailableSourceType {
  @Field() ref!: string;
  @Field() nameFr!: string;
  @Field() nameEn!: string;
  @Field(() => [String], { description: 'Settings keys; those that hold secret names are in secretSettings' }) settingsKeys!: string[];
  @Field(() => [String]) requiredSettings!: string[];
  @Field(() => [String]) secretSettings!: string[];
}

@ObjectType('SourceBindingDraftPreview', { description: 'A binding tried before it is saved: the first records and what would be written; nothing written.' })
export class SourceBindingDraftPreviewType {
  @Field(() => [String]) columns!: string[];
  @Field(() => [[String]], { description: 'The first records (cells in the order of columns)' }) sample!: string[][];
  @Field(() => Int) rowsRead!: number;
  @Field(() => Int) valuesAccepted!: number;
  @Field(() => Int) valuesRefused!: number;
  @Field(() => Int, { description: 'Values that a run would write (new or changed)' }) wouldWrite!: number;
  @Field(() => Int, { description: 'Values equal to what is published' }) unchanged!: number;
  @Field(() => Int) ratesChanged!: number;
  @Field(() => [SyncIssueType]) issues!: SyncIssueType[];
  @Field(() => String, { nullable: true }) errorCode!: string | null;
  @Field(() => String, { nullable: true }) errorMessage!: string | null;
}
