import { BadRequestException, Controller, Get, HttpException, Inject, NotFoundException, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../access/access.decorators';
import { KIT_CONTEXT, type KitContext } from '../boot/kit-context';
import { localize } from '../config/localized-text';
import { EMBED_SCRIPT } from './embed-script';
import { NotPublicError, PublicReadModel, publicScopeOf } from './public-read-model';

const EMBED_PAGE = /^\/embed\/(indicator-chart|indicator-map|indicator-table|policy-gauge|policy-map)\/([^/]+)$/;
const POLICY_PAGE = /^\/public\/policies\/([^/]+)$/;

/**
 * Embeds of the public baromètre (ADR 039): the web component script and the oEmbed endpoint.
 * oEmbed answers only for public things (the read model checks), never for anything else.
 */
@Controller()
export class EmbedController {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  @Get('embed.js')
  @Public('the <pilote-embed> web component: a script that frames public embed pages, no data')
  script(@Res() res: Response) {
    // Loaded by other sites' pages: helmet's same-origin resource policy would block it there.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type('application/javascript; charset=utf-8').send(EMBED_SCRIPT);
  }

  @Get('api/v1/oembed')
  @Public('oEmbed of public baromètre pages: the iframe code of something public, checked by the public read model')
  async oembed(@Query() query: { url?: string; format?: string; maxwidth?: string; maxheight?: string }, @Req() req: Request) {
    // Nothing is public on an instance without a public site: whatever the address, there is nothing to embed.
    if (!this.kit.instance.config.publicSite.enabled) throw new NotFoundException({ error: 'NOT_PUBLIC', message: 'This instance has no public site.' });
    if (query.format !== undefined && query.format !== 'json') throw new HttpException({ error: 'FORMAT_NOT_IMPLEMENTED', message: 'format must be json (oEmbed 501).' }, 501);
    if (typeof query.url !== 'string' || !query.url) throw new BadRequestException({ error: 'BAD_PARAMETER', message: 'url is required: the address of a public page or embed.' });
    let url: URL;
    try {
      url = new URL(query.url);
    } catch {
      throw new BadRequestException({ error: 'BAD_PARAMETER', message: `url is not an address: "${query.url}".` });
    }
    const host = req.get('host');
    const embed = EMBED_PAGE.exec(url.pathname);
    const policyPage = POLICY_PAGE.exec(url.pathname);
    if (url.host !== host || (!embed && !policyPage)) throw new NotFoundException({ error: 'NOT_FOUND', message: 'This address is not a public page of this instance.' });
    const kind = embed ? embed[1] : 'policy-gauge';
    const id = decodeURIComponent(embed ? embed[2] : (policyPage?.[1] ?? ''));
    const territory = url.searchParams.get('territory');
    const model = new PublicReadModel(this.kit.dataSource.manager, publicScopeOf(this.kit.instance.config));
    let title: string;
    try {
      title = kind.startsWith('policy-') ? (await model.policy(id, territory)).policy.name : (await model.indicator(id, territory)).indicator.name;
    } catch (error) {
      if (error instanceof NotPublicError) throw new NotFoundException({ error: 'NOT_PUBLIC', message: error.message });
      throw error;
    }
    const width = Math.min(Number(query.maxwidth) || 640, 1200);
    const height = Math.min(Number(query.maxheight) || (kind === 'policy-gauge' ? 220 : 460), 1200);
    const src = new URL(`/embed/${kind}/${encodeURIComponent(id)}`, `${url.protocol}//${url.host}`);
    if (territory) src.searchParams.set('territory', territory);
    const lang = url.searchParams.get('lang');
    if (lang) src.searchParams.set('lang', lang);
    const config = this.kit.instance.config;
    const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
    return {
      version: '1.0',
      type: 'rich',
      title,
      provider_name: localize(config.name, config.defaultLocale),
      provider_url: `${url.protocol}//${url.host}/public`,
      width,
      height,
      html: `<iframe src="${escape(src.toString())}" title="${escape(title)}" width="${width}" height="${height}" style="border:0" loading="lazy"></iframe>`,
    };
  }
}
