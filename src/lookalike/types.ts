import type { LabelInfo } from './indexes';

export interface LookalikeMatch {
  brandId: string;
  brandName: string;
  brandNameZh: string;
  officialDomain: string;
  kind: 'homograph' | 'typosquat' | 'combosquat';
  detail: string;
  score: number /* 0..1 */;
}

export type Kind = LookalikeMatch['kind'];

/** A candidate match before it becomes a LookalikeMatch. */
export interface Hit {
  info: LabelInfo;
  kind: Kind;
  detail: string;
  score: number;
}
