import { browser, type Browser } from 'wxt/browser';
import { BypassStore } from '@/src/background/bypass';
import { handleMessage, type HandlerContext } from '@/src/background/handle-message';
import { SentryService } from '@/src/background/service';
import { t } from '@/src/guidance/i18n';
import { openFraudDb } from '@/src/store/open-db';

const UPDATE_ALARM = 'update-lists';
/** How often to look for lists whose update (or retry after back-off) is due. */
const ALARM_PERIOD_MINUTES = 30;

export default defineBackground(() => {
  const service = new SentryService({
    openDb: () => openFraudDb(),
    readBundled: async (path) => (await fetch(browser.runtime.getURL(`/${path}` as '/'))).text(),
    bypass: new BypassStore(sessionPersistence()),
    userListName: t('userListName'),
  });
  const ctx: HandlerContext = {
    service,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    tabs: {
      goBack: (tabId) => browser.tabs.goBack(tabId),
      navigate: async (tabId, url) => void (await browser.tabs.update(tabId, { url })),
      openExtensionPage: async (path) => void (await browser.tabs.create({ url: browser.runtime.getURL(path as '/') })),
    },
  };

  // Listeners are registered synchronously, so a message that wakes the worker is not
  // lost; the handlers themselves wait for service.ready.
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) =>
    handleMessage(message, sender, ctx),
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) void service.updateDueLists();
  });
  browser.tabs.onRemoved.addListener((tabId) => void service.tabClosed(tabId));
  void browser.alarms.get(UPDATE_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(UPDATE_ALARM, { periodInMinutes: ALARM_PERIOD_MINUTES });
  });
});

function sessionPersistence() {
  const session = browser.storage.session;
  if (!session) return null;
  return {
    load: async () => ((await session.get('bypass')).bypass ?? {}) as Record<string, number>,
    save: (entries: Record<string, number>) => session.set({ bypass: entries }),
  };
}
