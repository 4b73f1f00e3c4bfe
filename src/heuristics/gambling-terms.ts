/**
 * Curated gambling vocabulary (Simplified Chinese + a few Latin brand tokens), all lower-case.
 *
 * Provenance: the terms are short names of gambling brands, games and promotion phrases, i.e.
 * facts, picked by hand after reading the data set's keywords/ (gambling_seo_keywords_zh_merged.tsv,
 * darklink_keywords_yuanzhao.csv and the dark-link scanner rule lists they merge). Those source
 * repositories mostly carry no licence, so no list is copied: nothing here is their selection or
 * order, and their long/odd entries (sentences, porn, politics) are left out. Brands not in them
 * (凯发, 华体会, 乐鱼体育...) come from public reporting on gambling SEO spam.
 */

/**
 * Operator, platform and game names. A legitimate page names these only when it is *about*
 * them (news), so in a title they are strong, and in the title of an unrelated
 * (government, school, company) page they are the mark of an injected title.
 */
export const GAMBLING_BRANDS: readonly string[] = [
  '太阳城',
  '皇冠体育',
  '皇冠娱乐',
  '皇冠足球',
  '皇冠投注',
  '威尼斯人',
  '新葡京',
  '葡京娱乐',
  '北京赛车',
  '北京pk10',
  'pk10',
  '幸运飞艇',
  '六合彩',
  '时时彩',
  '分分彩',
  '大发快三',
  '真人娱乐',
  '真人视讯',
  '真人荷官',
  '百家乐',
  '凯发',
  'k8国际',
  'k8娱乐',
  'k8体育',
  'bet365',
  'betway',
  'manbetx',
  '亚博体育',
  '万博体育',
  '必威体育',
  '伟德国际',
  '永利国际',
  '永利娱乐',
  '澳门银河',
  '银河娱乐',
  '金沙娱乐',
  '澳门金沙',
  '新濠天地',
  '金年会',
  '火博体育',
  '乐鱼体育',
  '华体会',
  '沙巴体育',
  '金宝博',
  '开元棋牌',
  '现金棋牌',
  '老虎机',
  '电子游艺',
  '娱乐城',
];

/** Phrases that only gambling promotion uses (sign-up bonuses, rebates...). */
export const GAMBLING_PROMO: readonly string[] = [
  '注册送',
  '开户送',
  '首存送',
  '彩金',
  '返水',
  '信誉平台',
  '在线投注',
  '体育投注',
  '足球投注',
  '线上赌场',
  '网上赌场',
  '赌博网站',
  '赌博网址',
  '赌场网址',
  '博彩网站',
  '博彩平台',
];

/**
 * Words news and government pages use too (reporting on crackdowns). Never enough alone;
 * state lotteries (体育彩票, 福利彩票) are legal, so lottery words are not even in here.
 */
export const GAMBLING_GENERIC: readonly string[] = ['博彩', '赌博', '赌场', '网赌', '赌球', '投注', '下注', '赔率'];

/** Words around a gambling brand that make a title an advert ("凯发k8国际注册", "xx官网"). */
export const CALL_TO_ACTION: readonly string[] = [
  '注册',
  '官网',
  '官方网站',
  '登录',
  '登陆',
  '入口',
  '网址',
  '开户',
  '下载',
  'app',
  '平台',
  '手机版',
  '网页版',
  '客户端',
];

/** Context that marks reporting about gambling rather than promoting it. */
export const ANTI_GAMBLING_CONTEXT: readonly string[] = [
  '打击',
  '整治',
  '查处',
  '破获',
  '警方',
  '严打',
  '取缔',
  '涉赌',
  '犯罪',
  '判处',
  '记者',
  '报道',
];

/** Markers of an institutional page: what an injected gambling title does not belong to. */
export const INSTITUTION_MARKERS: readonly string[] = [
  '人民政府',
  '政府网',
  '政务',
  '公安局',
  '公安厅',
  '人民法院',
  '人民检察院',
  '委员会',
  '党委',
  '学院',
  '大学',
  '中学',
  '小学',
  '学校',
  '教育局',
  '医院',
  '卫生健康',
  '有限公司',
  '研究院',
  '研究所',
  '协会',
  '街道办事处',
  '村委会',
];

/** Hosts whose suffix alone says "institution". */
export const INSTITUTION_HOST_SUFFIXES: readonly string[] = ['.gov.cn', '.edu.cn', '.org.cn', '.ac.cn'];
