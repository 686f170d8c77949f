export * from './buildProfiles';
export * from './customerZones';
