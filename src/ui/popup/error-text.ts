import { MessageError } from '../../messaging/client';
import { t, type MessageKey } from '../../guidance/i18n';

const KNOWN: Record<string, MessageKey> = {
  feedUrlInvalid: 'feedUrlInvalid',
  feedUrlNotHttps: 'feedUrlNotHttps',
  feedDuplicate: 'feedDuplicate',
  siteInvalid: 'siteInvalid',
  storageUnavailable: 'storageUnavailable',
};

/** A failure as the user should read it, in their language where we know the reason. */
export function errorText(error: unknown): string {
  if (error instanceof MessageError && error.code && KNOWN[error.code]) return t(KNOWN[error.code] as MessageKey);
  return t('genericError', [error instanceof Error ? error.message : String(error)]);
}
