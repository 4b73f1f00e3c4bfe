import { guardPage } from '@/src/content/guard-page';
import { startDetectorWarnings } from '@/src/content/detector-warnings';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  // Frames too: a page may embed a listed URL path, which no before-load rule can express
  // in Chrome; the frame's own check sends it to the (blank when framed) warning page.
  allFrames: true,
  main() {
    // First: in Firefox this installs the runtime monitor, which must be in place before the
    // page's first script runs (document_start guarantees that only for synchronous work).
    // Detector warnings are about the page the user sees; a frame's findings are not.
    if (window.top === window) startDetectorWarnings();
    void guardPage();
  },
});
