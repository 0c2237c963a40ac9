import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthError, graphqlErrors, type RequestIdentity, requireUser, SignedIn } from '@pilote/auth';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import { Inject } from '@nestjs/common';
import { invalid } from '../items/workflow-errors';
import { countUnread, getPreferences, listNotifications, localeOf, markAllRead, markRead, setPreferences, type StoredNotification } from '../notifications/notification-store';
import { NO_WORDS, notificationWordsOf } from '../notifications/notification-words';
import { type Locale, renderNotification } from '../notifications/render-notification';
import { NotificationPreferencesType, NotificationType } from './notification.types';

type Req = { identity?: RequestIdentity };

const toType = (n: StoredNotification, locale: Locale, words = NO_WORDS): NotificationType => ({ id: n.id, kind: n.kind, ...renderNotification(n.kind, n.params, locale, words), link: n.link, readAt: n.readAt, emailedAt: n.emailedAt, createdAt: n.createdAt });

function parseLocale(value: string | null | undefined): Locale | null {
  if (value === null || value === undefined || value === '') return null;
  if (value === 'fr' || value === 'en') return value;
  throw invalid('locale', `Unknown language "${value}": expected fr or en.`);
}

/** Your notifications (any signed-in user, only their own). */
@Resolver(() => NotificationType)
export class NotificationResolver {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  private get db() {
    return this.kit.dataSource.manager;
  }

  @Query(() => [NotificationType], { description: 'Your notifications, latest first, in `locale` or your preferred language.' })
  @SignedIn('the caller\'s own notifications')
  myNotifications(
    @Context('req') req: Req,
    @Args('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
    @Args('locale', { type: () => String, nullable: true }) locale?: string | null,
  ) {
    return graphqlErrors(async () => {
      const userId = requireUser(req.identity);
      const language = parseLocale(locale) ?? (await localeOf(this.db, userId, this.kit.instance.config.defaultLocale));
      const words = notificationWordsOf(this.kit.instance.config, language);
      return (await listNotifications(this.db, userId, { unreadOnly, limit })).map((n) => toType(n, language, words));
    });
  }

  @Query(() => Int, { description: 'How many of your notifications are unread.' })
  @SignedIn('the caller\'s own notifications')
  unreadNotificationCount(@Context('req') req: Req) {
    return graphqlErrors(async () => countUnread(this.db, requireUser(req.identity)));
  }

  @Mutation(() => NotificationType, { description: 'Marks one of your notifications read.' })
  @SignedIn('the caller\'s own notifications')
  markNotificationRead(@Context('req') req: Req, @Args('id', { type: () => ID }) id: string) {
    return graphqlErrors(async () => {
      const userId = requireUser(req.identity);
      const read = await markRead(this.db, userId, id);
      if (!read) throw new AuthError(404, 'NOT_FOUND', 'No such notification of yours.', 'id');
      const language = await localeOf(this.db, userId, this.kit.instance.config.defaultLocale);
      return toType(read, language, notificationWordsOf(this.kit.instance.config, language));
    });
  }

  @Mutation(() => Int, { description: 'Marks all your notifications read; returns how many were unread.' })
  @SignedIn('the caller\'s own notifications')
  markAllNotificationsRead(@Context('req') req: Req) {
    return graphqlErrors(async () => markAllRead(this.db, requireUser(req.identity)));
  }

  @Query(() => NotificationPreferencesType)
  @SignedIn('the caller\'s own preferences')
  myNotificationPreferences(@Context('req') req: Req) {
    return graphqlErrors(async () => getPreferences(this.db, requireUser(req.identity)));
  }

  @Mutation(() => NotificationPreferencesType, { description: 'Your language for notifications and e-mails, and whether to receive e-mails.' })
  @SignedIn('the caller\'s own preferences')
  setNotificationPreferences(
    @Context('req') req: Req,
    @Args('locale', { type: () => String, nullable: true }) locale?: string | null,
    @Args('email', { type: () => Boolean, nullable: true }) email?: boolean | null,
  ) {
    return graphqlErrors(async () => setPreferences(this.db, requireUser(req.identity), { locale: locale === undefined ? undefined : parseLocale(locale), email }));
  }
}
