import { browser, type Browser } from 'wxt/browser';
import { BypassStore } from '@/src/background/bypass';
import { handleMessage, type HandlerContext } from '@/src/background/handle-message';
import { SentryService, type PreloadLayer } from '@/src/background/service';
import { DnrSync } from '@/src/blocking/dnr-sync';
import { BundledRules } from '@/src/blocking/bundled-rules';
import type { DnrRule } from '@/src/blocking/dnr-rules';
import { BUNDLED_LISTS } from '@/src/update/default-lists';
import { t } from '@/src/guidance/i18n';
import { cacheOf, readStatusCache, writeStatusCache } from '@/src/messaging/status-cache';
import { openFraudDb } from '@/src/store/open-db';
import type { Verdict } from '@/src/model/verdict';
import type { StoredRegistry } from '@/src/update/registry-keeper';

const UPDATE_ALARM = 'update-lists';
/** How often to look for lists whose update (or retry after back-off) is due. */
const ALARM_PERIOD_MINUTES = 30;

export default defineBackground(() => {
  const warningPageUrl = browser.runtime.getURL('/warning.html');
  const service = new SentryService({
    preload: chromePreloadLayer(warningPageUrl),
    openDb: () => openFraudDb(),
    readBundled: async (path) => (await fetch(browser.runtime.getURL(`/${path}` as '/'))).text(),
    bypass: new BypassStore(sessionPersistence()),
    registryPersistence: {
      load: async () => ((await browser.storage.local.get('registry')).registry ?? null) as StoredRegistry | null,
      save: (stored) => browser.storage.local.set({ registry: stored }),
    },
    registryUrlOverride: async () => (await browser.storage.local.get('registryUrlOverride')).registryUrlOverride,
    userListName: t('userListName'),
    pushToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
  });
  const ctx: HandlerContext = {
    service,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    tabs: {
      goBack: (tabId) => browser.tabs.goBack(tabId),
      navigate: async (tabId, url) => void (await browser.tabs.update(tabId, { url })),
      openExtensionPage: async (path) => void (await browser.tabs.create({ url: browser.runtime.getURL(path as '/') })),
      tabUrl: async (tabId) => {
        const tab =
          tabId === undefined
            ? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]
            : await browser.tabs.get(tabId);
        return tab?.url ?? null;
      },
    },
  };

  keepStatusCache(service);

  // Listeners are registered synchronously, so a message that wakes the worker is not
  // lost; the handlers themselves wait for service.ready.
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) =>
    handleMessage(message, sender, ctx),
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM)
      void service.updateDueLists().then(() => service.status().then((s) => writeStatusCache(cacheOf(s))));
  });
  browser.tabs.onRemoved.addListener((tabId) => void service.tabClosed(tabId));
  // A new release brings new copies of the bundled lists (and, in Chrome, new static rulesets).
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'update') void service.newRelease().catch(() => undefined);
  });
  // Every script a page requests, in any frame: a page cannot hide a request from this.
  const scriptFilter = { urls: ['http://*/*', 'https://*/*'], types: ['script'] as Browser.webRequest.ResourceType[] };
  type ScriptRequest = { url: string; tabId: number; initiator?: string; documentUrl?: string };
  const answerScript = (details: ScriptRequest, verdict: Verdict | null) => {
    if (!verdict) return {};
    const push = { type: 'scripts.listed', verdict };
    const tell = () => browser.tabs.sendMessage(details.tabId, push, { frameId: 0 });
    // The content script may not be listening yet this early in the load: try once more.
    void tell().catch(() => setTimeout(() => void tell().catch(() => undefined), 1000));
    return { cancel: true };
  };
  const checkScript = (details: ScriptRequest, stopped: boolean) => {
    const pageUrl = details.documentUrl ?? details.initiator;
    // Synchronous once the lists are loaded (see scriptVerdictNow).
    const now = service.scriptVerdictNow(details.url, pageUrl, stopped);
    if (now !== undefined) return answerScript(details, now);
    return service.scriptVerdict(details.url, pageUrl, stopped).then((verdict) => answerScript(details, verdict));
  };
  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      if (details.tabId < 0) return undefined;
      // Firefox cancels every listed script here; Chrome's declarativeNetRequest rules stop
      // those of script-host lists (webRequest still sees the request).
      const decided = checkScript(details, import.meta.env.FIREFOX);
      // Firefox waits for the answer (blocking); Chrome only observes.
      return (import.meta.env.FIREFOX ? decided : undefined) as unknown as
        Browser.webRequest.BlockingResponse | undefined;
    },
    scriptFilter,
    import.meta.env.FIREFOX ? ['blocking'] : [],
  );
  if (import.meta.env.FIREFOX) {
    // Firefox keeps blocking webRequest: each navigation, top-level or in a frame, is
    // decided by the matcher itself before the request leaves, URL-path rules included.
    // A framed warning page renders nothing, so a listed frame is left blank.
    browser.webRequest.onBeforeRequest.addListener(
      // Firefox accepts a Promise from a blocking listener; the chrome typings do not know that.
      (details) =>
        service.redirectBeforeLoad(
          details.url,
          details.tabId,
          warningPageUrl,
        ) as unknown as Browser.webRequest.BlockingResponse,
      { urls: ['http://*/*', 'https://*/*'], types: ['main_frame', 'sub_frame'] },
      ['blocking'],
    );
  }
  void browser.alarms.get(UPDATE_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(UPDATE_ALARM, { periodInMinutes: ALARM_PERIOD_MINUTES });
  });
});

