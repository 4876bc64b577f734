import type { Command } from '@commander-js/extra-typings';
import type { CommandKit, Example } from '../kit.js';
import { registerDemo } from './demo.js';
import {
  registerInfo,
  registerNetwork,
  registerProfiles,
  registerPtz,
  registerRecordings,
  registerSnapshot,
  registerStream,
  registerTime,
} from './device.js';
import { registerDiscover } from './discover.js';
import { registerInventory } from './inventory.js';
import { registerPing } from './ping.js';
import { registerApply, registerCheck, registerPlan } from './reconcile.js';
import { registerSim } from './sim.js';
import { registerSurvey } from './survey.js';
import { registerView } from './view.js';
import { registerWatch } from './watch.js';

/** Every command, in the order `camfleet --help` lists them. Each module stays light: heavy code is imported when it runs. */
export const COMMANDS: ((program: Command, kit: CommandKit) => Example)[] = [
  registerDemo,
  registerCheck,
  registerWatch,
  registerPlan,
  registerApply,
  registerSurvey,
  registerView,
  registerDiscover,
  registerPing,
  registerInfo,
  registerProfiles,
  registerSnapshot,
  registerStream,
  registerRecordings,
  registerPtz,
  registerNetwork,
  registerTime,
  registerInventory,
  registerSim,
];
