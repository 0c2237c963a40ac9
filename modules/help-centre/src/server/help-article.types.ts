import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('HelpArticle', { description: 'An article of the help centre (module help-centre); body is Markdown.' })
export class HelpArticleType {
  @Field() slug!: string;
  @Field() title!: string;
  @Field(() => [String]) keywords!: string[];
  @Field(() => [String], { description: 'Page ids the article is about (home, policy, territory)' }) pages!: string[];
  @Field() locale!: string;
  @Field(() => Int) order!: number;
  @Field() body!: string;
  @Field() excerpt!: string;
}
