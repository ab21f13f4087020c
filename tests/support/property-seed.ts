/**
 * Property tests' seed: random on a developer's machine, where each run explores new inputs (a failure
 * prints its seed and counterexample to replay), and fixed under `CI=true`, so that a continuous
 * integration run is reproducible and cannot fail on an input no earlier run drew. Set
 * `FC_SEED=<n>` to replay a seed anywhere.
 */
import fc from 'fast-check';

/** The seed CI runs with (any fixed number; changing it on purpose explores anew). */
const CI_SEED = 20_261_128;

const replay = process.env['FC_SEED'];
if (replay !== undefined && replay !== '') fc.configureGlobal({ seed: Number(replay) });
else if (process.env['CI'] === 'true') fc.configureGlobal({ seed: CI_SEED });
