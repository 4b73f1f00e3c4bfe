/**
 * Words phishers join to a brand name ("icbc-login", "qq-kefu", "appleid-verify").
 * English and pinyin. A short or generic brand label (qq, jd, apple) only counts when
 * one of these sits next to it. Shop/store/mall/music and similar are left out on
 * purpose: third parties use them innocently with brand names.
 */
export const LURE_WORDS: ReadonlySet<string> = new Set([
  // English
  'login', 'logon', 'signin', 'signon', 'sign', 'verify', 'verified', 'verification', 'validate', 'validation',
  'secure', 'security', 'safe', 'safety', 'account', 'accounts', 'acct', 'update', 'updates', 'support',
  'service', 'services', 'helpdesk', 'help', 'customer', 'care', 'pay', 'payment', 'payments', 'wallet',
  'bank', 'banking', 'ebank', 'online', 'auth', 'authentication', 'id', 'unlock', 'unblock', 'unlocked',
  'refund', 'refunds', 'recover', 'recovery', 'restore', 'confirm', 'confirmation', 'billing', 'invoice',
  'reward', 'rewards', 'gift', 'gifts', 'prize', 'bonus', 'claim', 'activate', 'activation', 'official',
  'alert', 'alerts', 'notice', 'suspended', 'locked', 'limited', 'reset', 'password', 'token', 'airdrop',
  'connect', 'sync', 'dapp', 'portal', 'webmail', 'signup', 'register', 'kyc', 'appeal',
  // Pinyin
  'denglu', 'yanzheng', 'anquan', 'zhifu', 'tuikuan', 'lipei', 'jiedong', 'zhongjiang', 'hongbao', 'jifen',
  'duihuan', 'kefu', 'buchang', 'butie', 'shenhe', 'renzheng', 'zhanghu', 'yinhang', 'wangyin', 'daikuan',
  'jiekuan', 'shouquan', 'guanfang', 'zhuxiao', 'zhengxin', 'tixian',
]);
