import { Field, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar } from '@pilote/core';

@ObjectType('DataPanel', { description: 'Connector data the instance shows in a dashboard zone, drawn by a visualisation.' })
export class DataPanelType {
  @Field() id!: string;
  @Field(() => JsonScalar, { description: 'Text, or text per locale.' }) title!: unknown;
  @Field(() => JsonScalar, { nullable: true }) description!: unknown;
  @Field({ description: 'Zone of the dashboard (territory.main.after, home.aside…).' }) zone!: string;
  @Field({ description: 'Visualisation id registered by a module (chart.line, map.choropleth).' }) visualisation!: string;
  @Field({ description: 'Whether the panel shows only the rows of the territory on screen.' }) byTerritory!: boolean;
  @Field(() => JsonScalar, { nullable: true, description: 'Producer, licence, date of the data.' }) source!: unknown;
}

@ObjectType('DataPanelFrame', { description: 'The rows a panel shows, as a DataFrame (typed fields, one value per row in each).' })
export class DataPanelFrameType {
  @Field() panelId!: string;
  @Field(() => JsonScalar, { description: '{ name?, fields: [{ name, type, unit?, label?, values }], meta? }' }) frame!: unknown;
  @Field(() => Int, { description: 'Rows in the frame.' }) rows!: number;
}
