/** camfleet as a library. The simulator is also available on its own as `camfleet/sim`. */
export * from './sim/index.js';
