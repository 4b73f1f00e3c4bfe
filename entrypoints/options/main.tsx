import { render } from 'preact';
import { t } from '@/src/guidance/i18n';
import { Settings } from '@/src/ui/settings/Settings';
import '../popup/style.css';

document.title = t('settingsTitle');
document.documentElement.lang = t('extName') === '反诈哨兵' ? 'zh-CN' : 'en';
render(<Settings />, document.getElementById('app') as HTMLElement);
