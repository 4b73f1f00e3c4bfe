import { render } from 'preact';
import { t } from '@/src/guidance/i18n';
import { DIALOG_CSS } from '@/src/ui/dialog-styles';
import { targetFromHash } from '@/src/ui/warning-page/target-url';
import { WarningPage } from '@/src/ui/warning-page/WarningPage';

// The page is reachable from the web (the before-load redirect needs that), so it refuses
// to work inside a frame: no site can overlay it and trick the user into clicking.
if (window.top === window) {
  document.title = `⚠ ${t('dialogTitle')}`;
  document.documentElement.lang = navigator.language;
  const style = document.createElement('style');
  style.textContent = `${DIALOG_CSS.replace(/:host\s*\{[^}]*\}/, '')} html,body{margin:0;background:#7f1d1d}`;
  document.head.append(style);
  const root = document.getElementById('app') as HTMLElement;
  root.className = 'backdrop';
  render(<WarningPage target={targetFromHash(location.hash)} />, root);
}
