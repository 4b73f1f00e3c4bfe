export type { ParsedList } from './types';
export type { ListFormat, ParseStats } from '../model/list-meta';
export { parseList, parseListAsync, yieldToEventLoop, type AsyncParseOptions } from './parse-list';
export { detectFormat } from './detect-format';
export { normalizeHost, isIPv4 } from './normalize-host';
export { normalizeUrlRule, splitUrlRule, type UrlRuleParts } from './normalize-url';
export { isPublicSuffix, checkDomainRule, type DomainRuleCheck } from './public-suffix';
export { looksLikeHtmlOrBinary } from './sniff';
