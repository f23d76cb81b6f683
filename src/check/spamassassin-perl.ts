// SpamAssassin with its rules compiled before the message arrives.
//
// Debian's `spamassassin` is a Perl script that reads the whole message from stdin before it
// compiles its rules (`init`, about 350 ms of its second), so a process started early only gets as
// far as loading its modules. When the `spamassassin` on PATH is such a script, we start instead a
// small Perl program of ours with the same perl, flags, library and directories the script names:
// it does what `spamassassin -L --cf='report_safe 0'` does, in the same order, except that it
// compiles the rules first and only then waits for the message. Its output is the same rewritten
// message (X-Spam-Status included). Anything here it cannot read means the plain run instead.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What the program writes to stderr once its rules are compiled, before it reads stdin. */
export const RULES_COMPILED = 'newsletter: rules compiled, waiting for the message';

/** The script's settings, as `spamassassin` passes them to Mail::SpamAssassin->new. */
const DIRECTORIES = ['PREFIX', 'DEF_RULES_DIR', 'LOCAL_RULES_DIR', 'LOCAL_STATE_DIR'] as const;

// The body of `spamassassin` (4.x) for one message on stdin with -L and --cf='report_safe 0': the
// same options to new() (the user's preferences created and read as it does), the same warning
// handler and locale, the message split into lines as its ArchiveIterator does, parse, check,
// rewrite_mail. The directories come as arguments (tainted under -T, hence the untainting match).
const PROGRAM = String.raw`
use strict;
use warnings;
use re 'taint';
use POSIX qw(locale_h);
use Mail::SpamAssassin;
use Mail::SpamAssassin::Logger qw(log_message);
BEGIN { $SIG{__WARN__} = sub { log_message('warn', $_[0]) }; }
POSIX::setlocale(LC_TIME, 'C');
$SIG{PIPE} = 'IGNORE';
my @dirs = map { m{\A(/[^\0]*)\z}s or die "not an absolute path: $_\n"; $1 } @ARGV;
my %dirs;
@dirs{qw(PREFIX DEF_RULES_DIR LOCAL_RULES_DIR LOCAL_STATE_DIR)} = @dirs;
my $spamtest = Mail::SpamAssassin->new({
  local_tests_only => 1,
  dont_copy_prefs  => 0,
  pre_config_text  => "\n",
  post_config_text => "report_safe 0\n",
  require_rules    => 1,
  %dirs,
});
$spamtest->init(1);
print STDERR "${RULES_COMPILED}\n";
binmode STDIN or die "cannot set binmode on STDIN: $!";
my ($text, $chunk, $read) = ('');
$text .= $chunk while $read = read(STDIN, $chunk, 16384);
defined $read or die "error reading STDIN: $!";
$spamtest->timer_reset;
my $mail = $spamtest->parse([split(/^/m, $text, -1)]);
my $status = $spamtest->check($mail);
print $status->rewrite_mail() or die "error writing: $!";
$mail->finish();
$status->finish();
$spamtest->finish();
close STDOUT or die "error closing STDOUT: $!";
`;

export interface Command {
  file: string;
  args: string[];
}

/**
 * The command that scores like `spamassassin -L --cf='report_safe 0'` with its rules compiled
 * before it reads the message, or undefined when `script` is not a Perl `spamassassin` whose
 * perl, library and directories can be read off its text.
 */
export function rulesFirstCommand(script: string, findPerl: () => string | undefined): Command | undefined {
  const text = readText(script);
  if (!text || !/^use Mail::SpamAssassin;$/m.test(text)) return undefined;
  const shebang = /^#!\s*(\S+)([^\n]*)/.exec(text);
  if (!shebang) return undefined;
  const words = shebang[2]!.trim().split(/\s+/).filter(Boolean);
  // `#!/usr/bin/env perl` is perl from PATH, as the kernel would run it.
  const perl = path.basename(shebang[1]!) === 'env' && words[0] === 'perl' ? (words.shift(), findPerl()) : shebang[1]!;
  if (!perl || !/^perl[\d.]*$/.test(path.basename(perl))) return undefined;
  // Only the switches Debian's script carries (-T taint checks, -w warnings) are understood.
  if (!words.every((w) => /^-[TtwW]+$/.test(w))) return undefined;
  const lib = /^use lib '([^']+)';/m.exec(text)?.[1];
  // The script prefers a lib/ beside itself (a source checkout); we only follow the installed case.
  if (!lib || !existsSync(path.join(lib, 'Mail/SpamAssassin.pm'))) return undefined;
  if (existsSync(path.join(path.dirname(script), 'lib/Mail/SpamAssassin.pm'))) return undefined;
  const dirs = DIRECTORIES.map((name) => new RegExp(`^my \\$${name}\\s*=\\s*'([^']+)';`, 'm').exec(text)?.[1]);
  if (!dirs.every((dir): dir is string => dir !== undefined && path.isAbsolute(dir))) return undefined;
  return { file: perl, args: [...words, `-I${lib}`, '-e', PROGRAM, '--', ...dirs] };
}

/** The script's text (a few dozen kilobytes, read at once: nothing should wait ahead of the start). */
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
