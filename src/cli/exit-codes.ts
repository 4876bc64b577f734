/** The exit codes of every camfleet command; only src/cli/main.ts applies them. */
export const Exit = {
  /** The run worked and found nothing wrong. */
  Ok: 0,
  /** The run worked and found problems: an unhealthy camera, drift from the inventory. */
  Findings: 1,
  /** Usage error or invalid input (bad flag, unreadable or invalid inventory), or an internal error. */
  Usage: 2,
} as const;

export type ExitCode = (typeof Exit)[keyof typeof Exit];

export const EXIT_CODES_HELP = `Exit codes:
  0  ok: the run worked and found nothing wrong
  1  the run worked and found problems (an unhealthy camera, drift from the inventory)
  2  usage error or invalid input (bad flag, unreadable or invalid inventory)`;
