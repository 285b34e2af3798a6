/** The repositories: every read and write of stored records goes through these modules. */
export * from './settings';
export * from './members';
export * from './streams';
export * from './entries';
export * from './rollups';
export * from './plans';
export * from './savings';
export * from './rates';
export * from './training';
export * from './sample';
export * from './sample-load';
export * from './entry-search';
export * from './places';
