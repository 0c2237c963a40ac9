import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { Can, KIT_CONTEXT, type KitContext, LIST_QUERY_COST } from '@pilote/module-sdk/server';
import { GraphQLError } from 'graphql';
import { findHelpArticle, searchHelpArticles } from './help-article.store';
import { HelpArticleType } from './help-article.types';

@Resolver(() => HelpArticleType)
export class HelpCentreResolver {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  @Query(() => [HelpArticleType], { description: 'Help articles of a page and/or matching a full-text search, best first.', complexity: LIST_QUERY_COST })
  @Can('read', 'HelpArticle')
  helpArticles(
    @Args('search', { nullable: true, type: () => String }) search?: string | null,
    @Args('page', { nullable: true, type: () => String }) page?: string | null,
    @Args('locale', { nullable: true, type: () => String }) locale?: string | null,
  ): Promise<HelpArticleType[]> {
    if (search && search.length > 200) throw new GraphQLError('The search is too long (200 characters at most).', { extensions: { code: 'BAD_USER_INPUT' } });
    return searchHelpArticles(this.kit.dataSource, { search, page, locale });
  }

  @Query(() => HelpArticleType, { description: 'One help article by its slug (its file name without .md).' })
  @Can('read', 'HelpArticle')
  async helpArticle(@Args('slug') slug: string): Promise<HelpArticleType> {
    const article = await findHelpArticle(this.kit.dataSource, slug);
    if (!article) throw new GraphQLError(`No help article "${slug}"`, { extensions: { code: 'NOT_FOUND' } });
    return article;
  }
}
