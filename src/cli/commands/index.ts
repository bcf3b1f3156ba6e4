// The CLI's sub-commands, one module each. `create` is the default when the first argument is
// not a command name. Add a command: write its module and add one line here.
import type { Command } from '../command.js';
import { createCommand } from './create.js';
import { retrofitCommand } from './retrofit.js';
import { upgradeCommand } from './upgrade.js';
import { pinsCommand } from './pins.js';
import { checkCommand } from './check.js';
import { surveyCommand } from './survey.js';
import { fleetCommand } from './fleet.js';

export const COMMANDS: readonly Command[] = [
  createCommand,
  retrofitCommand,
  upgradeCommand,
  pinsCommand,
  checkCommand,
  surveyCommand,
  fleetCommand,
];

export function findCommand(name: string | undefined): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
