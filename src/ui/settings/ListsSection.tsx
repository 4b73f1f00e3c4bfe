import { CATEGORY_LABEL } from '../../guidance/guidance';
import { t } from '../../guidance/i18n';
import { send } from '../../messaging/client';
import type { StatusSnapshot } from '../../model/protocol';
import { errorText } from '../popup/error-text';
import { formatTime } from '../popup/format-time';
import { entriesText } from '../popup/plural';
import { updateSummaryText } from '../popup/update-summary';
import { ListOrigin, RegistryNote } from './ListOrigin';
import { UpdateFeedback, useUpdateNow } from '../popup/UpdateNow';

export function ListsSection({ status, refresh }: { status: StatusSnapshot; refresh: () => Promise<void> }) {
  const { result, setResult, busy, setBusy, run: updateNow } = useUpdateNow(refresh);
  const progress = status.update;

  const acceptShrink = async (id: string) => {
    setBusy(true);
    try {
      setResult(updateSummaryText(await send('lists.acceptShrink', { id })));
    } catch (error) {
      setResult({ text: errorText(error), error: true });
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  const setEnabled = async (id: string, enabled: boolean) => {
    try {
      await send('lists.setEnabled', { id, enabled });
    } catch (error) {
      setResult({ text: errorText(error), error: true });
    }
    await refresh();
  };

  const remove = async (id: string) => {
    try {
      await send('lists.remove', { id });
    } catch (error) {
      setResult({ text: errorText(error), error: true });
    }
    await refresh();
  };

  return (
    <section aria-label={t('popupLists')}>
      <div class="row spread">
        <h2>{t('popupLists')}</h2>
        <button type="button" onClick={updateNow} disabled={busy || progress !== null}>
          {t('popupUpdateNow')}
        </button>
      </div>
      <UpdateFeedback progress={progress} result={result} />
      <RegistryNote status={status} />
      <ul class="lists" data-testid="lists">
        {status.lists.map((list) => (
          <li key={list.id} data-list-id={list.id}>
            <div class="row spread">
              <strong class="list-name">{list.name}</strong>
              {list.source === 'subscription' ? (
                <button
                  type="button"
                  class="small"
                  aria-label={t('popupRemoveNamed', [list.name])}
                  onClick={() => void remove(list.id)}
                >
                  {t('popupRemove')}
                </button>
              ) : (
                <span class="row">
                  <span class="badge">{t('popupListBundled')}</span>
                  <label class="small">
                    <input
                      type="checkbox"
                      checked={list.enabled}
                      aria-label={t('popupListEnabledNamed', [list.name])}
                      onChange={(event) => void setEnabled(list.id, event.currentTarget.checked)}
                    />{' '}
                    {t('popupListEnabled')}
                  </label>
                </span>
              )}
            </div>
            <div class="muted">
              <span data-testid="entry-count">{entriesText(list.entryCount)}</span> · {t(CATEGORY_LABEL[list.category])}{' '}
              · {list.lastSuccess ? t('popupListUpdated', [formatTime(list.lastSuccess)]) : t('popupListNever')}
            </div>
            <ListOrigin list={list} />
            {list.heldBack ? (
              <div role="alert" class="error" data-testid="list-held-back">
                {t('popupHeldBack', [list.heldBack.entryCount.toLocaleString(), list.entryCount.toLocaleString()])}{' '}
                <button
                  type="button"
                  class="small"
                  aria-label={t('popupAcceptShrinkNamed', [list.name])}
                  disabled={busy || progress !== null}
                  onClick={() => void acceptShrink(list.id)}
                >
                  {t('popupAcceptShrink')}
                </button>
              </div>
            ) : (
              list.lastError && (
                <div class="error" data-testid="list-error">
                  {t('popupListError', [list.lastError])}
                </div>
              )
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
