import { renderEarlyWarning } from '@/src/ui/warning-page/early-render';
import { startEarlyCheck } from '@/src/ui/warning-page/early-check';
import { markWarningShown, setUpWarningDocument } from '@/src/ui/warning-page/page-setup';

// The warning page's first script, a small async classic one (it runs as soon as it is
// fetched): asks the background about the page's #url while the page's module and Preact
// load, and shows the warning with plain DOM as soon as the answer is a block, often before
// Preact is there. wxt.config.ts adds it to warning.html after Vite has bundled the page.
export default defineUnlistedScript(() => {
  const verdict = startEarlyCheck();
  // Anything but a block (or no answer) is left to the module: it goes on to the site or says why not.
  verdict?.then(
    (v) => {
      if (v.kind !== 'blocked') return;
      const show = () => {
        const root = document.getElementById('app');
        // Nothing to add once the module has rendered (it asked first and took the answer).
        if (!root || root.firstElementChild) return;
        setUpWarningDocument(document, root);
        renderEarlyWarning(document, root, v);
        markWarningShown();
      };
      // An async script may run before the parser has reached #app.
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show, { once: true });
      else show();
    },
    () => undefined,
  );
});
