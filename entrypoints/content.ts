import { guardPage } from '@/src/content/guard-page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    void guardPage();
  },
});
