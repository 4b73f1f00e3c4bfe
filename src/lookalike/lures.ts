/**
 * Words phishers join to a brand name ("icbc-login", "qq-kefu", "appleid-verify").
 * English and pinyin. A short or generic brand label (qq, jd, apple) only counts when
 * one of these sits next to it. Left out on purpose, because brands and third parties
 * use them innocently: shop/store/mall/music, pay/payment, online, services, connect,
 * gift(s), banking (douyinpay, amazonservices, visaonline, steamgifts, officebanking).
 */
export const LURE_WORDS: ReadonlySet<string> = new Set(
  [
    // English
    'login logon signin signon verify verified verification validate validation secure security',
    'safe safety account accounts acct update updates support service helpdesk help customer care',
    'wallet bank ebank auth authentication id unlock unblock refund refunds recover recovery restore',
    'confirm confirmation billing invoice reward rewards prize bonus claim activate activation official',
    'alert alerts notice suspended locked limited reset password token airdrop sync dapp portal webmail',
    'signup register kyc appeal',
    // Pinyin
    'denglu yanzheng anquan zhifu tuikuan lipei jiedong zhongjiang hongbao jifen duihuan kefu buchang',
    'butie shenhe renzheng zhanghu yinhang wangyin daikuan jiekuan shouquan guanfang zhuxiao zhengxin tixian',
    // Pinyin of the Chinese SMS campaigns: tax refunds (退税), fines (罚款, 违章), fees (缴费),
    // subsidies to claim (领取, 申领), cards to activate (激活) or unfreeze (冻结), "expired" (失效).
    'tuishui tuifei fakuan weizhang jiaofei jiaokuan lingqu shenling jihuo shixiao dongjie',
  ]
    .join(' ')
    .split(' '),
);

/**
 * The stronger lures: only these count when glued to a name without a hyphen
 * ("icbclogin", "verifyappleid"). Milder ones (help, service, id, bank, zhengxin) glue
 * innocently: helpweixin, tencentid, pinganzhengxin, 95599bank.
 */
export const GLUE_LURES: ReadonlySet<string> = new Set(
  (
    'login logon signin verify verification secure security account update unlock unblock refund recover ' +
    'recovery confirm billing reward claim activate kyc appeal wallet airdrop denglu yanzheng anquan tuikuan ' +
    'jiedong zhongjiang kefu renzheng shouquan zhuxiao tuishui tuifei fakuan weizhang lingqu shenling jihuo ' +
    'shixiao dongjie butie buchang'
  ).split(' '),
);

/**
 * The pinyin among the glue lures. A short government or bank name (etc, ccb, shebao) glued
 * to one of these is a campaign name ("etcrenzheng", "ccbdenglu", "shebaobutie"); glued to
 * an English word it is not ("ccbank", "etcupdate" hit real sites).
 */
export const PINYIN_GLUE_LURES: ReadonlySet<string> = new Set(
  (
    'denglu yanzheng anquan tuikuan jiedong zhongjiang kefu renzheng shouquan zhuxiao tuishui tuifei fakuan ' +
    'weizhang lingqu shenling jihuo shixiao dongjie butie buchang'
  ).split(' '),
);
for (const w of PINYIN_GLUE_LURES) if (!GLUE_LURES.has(w)) throw new Error(`pinyin lure ${w} is not a glue lure`);
