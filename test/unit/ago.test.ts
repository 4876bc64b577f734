import { describe, expect, it } from 'vitest';
import { ago } from '../../src/recording/health.js';

// How long ago footage was written, as people read it; the camera's clock is read to the second, so a time
// measured a moment short of a boundary must read as the boundary (CI once printed "48 h" for two days).
describe('ago', () => {
  it.each([
    [0, '0 min'],
    [89, '89 min'],
    [90, '2 h'],
    [47 * 60, '47 h'],
    [48 * 60 - 1, '2 days'],
    [48 * 60, '2 days'],
    [30 * 1440, '30 days'],
  ])('%i minutes → %s', (minutes, text) => expect(ago(minutes)).toBe(text));
});
