import { t } from '../../guidance/i18n';

/** A titled list of hosts, each with a Remove button (blocked sites, trusted sites). */
export function SiteList({
  title,
  testId,
  sites,
  onRemove,
}: {
  title: string;
  testId: string;
  sites: string[];
  onRemove: (site: string) => void;
}) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {sites.length === 0 ? (
        <p class="muted">{t('popupNone')}</p>
      ) : (
        <ul class="sites" data-testid={testId}>
          {sites.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button
                type="button"
                class="small"
                aria-label={t('popupRemoveNamed', [site])}
                onClick={() => onRemove(site)}
              >
                {t('popupRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
