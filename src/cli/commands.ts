/** Every subcommand of `zhibu`. Each capability adds its line here. */
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { adminCommand } from './admin.ts';
import { evaluateCommand } from './evaluate.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { seedCommand } from './seed.ts';
import { serveCommand } from './serve.ts';

export function registerCommands(program: Command, config: Config) {
  serveCommand(program, config);
  migrateCommand(program, config);
  importCommand(program, config);
  exportCommand(program, config);
  seedCommand(program, config);
  adminCommand(program, config);
  evaluateCommand(program, config);
}
