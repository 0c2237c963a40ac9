import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
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
  @Field({ defaultValue: false, description: 'Publish directly (otherwise a run\'s values become proposals for validation)' }) trusted!: boolean;
  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Runs on its schedule and by hand; a disabled binding keeps its settings and history' }) enabled?: boolean | null;
}

@ObjectType('SourceSettingField', { description: 'One setting of a source, from the settings schema its connector declares: the form draws one field per entry.' })
export class SourceSettingFieldType {
  @Field({ description: 'The settings key (and the form field `settings.<name>` problems point at)' }) name!: string;
  @Field({ description: 'string, number, integer, boolean, enum, string-list, enum-list, or json (an object or a union: edited as JSON text)' }) type!: string;
  @Field() required!: boolean;
  @Field({ description: 'i18n key of its label in the module bundle (`<module>:sources.<source>.settings.<name>.label`; `.help` next to it); pages fall back to the schema title, then the name' }) labelKey!: string;
  @Field({ description: 'Holds the NAME of a secret (an environment variable), never its value' }) secret!: boolean;
  @Field(() => [String], { description: 'Allowed values (enum, enum-list)' }) options!: string[];
  @Field(() => String, { nullable: true, description: 'The default as JSON, when the schema gives one' }) default!: string | null;
  @Field(() => String, { nullable: true, description: 'The schema\'s title (English), when no translation exists' }) title!: string | null;
  @Field(() => String, { nullable: true, description: 'uri, email… for strings' }) format!: string | null;
}

@ObjectType('SourceBindingRemoval', { description: 'What deleting a binding did: deleted, or archived because runs (and maybe published values) refer to it.' })
export class SourceBindingRemovalType {
  @Field(() => ID) id!: string;
  @Field({ description: 'deleted or archived' }) outcome!: string;
  @Field(() => String, { nullable: true, description: 'has-runs or values-published (archived only)' }) reason!: string | null;
  @Field(() => Int) runs!: number;
  @Field(() => Int) values!: number;
}

@ObjectType('AvailableSource', { description: 'A source connector an enabled module offers, and the keys of its settings.' })
export class AvailableSourceType {
  @Field() ref!: string;
  @Field() nameFr!: string;
  @Field() nameEn!: string;
  @Field(() => [String], { description: 'Settings keys; those that hold secret names are in secretSettings' }) settingsKeys!: string[];
  @Field(() => [String]) requiredSettings!: string[];
  @Field(() => [String]) secretSettings!: string[];
  @Field(() => [SourceSettingFieldType], { description: 'The settings form, from the connector\'s settings schema' }) settingsFields!: SourceSettingFieldType[];
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
