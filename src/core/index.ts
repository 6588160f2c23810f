export * from './diagnostic.js';
export * from './position.js';
export * from './result.js';
export * from './clock.js';
export * from './did-you-mean.js';
