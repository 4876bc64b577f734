import type { Command } from '@commander-js/extra-typings';
import type { CommandKit, Example } from '../kit.js';
import { viewRecordCommand } from '../options/view-record.js';

export function registerView(program: Command, kit: CommandKit): Example {
  const view = program
    .command('view')
    .summary('reference views: record what each camera should see, compare two pictures')
    .description(
      'A reference view is a small picture of what a camera (or a PTZ preset) should see, kept in the site folder\n' +
        '(views/<point>.jpg, views/<point>@<preset>.jpg, .night.jpg at night) and named in the point. check and plan\n' +
        'compare each camera with it: ok, turned, covered, blurred.',
    );

  viewRecordCommand(view)
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet view record --inventory inventory/tan-xuan-2 --point tx2-gate-in\n  camfleet view record --inventory inventory/tan-xuan-2 --street ngo-8 --yes\n  camfleet view record --inventory inventory/tan-xuan-2 --point tx2-gate-out --preset road --night\n\nAfter a deliberate re-aim, record again: the change shows up in git diff.\nExit: 0 recorded, 1 a camera could not be recorded, 2 usage.',
    )
    .action(kit.action(async (cli, flags) => (await import('../run/view-record.js')).runViewRecord(cli, flags)));

  view
    .command('compare')
    .description('the verdict on two pictures, with the logic check uses: ok, turned, covered or blurred, and the scores')
    .argument('<reference>', 'what the camera should see (a reference view, or any picture of it)')
    .argument('<now>', 'what it sees now (a snapshot, a picture an owner sent)')
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet view compare inventory/tan-xuan-2/views/tx2-gate-in.jpg snapshot.jpg\n  camfleet --json view compare ref.jpg now.jpg\n\nExit: 0 the same view, 1 changed (the verdict and scores say how), 2 an unreadable or non-image input.',
    )
    .action(
      kit.action(async (cli, reference, now) => {
        const { runViewCompare } = await import('../run/view-compare.js');
        return runViewCompare(cli, reference, now);
      }),
    );
  return { command: 'view', example: 'camfleet view record --point tx2-gate-in        # what it should see' };
}
