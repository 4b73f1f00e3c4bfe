import { startEarlyCheck } from '@/src/ui/warning-page/early-check';

// The warning page's first script, a small async classic one (it runs as soon as it is
// fetched): asks the background about the page's #url while the page's module and Preact load.
// wxt.config.ts adds it to warning.html after Vite has bundled the page.
export default defineUnlistedScript(() => startEarlyCheck());
