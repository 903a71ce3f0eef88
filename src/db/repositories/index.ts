export * from './audit.js';
export * from './ballots.js';
export * from './campaigns.js';
export * from './definition.js';
export * from './sessions.js';
export * from './submit-sheet.js';
export * from './tokens.js';
export * from './units.js';
