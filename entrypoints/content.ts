import { guardPage } from '@/src/content/guard-page';
import { startDetectorWarnings } from '@/src/content/detector-warnings';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    void guardPage();
    startDetectorWarnings();
  },
});
