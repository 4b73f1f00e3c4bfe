import type { ThreatCategory } from '../model/verdict';
import type { MessageKey } from './i18n';

/**
 * The advice every warning carries, condensed from a public-security anti-fraud interview
 * (hotline 96110, report to 110 so payments can be stopped and frozen, the National
 * Anti-Fraud Center app, the "two cards", cross-border job lures). The text itself lives
 * in _locales so both languages stay side by side.
 */
export const GUIDANCE: readonly MessageKey[] = [
  'guidanceHotline',
  'guidanceMoneySent',
  'guidanceApp',
  'guidanceTwoCards',
  'guidanceAbroad',
];

export const CATEGORY_LABEL: Record<ThreatCategory, MessageKey> = {
  fraud: 'categoryFraud',
  phishing: 'categoryPhishing',
  scam: 'categoryScam',
  gambling: 'categoryGambling',
  malware: 'categoryMalware',
  script: 'categoryScript',
  custom: 'categoryCustom',
};
