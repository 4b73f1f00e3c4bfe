import { render } from 'preact';
import { Popup } from '@/src/ui/popup/Popup';

// Opened in a tab (from the warning's "settings" link) the popup gets the page's width.
if (new URLSearchParams(location.search).has('tab')) document.body.classList.add('in-tab');
document.documentElement.lang = navigator.language;
render(<Popup />, document.getElementById('app') as HTMLElement);
