// Runs in every e2e spec file: closes the browser the file opened.
import { closeBrowser } from './browser';

afterAll(async () => {
  await closeBrowser();
});
