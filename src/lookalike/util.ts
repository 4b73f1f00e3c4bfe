import type { Hit } from './types';

// Letter runs, digit runs and runs of other characters; hyphens separate.
const TOKEN_RE = /[a-z]+|[0-9]+|[^a-z0-9-]+/g;

export function tokens(s: string): string[] {
  return s.match(TOKEN_RE) ?? [];
}

/** The higher-scoring hit; the first one on a tie. */
export function better(a: Hit | null, b: Hit | null): Hit | null {
  if (!a) return b;
  if (!b) return a;
  return b.score > a.score ? b : a;
}
