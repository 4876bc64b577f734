import { describe, it } from 'vitest';

/**
 * A suite that needs something of the machine (network namespaces, tmux). Where it is missing, the suite
 * says so and is skipped; where every suite must run (CAMFLEET_REQUIRE_ALL_TESTS=1, as .ci/run sets), it
 * fails instead, so CI never passes on tests that did not run.
 */
export function describeWhen(available: boolean, missing: string, name: string, suite: () => void): void {
  if (available) {
    describe(name, suite);
  } else if (process.env.CAMFLEET_REQUIRE_ALL_TESTS === '1') {
    describe(name, () => {
      it('can run on this machine', () => {
        throw new Error(`this suite cannot run here: ${missing}; CAMFLEET_REQUIRE_ALL_TESTS=1 forbids skipping it`);
      });
    });
  } else {
    console.warn(`skipped: ${name} (${missing})`);
    describe.skip(name, suite);
  }
}
