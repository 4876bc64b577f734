import type { Command } from '@commander-js/extra-typings';
import type { CommandKit, Example } from '../kit.js';
import { adoptCommand } from '../options/adopt.js';

export function registerInventory(program: Command, kit: CommandKit): Example {
  const inventory = program
    .command('inventory')
    .summary('validate, format and list the camera inventory')
    .description('The inventory is the version-controlled truth of a programme: a site folder with site.json and streets/*.json.');

  inventory
    .command('validate')
    .description('check every inventory file: JSON, schema, secrets, and rules across files (unique ids, addresses, identities)')
    .argument('[dir]', 'a site folder (holding site.json) or a folder of sites; default: . if it holds site.json, else ./inventory')
    .option('--strict', 'treat warnings as errors')
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet inventory validate inventory/tan-xuan-2\n  camfleet inventory validate inventory --json\n\nExit: 0 valid (warnings allowed unless --strict), 2 errors.',
    )
    .action(
      kit.action(async (cli, dir, opts) => {
        const { runValidate } = await import('../run/inventory.js');
        return runValidate(cli, dir, opts.strict === true);
      }),
    );

  inventory
    .command('fmt')
    .description('rewrite inventory files in canonical form (schema key order, points sorted by id, two-space indent)')
    .argument('[dir]', 'a site folder or a folder of sites')
    .option('--check', 'change nothing; list the files that are not canonical and exit 1 if any')
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet inventory fmt inventory\n  camfleet inventory fmt --check   # in CI or a pre-commit hook',
    )
    .action(
      kit.action(async (cli, dir, opts) => {
        const { runFormat } = await import('../run/inventory.js');
        return runFormat(cli, dir, opts.check === true);
      }),
    );

  inventory
    .command('ls')
    .description('list the camera points, one row each')
    .argument('[dir]', 'a site folder or a folder of sites')
    .option('--street <id>', 'only this street')
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet inventory ls inventory/tan-xuan-2\n  camfleet inventory ls inventory --street ngo-8 --json',
    )
    .action(
      kit.action(async (cli, dir, opts) => {
        const { runList } = await import('../run/inventory.js');
        return runList(cli, dir, opts.street);
      }),
    );

  adoptCommand(inventory)
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet inventory adopt --inventory inventory/tan-xuan-2\n  camfleet inventory adopt plan.json --into cong-chinh --yes\n' +
        "  camfleet inventory adopt --inventory inventory/tan-xuan-2 --assign 127.20.2.50=tx2-gate-parking --ignore 127.20.2.77='shop opposite'",
    )
    .action(
      kit.action(async (cli, planPath, flags) => {
        if (!['public', 'household', 'business'].includes(flags.owner))
          throw new (await import('../../errors.js')).UserError(`--owner must be public, household or business`);
        return (await import('../run/adopt.js')).runAdopt(cli, planPath, flags);
      }),
    );

  return { command: 'inventory', example: 'camfleet inventory validate inventory/tan-xuan-2' };
}
