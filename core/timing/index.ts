export * from './planner';
export * from './settings';
export { readMoment, type Moment } from './moments';
export { addDays, clockOf, instantOf, isoLocal, isoUtc, wallOf, wallToInstant } from './wallTime';
