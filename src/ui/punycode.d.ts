// punycode.js ships no types; this is the one function we use.
declare module 'punycode/punycode.es6.js' {
  export function toUnicode(domain: string): string;
}
