import { guardPage } from '@/src/content/guard-page';
import { startDetectorWarnings } from '@/src/content/detector-warnings';

// Declared in wxt.config.ts (content_scripts: http/https, document_start, all frames), not with
// defineContentScript: WXT wraps those in a "context" that, at document_start in every frame,
// dispatches a DOM event and posts a window message the page itself receives (telling it an
// extension is there), and sets up an AbortController and a location watcher we never use.
// That wrapper was the largest part of the content script's cost per page (docs/bench.md,
// "Page-load overhead"); an unlisted script is built as a bare IIFE that only calls this.
//
// Frames too: a page may embed a listed URL path, which no before-load rule can express in
// Chrome; the frame's own check sends it to the (blank when framed) warning page.
export default defineUnlistedScript(() => {
  // First: in Firefox this installs the runtime monitor, which must be in place before the
  // page's first script runs (document_start guarantees that only for synchronous work).
  // Detector warnings are about the page the user sees; a frame's findings are not.
  if (window.top === window) startDetectorWarnings();
  void guardPage();
});
