// tldts ships types for its trie (dist/types/src/data/trie.d.ts) but not next to the ES
// build this project imports (the same file tldts's own entry point imports, so the
// bundle holds one copy of the data). Only what public-suffix.ts reads.
declare module 'tldts/dist/es6/src/data/trie.js' {
  export const nodeFlags: Uint8Array;
  export const edgeStart: Uint16Array;
  export const edgeLength: Uint8Array;
  export const edgeChild: Uint16Array;
  export const labelText: string;
  export const rulesRoot: number;
  export const exceptionsRoot: number;
}
