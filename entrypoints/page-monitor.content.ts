import { startMainWorldMonitor } from '@/src/heuristics/signal-bridge';

// Chromium: runs in the page's own world (where history, dialogs and fullscreen calls happen)
// and only counts them; the isolated content script reads the counts (src/heuristics).
// Firefox's MV2 build has no MAIN-world content scripts (the key is ignored there and this
// would run, uselessly, in the isolated world): there content.ts installs the same monitor
// through Xrays instead (src/heuristics/xray-monitor.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  world: 'MAIN',
  include: ['chrome'],
  main() {
    startMainWorldMonitor(window);
  },
});
