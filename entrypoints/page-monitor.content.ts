import { startMainWorldMonitor } from '@/src/heuristics/signal-bridge';

// Runs in the page's own world (where history, dialogs and fullscreen calls happen) and
// only counts them; the isolated content script reads the counts (src/heuristics).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    startMainWorldMonitor(window);
  },
});
