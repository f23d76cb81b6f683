// The table of commands, in the order `newsletter help` lists them. To add a command, write
// <name>.command.ts (a Command whose `run` imports the work lazily) and add one line here.
import type { Command } from '../command.js';
import { build } from './build.command.js';
import { check } from './check.command.js';
import { serve } from './serve.command.js';
import { share } from './share.command.js';
import { newCommand } from './new.command.js';
import { proof } from './proof.command.js';
import { approveCommand } from './approve.command.js';
import { unapproveCommand } from './unapprove.command.js';
import { status } from './status.command.js';
import { log } from './log.command.js';
import { publishCommand } from './publish.command.js';
import { unscheduleCommand } from './unschedule.command.js';
import { daemon } from './daemon.command.js';
import { report } from './report.command.js';
import { importSentCommand } from './import-sent.command.js';
import { teamCommand } from './team.command.js';
import { backupCommand } from './backup.command.js';

// One command a line, so that commands added on different branches merge without conflict.
// prettier-ignore
export const COMMANDS: readonly Command[] = [
  build,
  check,
  serve,
  share,
  newCommand,
  proof,
  approveCommand,
  unapproveCommand,
  publishCommand,
  unscheduleCommand,
  status,
  log,
  report,
  importSentCommand,
  daemon,
  teamCommand,
  backupCommand,
];
