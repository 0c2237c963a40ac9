// Common entry: what both the server and the browser may import (no Node, no React).
export * from './common';
