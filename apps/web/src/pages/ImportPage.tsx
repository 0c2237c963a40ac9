import { ImportWizard } from '../features/entry/ImportWizard';

/** `/import`: the import wizard (libs/import's POST /api/v1/imports). */
export default function ImportPage() {
  return <ImportWizard />;
}
