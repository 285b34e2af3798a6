export { createRng, type Rng } from './rng';
export { defineFactory, type Factory, type Make } from './factory';
export { memberFactory, makeMember } from './member-factory';
export { streamFactory, makeStream, KIND_PROFILES } from './stream-factory';
export { entryFactory, makeEntry, makeEntryFor } from './entry-factory';
export { householdFactory, type HouseholdOptions } from './household-factory';
