import type { MessageKey } from './i18n';

/**
 * Hotlines to call after a payment to a fraudster, to ask for the payment to be stopped.
 * Every number was checked against public sources before shipping; docs/reporting.md says
 * where each came from. Keep that file in step when a number changes.
 */
export interface Hotline {
  name: MessageKey;
  phone: string;
}

export const EMERGENCY_NUMBERS = { police: '110', antiFraud: '96110' } as const;

export const BANK_HOTLINES: readonly Hotline[] = [
  { name: 'bankIcbc', phone: '95588' },
  { name: 'bankCcb', phone: '95533' },
  { name: 'bankAbc', phone: '95599' },
  { name: 'bankBoc', phone: '95566' },
  { name: 'bankBocom', phone: '95559' },
  { name: 'bankPsbc', phone: '95580' },
  { name: 'bankCmb', phone: '95555' },
  { name: 'payAlipay', phone: '95188' },
  { name: 'payWechat', phone: '95017' },
];
