import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Notification', { description: 'Something that needs your attention, in your language.' })
export class NotificationType {
  @Field(() => ID) id!: string;
  @Field({ description: 'item.submitted, item.validated, item.refused, item.published, campaign.deadline, access-request.created' }) kind!: string;
  @Field() title!: string;
  @Field() body!: string;
  @Field(() => String, { nullable: true, description: 'Path in the web app' }) link!: string | null;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
  @Field(() => Date, { nullable: true }) emailedAt!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType('NotificationPreferences')
export class NotificationPreferencesType {
  @Field(() => String, { nullable: true, description: 'fr or en; null: the instance’s default' }) locale!: string | null;
  @Field({ description: 'Whether notifications are also sent by e-mail' }) email!: boolean;
}
