import { localInterfaces, selectInterfaces } from '../../discovery/interfaces.js';
import { UserError } from '../../errors.js';
import { survey } from '../../survey/flow.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { promptDialogue } from '../prompts/survey-dialogue.js';
import { asker } from '../prompts/survey-questions.js';
import { renderSurveyOutcome } from '../views/survey-view.js';
import type { SurveyFlags } from '../options/survey.js';
import { depsOf, loadSelection, settingsOf } from './reconcile-setup.js';

export const NON_INTERACTIVE_HINT =
  "without a terminal, the same steps are: 'camfleet inventory adopt' (moved cameras and identities; --assign ADDRESS=POINT, --into STREET for new points, --ignore ADDRESS for devices that are not ours), " +
  "'camfleet ptz preset set STREET/POINT NAME --record', 'camfleet snapshot STREET/POINT -o FILE', and 'camfleet plan' for stream settings";

/** `camfleet survey`: the technician's walk of a residential group, asked in the terminal (src/survey/flow.ts). */
export async function runSurvey(cli: Cli, flags: SurveyFlags, clock: { now: () => Date } = { now: () => new Date() }): Promise<ExitCode> {
  if (!cli.interactive) {
    throw new UserError(`survey asks questions, and ${cli.json ? 'with --json' : 'without a terminal'} there is nobody to answer them`, {
      hint: NON_INTERACTIVE_HINT,
    });
  }
  const selection = await loadSelection({ ...flags, point: undefined });
  // As `camfleet discover`: multicast through every up IPv4 interface unless told which, or none.
  const interfaces = flags.multicast === false ? [] : selectInterfaces(flags.interface, localInterfaces());
  const dialogue = promptDialogue(cli, asker(await import('@inquirer/prompts'), cli.signal));
  const outcome = await survey(
    selection,
    { observe: { ...settingsOf(flags), interfaces, ranges: flags.range }, street: flags.street },
    { ...(await depsOf(cli, flags)), now: clock.now, dialogue },
  );
  renderSurveyOutcome(cli, outcome);
  return outcome.kind === 'nothing-to-write' || outcome.kind === 'written' ? Exit.Ok : Exit.Findings;
}
