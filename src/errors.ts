// The catalogue of errors a person can meet. Every error the tool raises on purpose is a
// NewsletterError with a stable code from this table: the code names it in `--json` output and
// in the README's error reference, the exit code says whose fault it is (1: the content or the
// request is wrong; 2: the tool or a remote service failed), and the hint says what to do.
// Add a row here for each new kind of error; keep hints in plain words.

export const EXIT = { ok: 0, wrong: 1, failed: 2 } as const;

export interface ErrorEntry {
  /** A short title, as the README's error reference shows it. */
  title: string;
  exit: 1 | 2;
  /** What to do about it, when the error itself does not say more precisely. */
  hint: string;
}

export const ERRORS = {
  usage: {
    title: 'The command was not used as it should be',
    exit: 1,
    hint: 'run `newsletter <command> --help` to see how the command is used',
  },
  'not-a-project': {
    title: 'Not in the project folder',
    exit: 1,
    hint: 'run newsletter in the folder that holds content/ and templates/',
  },
  'unknown-issue': {
    title: 'There is no such issue',
    exit: 1,
    hint: 'check the issue id: it is the folder name under content/issues/',
  },
  'content-invalid': {
    title: 'The content has problems',
    exit: 1,
    hint: 'fix each problem at the file, line and column it names, then run the command again',
  },
  'template-invalid': {
    title: 'A template cannot be used',
    exit: 1,
    hint: 'fix the template at the place named; every {{value}} must exist in the issue',
  },
  'transition-not-allowed': {
    title: 'The issue cannot move to that status',
    exit: 1,
    hint: 'run `newsletter status <id>` to see where the issue stands',
  },
  'status-changed': {
    title: 'Someone else changed the issue first',
    exit: 1,
    hint: 'run `newsletter status <id>` and try again',
  },
  'snapshot-exists': {
    title: 'The issue is already recorded as sent',
    exit: 1,
    hint: 'a sent issue is history: what subscribers received cannot be replaced; look at git log for its sent/ folder',
  },
  'import-refused': {
    title: 'The issue cannot be recorded as sent before the tool',
    exit: 1,
    hint: 'import-sent is only for an issue that went out before this tool, at its sendAt; see `newsletter status <id>`',
  },
  'snapshot-damaged': {
    title: 'The record of a sent issue is damaged',
    exit: 1,
    hint: 'restore the folder from git, e.g. `git checkout -- content/issues/<id>/sent/`; never edit it by hand',
  },
  'state-unreadable': {
    title: 'The state store cannot be read',
    exit: 2,
    hint: 'move the file aside (it is named in the message) to start a new, empty store',
  },
  'state-too-new': {
    title: 'The state store is from a newer version',
    exit: 2,
    hint: 'update newsletter to the version that wrote the store, or point NEWSLETTER_DB at another file',
  },
  'issue-exists': {
    title: 'That issue already exists',
    exit: 1,
    hint: 'choose the id of a month that has no issue yet, or edit the existing issue',
  },
  'check-failed': {
    title: 'The checks found errors',
    exit: 1,
    hint: 'run `newsletter check <id>`, fix each error, then try again',
  },
  'approval-refused': {
    title: 'The issue cannot be approved or unapproved now',
    exit: 1,
    hint: 'run `newsletter status <id>` to see where the issue stands',
  },
  'not-allowed-now': {
    title: 'The issue is not in a status for that now',
    exit: 1,
    hint: 'run `newsletter status <id>` to see where the issue stands; the lifecycle table in the README says what may be done when',
  },
  'proof-refused': {
    title: 'The proof cannot go to those addresses',
    exit: 1,
    hint: 'send proofs only to addresses in PROOF_ALLOWLIST (addresses or @domain), at most 20 at a time',
  },
  'smtp-config': {
    title: 'Proofs by email are not configured',
    exit: 1,
    hint: 'set SMTP_URL, e.g. smtps://user:password@smtp.example.org:465 or smtp://smtp.example.org:587 (see "Configuration" in the README)',
  },
  'smtp-failed': {
    title: 'The mail server did not take the proof',
    exit: 2,
    hint: 'check SMTP_URL and that the mail server is reachable, then send the proof again',
  },
  'preview-config': {
    title: 'The preview is not configured correctly',
    exit: 1,
    hint: 'see "Configuration" in the README',
  },
  'team-config': {
    title: 'The team studio is not configured correctly',
    exit: 1,
    hint: 'see "Hosting the studio for the team" in the README',
  },
  team: {
    title: 'The team cannot be changed that way',
    exit: 1,
    hint: 'run `newsletter team list` to see the team and its roles',
  },
  'send-time': {
    title: 'The send time cannot be used',
    exit: 1,
    hint: 'give a UK time on the quarter-hour, in the future, e.g. --at "2022-04-05 09:00"',
  },
  'campaign-sent': {
    title: 'The campaign has already gone',
    exit: 1,
    hint: 'a campaign that is sending or sent cannot be changed; run `newsletter status <id>` to see it',
  },
  'publish-refused': {
    title: 'The issue cannot be published now',
    exit: 1,
    hint: 'run `newsletter status <id>` to see where the issue stands; only an approved issue with no check errors is published',
  },
  'mailchimp-checklist': {
    title: "Mailchimp's send checklist has errors",
    exit: 1,
    hint: 'put right what the checklist names (in the issue, or the audience in Mailchimp), then run `newsletter publish <id>` again',
  },
  'mailchimp-unconfirmed': {
    title: 'Mailchimp did not confirm a step',
    exit: 2,
    hint: 'nothing was repeated; run the same command again — it reads Mailchimp first and does only what is missing',
  },
  'campaign-duplicate': {
    title: 'Mailchimp holds more than one campaign for the issue',
    exit: 1,
    hint: 'delete or rename the extra campaigns in Mailchimp (keep the one to send; its title is panel-newsletter:<id>), then run the command again',
  },
  'mailchimp-not-configured': {
    title: 'Mailchimp is not configured',
    exit: 1,
    hint: 'set MAILCHIMP_API_KEY and MAILCHIMP_AUDIENCE_ID (see "Configuration" in the README)',
  },
  'mailchimp-auth': {
    title: 'Mailchimp did not accept the API key',
    exit: 1,
    hint: 'check MAILCHIMP_API_KEY: copy it again from Mailchimp (Account & billing → Extras → API keys)',
  },
  'mailchimp-rejected': {
    title: 'Mailchimp refused the request',
    exit: 1,
    hint: "read Mailchimp's reason above, put it right, then run the command again",
  },
  'mailchimp-cannot-schedule': {
    title: 'This Mailchimp account cannot schedule campaigns',
    exit: 1,
    hint: 'the Free plan cannot schedule: let the scheduler daemon send the issue when it is due, or upgrade the Mailchimp plan',
  },
  'mailchimp-unavailable': {
    title: 'Mailchimp could not be reached or was too busy',
    exit: 2,
    hint: 'try again in a few minutes; running the same command again is safe',
  },
  'mailchimp-unexpected-answer': {
    title: 'Mailchimp answered in a way the tool does not understand',
    exit: 2,
    hint: 'run again with NEWSLETTER_DEBUG=1 and report it: the Mailchimp API may have changed',
  },
  'state-store-unusable': {
    title: 'The state store cannot be opened',
    exit: 1,
    hint: 'set NEWSLETTER_DB to a file in a folder you can write to (e.g. .newsletter/state.db), or unset it to use the default',
  },
  'scheduler-config': {
    title: 'A scheduler setting cannot be used',
    exit: 1,
    hint: 'see "Running the daemon" in the README for NEWSLETTER_GRACE, NEWSLETTER_LEASE, NEWSLETTER_REMINDER_TIME and NEWSLETTER_REMINDER_DAYS',
  },
  'reminders-refused': {
    title: 'Reminders cannot go to those addresses',
    exit: 1,
    hint: 'list in REMINDERS_TO only addresses that PROOF_ALLOWLIST allows (an address or its @domain)',
  },
  'due-send-refused': {
    title: 'The due send cannot be changed or fired now',
    exit: 1,
    hint: 'run `newsletter status <id>` to see where the issue and its due send stand',
  },
  'issue-busy': {
    title: 'Another command is changing the issue',
    exit: 1,
    hint: 'wait for it to finish (or for the daemon to finish its step), then run the command again; nothing was changed',
  },
  'report-not-sent': {
    title: 'The issue has no report: it has not been sent with the tool',
    exit: 1,
    hint: 'Mailchimp reports on an issue once its campaign is sent; run `newsletter status <id>` to see where it stands',
  },
  'tool-failed': {
    title: 'The tool failed',
    exit: 2,
    hint: 'run again with NEWSLETTER_DEBUG=1 to see the details, and report it if it keeps happening',
  },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERRORS;

/** The base of every error raised on purpose: a stable code, an exit code and a hint. */
export class NewsletterError extends Error {
  readonly exit: 1 | 2;
  readonly hint: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'NewsletterError';
    this.exit = ERRORS[code].exit;
    this.hint = options.hint ?? ERRORS[code].hint;
  }
}
