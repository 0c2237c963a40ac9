import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage';
import PublicHomePage from './PublicHomePage';
import { PublicLayout } from './PublicLayout';
import PublicPolicyPage from './PublicPolicyPage';

/** The public baromètre (`/public/…`): its own chunk and layout, anonymous, phone-first. */
export default function PublicRoutes() {
  return (
    <PublicLayout>
      <Routes>
        <Route index element={<PublicHomePage />} />
        <Route path="policies/:policyId" element={<PublicPolicyPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </PublicLayout>
  );
}
