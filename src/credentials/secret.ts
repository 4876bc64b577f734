import { inspect } from 'node:util';

const HIDDEN = '[hidden]';

/**
 * A password that cannot leak by accident: printing, logging, string interpolation and JSON all show
 * "[hidden]". Only `reveal()` gives the value, at the one place that sends it to a camera.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  get isEmpty(): boolean {
    return this.#value.length === 0;
  }

  toString(): string {
    return HIDDEN;
  }

  toJSON(): string {
    return HIDDEN;
  }

  [inspect.custom](): string {
    return HIDDEN;
  }
}

/** A user name and password for a camera. */
export interface Credentials {
  username: string;
  password: Secret;
  /** Where they came from, for messages: a profile name, "CAMFLEET_PASSWORD", "--password-stdin", "prompt". */
  source: string;
}
