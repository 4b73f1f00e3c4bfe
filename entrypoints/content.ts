import { guardPage } from '@/src/content/guard-page';
import { startDetectorWarnings } from '@/src/content/detector-warnings';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    // First: in Firefox this installs the runtime monitor, which must be in place before the
    // page's first script runs (document_start guarantees that only for synchronous work).
    startDetectorWarnings();
    void guardPage();
  },
});
