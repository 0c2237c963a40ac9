import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthError, graphqlErrors, type RequestIdentity, requireUser, SignedIn } from '@pilote/auth';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import { FavouriteType, SavedViewType } from './bookmark.types';
import { listFavourites, parseFavouriteKind, setFavourite } from './favourite-store';
import { createSavedView, deleteSavedView, listSavedViews, renameSavedView } from './saved-view-store';

type Req = { identity?: RequestIdentity };

const notYours = () => new AuthError(404, 'NOT_FOUND', 'No such saved view of yours.', 'id');

/** Your favourites and saved views (any signed-in user, only their own). */
@Resolver()
export class BookmarkResolver {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  private get db() {
    return this.kit.dataSource.manager;
  }

  @Query(() => [FavouriteType], { description: 'What you starred, oldest first.' })
  @SignedIn('the caller\'s own favourites')
  myFavourites(@Context('req') req: Req) {
    return graphqlErrors(async () => listFavourites(this.db, requireUser(req.identity)));
  }

  @Mutation(() => Boolean, { description: 'Stars (starred = true) or unstars a policy, an indicator or a territory; answers whether it is starred now.' })
  @SignedIn('the caller\'s own favourites')
  setFavourite(
    @Context('req') req: Req,
    @Args('kind') kind: string,
    @Args('targetId') targetId: string,
    @Args('starred') starred: boolean,
  ) {
    return graphqlErrors(async () => setFavourite(this.db, requireUser(req.identity), parseFavouriteKind(kind), targetId, starred));
  }

  @Query(() => [SavedViewType], { description: 'Your saved views, by name.' })
  @SignedIn('the caller\'s own saved views')
  mySavedViews(@Context('req') req: Req) {
    return graphqlErrors(async () => listSavedViews(this.db, requireUser(req.identity)));
  }

  @Mutation(() => SavedViewType, { description: 'Saves a view of the web app (its path with the query string) under a name.' })
  @SignedIn('the caller\'s own saved views')
  saveView(@Context('req') req: Req, @Args('name') name: string, @Args('path') path: string) {
    return graphqlErrors(async () => createSavedView(this.db, requireUser(req.identity), name, path));
  }

  @Mutation(() => SavedViewType, { description: 'Renames one of your saved views.' })
  @SignedIn('the caller\'s own saved views')
  renameSavedView(@Context('req') req: Req, @Args('id', { type: () => ID }) id: string, @Args('name') name: string) {
    return graphqlErrors(async () => (await renameSavedView(this.db, requireUser(req.identity), id, name)) ?? Promise.reject(notYours()));
  }

  @Mutation(() => Boolean, { description: 'Deletes one of your saved views.' })
  @SignedIn('the caller\'s own saved views')
  deleteSavedView(@Context('req') req: Req, @Args('id', { type: () => ID }) id: string) {
    return graphqlErrors(async () => {
      if (!(await deleteSavedView(this.db, requireUser(req.identity), id))) throw notYours();
      return true;
    });
  }
}