/**
 * The popup shows the state kept in storage first (see status-cache.ts): "starting" until the
 * first lists are in on a first start, then the state once they are.
 */
function keepStatusCache(service: SentryService): void {
  void readStatusCache().then((cached) => {
    if (!cached) {
      const starting = { starting: true, protectionOn: false, entriesInForce: 0, lastSuccess: null, offline: false };
      void writeStatusCache({ ...starting, at: Date.now() });
    }
  });
  void service.ready
    .then(() => service.status())
    .then((status) => writeStatusCache(cacheOf(status)))
    .catch(() => undefined);
}

/** Chrome (MV3) has no blocking webRequest: before-load blocking is declarativeNetRequest rules. */
function chromePreloadLayer(warningPageUrl: string): PreloadLayer | undefined {
  if (import.meta.env.FIREFOX || !browser.declarativeNetRequest) return undefined;
  const dnr = new DnrSync(
    browser.declarativeNetRequest,
    {
      load: async () => ((await browser.storage.local.get('dnrSlots')).dnrSlots ?? {}) as Record<string, number>,
      save: (slots) => browser.storage.local.set({ dnrSlots: slots }),
      loadUnfinished: async () => ((await browser.storage.local.get('dnrUnfinished')).dnrUnfinished ?? []) as string[],
      saveUnfinished: (ids) => browser.storage.local.set({ dnrUnfinished: ids }),
      loadVersions: async () =>
        ((await browser.storage.local.get('dnrVersions')).dnrVersions ?? {}) as Record<string, string>,
      saveVersions: (versions) => browser.storage.local.set({ dnrVersions: versions }),
    },
    warningPageUrl,
    new BundledRules(
      browser.declarativeNetRequest,
      // Only the lists with a copy in the package have a ruleset (rolling lists have none).
      BUNDLED_LISTS.map((l) => ({ id: l.id, scripts: l.category === 'script' })),
      {
        load: async () => ((await browser.storage.local.get('dnrParked')).dnrParked ?? {}) as Record<string, DnrRule[]>,
        save: (parked) => browser.storage.local.set({ dnrParked: parked }),
      },
      warningPageUrl,
    ),
  );
  void dnr.restoreCounts();
  return dnr;
}

function sessionPersistence() {
  const session = browser.storage.session;
  if (!session) return null;
  return {
    load: async () => ((await session.get('bypass')).bypass ?? {}) as Record<string, number>,
    save: (entries: Record<string, number>) => session.set({ bypass: entries }),
  };
}
