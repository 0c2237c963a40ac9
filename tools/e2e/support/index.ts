export { checkAccessibility, formatViolations, type AccessibilityOptions } from './accessibility';
export { closeBrowser, openPage, screenshot, type OpenedPage, type OpenPageOptions } from './browser';
export { e2eTarget, url, type E2eTarget } from './env';
export { get, graphql } from './http';
