import type { ThreatCategory } from '../model/verdict';

/** One list as the matcher holds it: sorted 53-bit hashes per rule kind (see hash.ts). */
export interface ListIndex {
  id: string;
  name: string;
  category: ThreatCategory;
  blockDomains: Float64Array;
  allowDomains: Float64Array;
  blockUrls: Float64Array;
  allowUrls: Float64Array;
  /** Hosts named by this list's URL rules (see rule-arrays.ts); absent: look up every host. */
  urlHosts?: Float64Array;
}
