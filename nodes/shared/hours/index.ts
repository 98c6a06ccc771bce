/** The hours core both action nodes share: parse, validate, merge, convert to Meta's JSON, availability. */
// Everything each module exports (`export *` keeps the compiled barrel small: the tarball has a size budget).
export * from './types';
export * from './time';
export * from './timezone';
export * from './weeklyHours';
export * from './holidays';
export * from './wire';
export * from './availability';
export * from './change';
export * from '../validation';
export * from './checkTime';
