// The generator lives in the domain so the app's sample household uses the same one.
export { createRng, type Rng } from '../../src/lib/domain/random';
