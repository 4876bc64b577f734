import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

// The flag types the actions read are commander's inference from each command's chain of options
// (src/cli/options/). This test holds that inference against what commander does at run time:
// each command's options, as it parses them, against the properties of its flags type, by name and by
// whether a value is always there (a default, or a --no- option), so that a type saying "always set" is true.
const ROOT = resolve(import.meta.dirname, '../..');
const FILES = {
  reconcile: resolve(ROOT, 'src/cli/options/reconcile.ts'),
  adopt: resolve(ROOT, 'src/cli/options/adopt.ts'),
  survey: resolve(ROOT, 'src/cli/options/survey.ts'),
  watch: resolve(ROOT, 'src/cli/options/watch.ts'),
};
const program = ts.createProgram(Object.values(FILES), { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext });
const checker = program.getTypeChecker();

/** The properties of a flags type: name → whether it is always there (not optional). */
function typeProperties(file: string, name: string): Map<string, boolean> {
  const source = program.getSourceFile(file)!;
  const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).find((s) => s.name === name);
  if (!symbol) throw new Error(`${file} has no type ${name}`);
  const type = checker.getDeclaredTypeOfSymbol(symbol);
  return new Map(type.getProperties().map((p) => [p.name, (p.flags & ts.SymbolFlags.Optional) === 0]));
}

const io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env: {} } as never;
const cli = buildProgram(io, () => undefined);

/** A command's options as commander parses them: attribute name → whether it always has a value. */
function commandOptions(path: string[]): Map<string, boolean> {
  let command = cli as unknown as { commands: unknown[]; name(): string; options: unknown[] };
  for (const name of path) command = command.commands.find((c) => (c as { name(): string }).name() === name) as typeof command;
  if (!command) throw new Error(`no command ${path.join(' ')}`);
  const options = command.options as { attributeName(): string; defaultValue: unknown; negate: boolean; long?: string }[];
  const out = new Map<string, boolean>();
  for (const o of options)
    if (o.long !== '--help') out.set(o.attributeName(), o.defaultValue !== undefined || o.negate || out.get(o.attributeName()) === true);
  return out;
}

/** The global flags (--json, --quiet…) every command also takes: read from the Cli, not from the flags. */
const GLOBAL = new Set((cli.options as unknown as { attributeName(): string }[]).map((o) => o.attributeName()));

function disagreements(options: Map<string, boolean>, props: Map<string, boolean>): string[] {
  const out: string[] = [];
  for (const [name, always] of options) {
    if (GLOBAL.has(name) && !props.has(name)) continue;
    if (!props.has(name)) out.push(`--${name}: an option, not in the type`);
    else if (props.get(name) && !always) out.push(`${name}: required in the type, but the option has no default`);
  }
  for (const name of props.keys()) if (!options.has(name)) out.push(`${name}: in the type, not an option`);
  return out;
}

describe("the flag types the actions read, against commander's options", () => {
  it.each([
    [['plan'], 'PlanFlags', FILES.reconcile],
    [['apply'], 'ApplyFlags', FILES.reconcile],
    [['check'], 'CheckFlags', FILES.reconcile],
    [['inventory', 'adopt'], 'AdoptFlags', FILES.adopt],
    [['survey'], 'SurveyFlags', FILES.survey],
    [['watch'], 'WatchFlags', FILES.watch],
  ])('%j and %s agree', (path, typeName, file) => {
    expect(disagreements(commandOptions(path as string[]), typeProperties(file as string, typeName as string))).toEqual([]);
  });

  it('notices a drift (the comparison is not vacuous)', () => {
    // Survey's options against the flags of plan: --range, --no-multicast, --out… differ.
    const out = disagreements(commandOptions(['survey']), typeProperties(FILES.reconcile, 'PlanFlags'));
    expect(out).toEqual(expect.arrayContaining(['--range: an option, not in the type', 'out: in the type, not an option']));
  });
});
