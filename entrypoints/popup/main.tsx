import { render } from 'preact';
import { t } from '@/src/guidance/i18n';
import { Popup } from '@/src/ui/popup/Popup';

// Opened in a tab the popup gets the page's width. `tabId` names the tab it is about (the
// browser's own popup asks for the active tab); the background reads that tab's address.
performance.mark('popup:script');
const query = new URLSearchParams(location.search);
const tabId = Number(query.get('tabId') ?? NaN);
if (query.has('tab') || query.has('tabId')) document.body.classList.add('in-tab');
document.documentElement.lang = t('extName') === '反诈哨兵' ? 'zh-CN' : 'en';
render(<Popup tabId={Number.isInteger(tabId) ? tabId : undefined} />, document.getElementById('app') as HTMLElement);
