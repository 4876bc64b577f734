import type { Fleet } from './fleet.js';

export const SIM_COMMANDS_HELP = `Commands on standard input, one per line, while it runs:
  fault SPEC          inject a fault, as --fault: e.g. fault offline@3, fault tampered=covered@cam-002
  clear [CAMERAS]     take every fault off these cameras (numbers or names; all when none named)
  help                this list`;

/**
 * One line of the simulator's standard input: changes faults while it runs, so a watch or a test can
 * see a camera go down, get covered, or come back. Returns what it did; a bad line is a RangeError.
 */
export async function runSimCommand(fleet: Fleet, line: string): Promise<string> {
  const [word, ...rest] = line.trim().split(/\s+/);
  if (!word) return '';
  switch (word) {
    case 'fault': {
      if (rest.length !== 1) throw new RangeError('fault takes one SPEC, as --fault does: e.g. fault offline@3');
      const names = await fleet.applyFault(rest[0]!);
      return `fault ${rest[0]} on ${names.join(', ')}`;
    }
    case 'clear': {
      const names = await fleet.clearFaults(rest);
      return `cleared ${names.length === fleet.cameras.length ? 'every camera' : names.join(', ')}`;
    }
    case 'help':
      return SIM_COMMANDS_HELP;
    default:
      throw new RangeError(`unknown command '${word}'; commands: fault SPEC, clear [CAMERAS], help`);
  }
}
