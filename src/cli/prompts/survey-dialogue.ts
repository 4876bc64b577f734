import type { SurveyDialogue, WalkTask } from '../../survey/dialogue.js';
import { counted } from '../../text/counted.js';
import type { Cli } from '../context.js';
import { tellSurvey } from '../views/survey-view.js';
import { type Ask, askCase } from './survey-questions.js';

/** The survey's questions as prompts in the terminal, and what it tells written to it. */
export function promptDialogue(cli: Cli, ask: Ask): SurveyDialogue {
  return {
    resume: (previous, answers) =>
      ask.confirm({
        message: `A survey started ${previous.startedAt.slice(0, 16).replace('T', ' ')} UTC was interrupted with ${counted(answers, 'answer')}. Continue it?`,
        default: true,
      }),
    identify: (c, ctx, site) => askCase(ask, ctx, c, site),
    walkAll: (count) =>
      ask.confirm({ message: `Look at the ${counted(count, 'camera')} found, one by one (snapshot, preset, streams)?`, default: true }),
    walkTasks: (t, canAim) =>
      ask.checkbox<WalkTask>({
        message: `${t.pointId} (${t.label}, ${t.endpoint.host}): what to do?`,
        choices: [
          { name: 'Save a snapshot for the record', value: 'snapshot', checked: true },
          { name: 'Record what it sees as its reference view (check compares with it)', value: 'view' },
          ...(canAim ? [{ name: 'Record where it points now as a preset', value: 'preset' as const }] : []),
          { name: "Check its streams against the street's settings", value: 'streams', checked: true },
        ],
      }),
    presetName: (suggested) =>
      ask.input({
        message: 'Preset name:',
        default: suggested,
        validate: (v) => (v.trim() && v.length <= 64 ? true : 'a name of up to 64 characters'),
      }),
    savePresetOnCamera: (name) => ask.confirm({ message: `Also save it on the camera as '${name}'?`, default: true }),
    write: (files) => ask.confirm({ message: `Write these changes to ${counted(files, 'inventory file')}?`, default: true }),
    tell: tellSurvey(cli),
  };
}
