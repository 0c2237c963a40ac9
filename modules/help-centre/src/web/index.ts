import { defineModule, ZONES, type WebPart } from '@pilote/module-sdk/web';
import { manifest } from '../common/manifest';
import { lazy } from 'react';
import { HelpLink } from './HelpLink';

// Help pages are their own chunk; the contextual link stays small and eager.
const HelpPage = lazy(() => import('./HelpPage').then((m) => ({ default: m.HelpPage })));
const HelpArticlePage = lazy(() => import('./HelpArticlePage').then((m) => ({ default: m.HelpArticlePage })));

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
