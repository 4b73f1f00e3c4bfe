import fc from 'fast-check';

// Property tests draw the same inputs on every run, so `npm test` (and CI) passes or fails
// the same way each time. To explore new inputs, run with FC_SEED=random (or a number);
// a failure prints its seed, which FC_SEED reproduces.
const wanted = process.env.FC_SEED;
if (wanted !== 'random') fc.configureGlobal({ seed: wanted ? Number(wanted) : 20261127 });
