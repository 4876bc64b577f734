import { isIPv4 } from 'node:net';
import { UserError } from '../errors.js';

/** `--assign ADDRESS=POINT` and `--ignore ADDRESS[=NOTE]`, as maps. */
function addressPairs(flag: string, values: string[] | undefined, valueRequired: boolean): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const v of values ?? []) {
    const at = v.indexOf('=');
    const address = at === -1 ? v : v.slice(0, at);
    const value = at === -1 ? undefined : v.slice(at + 1);
    if (!isIPv4(address) || (valueRequired && !value)) {
      throw new UserError(`${flag} '${v}' is not ${valueRequired ? 'ADDRESS=POINT' : 'ADDRESS or ADDRESS=NOTE'}`, {
        hint: valueRequired ? 'e.g. --assign 192.168.1.50=tx2-gate-parking' : "e.g. --ignore 192.168.1.77='the shop opposite'",
      });
    }
    out.set(address, value);
  }
  return out;
}

/** What --assign and --ignore say: points for addresses, and the addresses that are not ours (with a note). */
export function assignmentsOf(flags: { assign?: string[]; ignore?: string[] }): {
  assign: Map<string, string>;
  ignore: Map<string, string | undefined>;
} {
  return {
    assign: addressPairs('--assign', flags.assign, true) as Map<string, string>,
    ignore: addressPairs('--ignore', flags.ignore, false),
  };
}
