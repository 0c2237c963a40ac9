import { LoadingState } from '@pilote/ui';
import { useSyncExternalStore, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { getModuleRoutes, subscribeModuleRoutes } from './moduleRoutesStore';

/** The pages of the enabled modules; `fallback` (not found) for any other path once modules are loaded. */
export function ModuleRoutes({ fallback }: { fallback: ReactNode }) {
  const { routes, ready } = useSyncExternalStore(subscribeModuleRoutes, getModuleRoutes, getModuleRoutes);
  if (!ready) return <LoadingState />;
  return (
    <Routes>
      {routes.map(({ path, component: Page }) => <Route key={path} path={path} element={<Page />} />)}
      <Route path="*" element={fallback} />
    </Routes>
  );
}
