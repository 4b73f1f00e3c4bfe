import { checkLookalike } from '/work/main/src/lookalike/index.ts';
import { toASCII } from 'punycode/punycode.es6.js';
const hosts = process.argv.slice(2);
for (const h of hosts) console.log(h, JSON.stringify(checkLookalike(/[^\x00-\x7f]/.test(h) ? toASCII(h) : h)));
