/**
 * The `zhibu` command. Each subcommand opens (and migrates) the configured database and calls
 * the same services the API uses; it never keeps its own copy of the logic.
 */
import { Command, CommanderError } from 'commander';
import { readConfig } from '../config.ts';
import { registerCommands } from './commands.ts';

const program = new Command();
program
  .name('zhibu')
  .description('Zhibu 支部 — 高校基层党组织建设平台 / Party-organization building platform')
  .showHelpAfterError()
  .exitOverride();

registerCommands(program, readConfig());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else {
    console.error(`错误 Error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.DEBUG) console.error(error);
    process.exitCode = 1;
  }
}
