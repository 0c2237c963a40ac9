import { LoadingState } from '@pilote/ui';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { ExplainProvider } from './features/explain/ExplainProvider';
import { PageViewReporter } from './features/usage/PageViewReporter';
import { Layout } from './layout/Layout';
import { ModuleRoutes } from './modules/ModuleRoutes';
import { NotFoundPage } from './pages/NotFoundPage';

const HomePage = lazy(() => import('./pages/HomePage'));
const PolicyPage = lazy(() => import('./pages/PolicyPage'));
const ComparePage = lazy(() => import('./pages/ComparePage'));
const IndicatorPage = lazy(() => import('./pages/IndicatorPage'));
const TerritoryPage = lazy(() => import('./pages/TerritoryPage'));
const AccessibilityPage = lazy(() => import('./pages/AccessibilityPage'));
const LoginPage = lazy(() => import('./pages/LoginPage'));
const EntryPage = lazy(() => import('./pages/EntryPage'));
const CampaignsPage = lazy(() => import('./pages/CampaignsPage'));
const CampaignPage = lazy(() => import('./pages/CampaignPage'));
const CampaignFormPage = lazy(() => import('./pages/CampaignFormPage'));
const TokensPage = lazy(() => import('./pages/TokensPage'));
const AccountPage = lazy(() => import('./pages/AccountPage'));
const RightsAdminPage = lazy(() => import('./pages/RightsAdminPage'));
const TokensAdminPage = lazy(() => import('./pages/TokensAdminPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const ModulesAdminPage = lazy(() => import('./pages/ModulesAdminPage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
const AccessRequestsPage = lazy(() => import('./pages/AccessRequestsPage'));
const AccessRequestsAdminPage = lazy(() => import('./pages/AccessRequestsAdminPage'));
const JobsAdminPage = lazy(() => import('./pages/JobsAdminPage'));
const SourcesAdminPage = lazy(() => import('./pages/SourcesAdminPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const UsagePage = lazy(() => import('./pages/UsagePage'));
const NewsPage = lazy(() => import('./pages/NewsPage'));
const PublicRoutes = lazy(() => import('./features/public/PublicRoutes'));
const EmbedPage = lazy(() => import('./features/public/EmbedPage'));
const PrintPolicyPage = lazy(() => import('./pages/PrintPolicyPage'));
const PrintTerritoryPage = lazy(() => import('./pages/PrintTerritoryPage'));

export function AppRoutes() {
  // The public baromètre and its embeds have their own frames (no account menu, no dashboard layout).
  return (
    <>
      {/* Usage figures (ADR 045): each page shown is counted, without trackers. */}
      <PageViewReporter />
      <Routes>
        <Route path="/public/*" element={<Suspense fallback={<LoadingState />}><PublicRoutes /></Suspense>} />
        <Route path="/embed/:kind/:id" element={<Suspense fallback={<LoadingState />}><EmbedPage /></Suspense>} />
        {/* Fiches for paper and the server's PDF (ADR 046): no menus, no buttons. */}
        <Route path="/print/policy/:policyId" element={<Suspense fallback={<LoadingState />}><PrintPolicyPage /></Suspense>} />
        <Route path="/print/territory/:code" element={<Suspense fallback={<LoadingState />}><PrintTerritoryPage /></Suspense>} />
        <Route path="*" element={<DashboardRoutes />} />
      </Routes>
    </>
  );
}

function DashboardRoutes() {
  return (
    <ExplainProvider>
      <Layout>
        <Suspense fallback={<LoadingState />}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/policies/:policyId" element={<PolicyPage />} />
            <Route path="/indicators/:indicatorId" element={<IndicatorPage />} />
            <Route path="/compare" element={<ComparePage />} />
            <Route path="/territories/:code" element={<TerritoryPage />} />
            <Route path="/accessibility" element={<AccessibilityPage />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/entry" element={<EntryPage />} />
            <Route path="/campaigns" element={<CampaignsPage />} />
            <Route path="/campaigns/new" element={<CampaignFormPage />} />
            <Route path="/campaigns/:id" element={<CampaignPage />} />
            <Route path="/campaigns/:id/edit" element={<CampaignFormPage />} />
            <Route path="/account" element={<AccountPage />} />
            <Route path="/account/tokens" element={<TokensPage />} />
            <Route path="/admin/tokens" element={<TokensAdminPage />} />
            <Route path="/admin/rights" element={<RightsAdminPage />} />
            <Route path="/import" element={<ImportPage />} />
            <Route path="/admin/modules" element={<ModulesAdminPage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/access-requests" element={<AccessRequestsPage />} />
            <Route path="/admin/access-requests" element={<AccessRequestsAdminPage />} />
            <Route path="/admin/jobs" element={<JobsAdminPage />} />
            <Route path="/admin/sources" element={<SourcesAdminPage />} />
            <Route path="/admin/audit" element={<AuditPage />} />
            <Route path="/admin/usage" element={<UsagePage />} />
            <Route path="/news" element={<NewsPage />} />
            <Route path="*" element={<ModuleRoutes fallback={<NotFoundPage />} />} />
          </Routes>
        </Suspense>
      </Layout>
    </ExplainProvider>
  );
}
