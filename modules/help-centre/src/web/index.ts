import { defineModule, ZONES, type WebPart } from '@pilote/module-sdk/web';
import { manifest } from '../common/manifest';
import { HelpArticlePage } from './HelpArticlePage';
import { HelpLink } from './HelpLink';
import { HelpPage } from './HelpPage';

const web: WebPart = {
  routes: [
    { path: '/help', component: HelpPage },
    { path: '/help/:slug', component: HelpArticlePage },
  ],
  navItems: [{ id: 'help', to: '/help', label: 'nav.help', order: 900 }],
  widgets: [
    { id: 'help-link-home', zone: ZONES.homeAside, component: HelpLink, order: 900 },
    { id: 'help-link-policy', zone: ZONES.policyAside, component: HelpLink, order: 900 },
    { id: 'help-link-territory', zone: ZONES.territoryMainAfter, component: HelpLink, order: 900 },
  ],
};

export default defineModule({ ...manifest, web });
export { Markdown } from './markdown/Markdown';
export { parseMarkdown } from './markdown/parse-markdown';
