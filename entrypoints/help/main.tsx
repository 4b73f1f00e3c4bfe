import { render } from 'preact';
import { t } from '@/src/guidance/i18n';
import { HelpPage, helpParams } from '@/src/ui/help/HelpPage';
import '../popup/style.css';

const params = helpParams(location.search);
document.title = t(params.topic === 'paid' ? 'paidTitle' : 'reportTitle');
document.documentElement.lang = t('extName') === '反诈哨兵' ? 'zh-CN' : 'en';
render(<HelpPage {...params} />, document.getElementById('app') as HTMLElement);
