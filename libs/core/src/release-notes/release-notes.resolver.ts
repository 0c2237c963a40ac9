import { Inject } from '@nestjs/common';
import { Context, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { SignedIn } from '../access/access.decorators';
import { actorFromContext } from '../audit/actor-from-request';
import { KIT_CONTEXT, type KitContext } from '../boot/kit-context';
import { LIGHT_QUERY_COST } from '../graphql/query-costs';
import { markNotesSeen, readReleaseNotes, seenNoteIds } from './release-notes.service';

@ObjectType('ReleaseNote', { description: 'A section of the kit\'s or the instance\'s CHANGELOG.md ("Nouveautés").' })
export class ReleaseNoteType {
  @Field(() => ID) id!: string;
  @Field({ description: 'kit or instance' }) source!: string;
  @Field() version!: string;
  @Field({ description: 'Markdown' }) body!: string;
  @Field({ description: 'Whether the signed-in user has seen this text' }) seen!: boolean;
}

function userOf(ctx: object): string {
  const actor = actorFromContext(ctx);
  if (actor.kind !== 'user' && actor.kind !== 'token') throw new GraphQLError('Sign in to read the release notes.', { extensions: { code: 'UNAUTHENTICATED' } });
  return actor.userId;
}

/** Release notes with a per-user unread mark (issue 21). */
@Resolver(() => ReleaseNoteType)
export class ReleaseNotesResolver {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  @Query(() => [ReleaseNoteType], { complexity: LIGHT_QUERY_COST, description: "The instance's then the kit's release notes, newest first, each marked seen or not for you." })
  @SignedIn('everyone signed in reads the release notes; seen marks are their own')
  async releaseNotes(@Context() ctx: object): Promise<ReleaseNoteType[]> {
    const seen = await seenNoteIds(this.kit.dataSource.manager, userOf(ctx));
    return readReleaseNotes(this.kit.instance.directory).map((note) => ({ ...note, seen: seen.has(note.id) }));
  }

  @Query(() => Int, { complexity: LIGHT_QUERY_COST, description: 'How many release notes you have not seen (the badge).' })
  @SignedIn('a count of the caller\'s own unseen notes')
  async unreadReleaseNoteCount(@Context() ctx: object): Promise<number> {
    const seen = await seenNoteIds(this.kit.dataSource.manager, userOf(ctx));
    return readReleaseNotes(this.kit.instance.directory).filter((note) => !seen.has(note.id)).length;
  }

  @Mutation(() => Int, { description: 'Marks every current release note as seen by you; returns how many were unseen.' })
  @SignedIn('marks the caller\'s own notes')
  markReleaseNotesSeen(@Context() ctx: object): Promise<number> {
    return markNotesSeen(this.kit.dataSource.manager, userOf(ctx), readReleaseNotes(this.kit.instance.directory).map((note) => note.id));
  }
}
