// The CLI's sub-commands, one module each. `create` is the default when the first argument is
// not a command name. Add a command: write its module and add one line here.
import type { Command } from '../command.js';
import { createCommand } from './create.js';

export const COMMANDS: readonly Command[] = [
  createCommand,
];

export function findCommand(name: string | undefined): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
