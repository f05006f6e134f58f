export { generateDemo } from './generate';
export { mulberry32, streamFor, type Rng } from './rng';
export { visitTexts } from './visits';
export type * from './types';
