// Runs in every e2e spec file: closes the browser the file opened.
import { closeBrowser } from './browser';

// A browser test that fails once is run once more, and the first failure is printed: two races
// (a GraphQL answer cut by a navigation, a request refused mid-navigation) showed up once in many
// runs. A real defect fails twice; the printed first failure keeps flakiness visible.
jest.retryTimes(1, { logErrorsBeforeRetry: true });

afterAll(async () => {
  await closeBrowser();
});
