export * from './buildProfiles';
export * from './customerZones';
export * from './keepFields';
