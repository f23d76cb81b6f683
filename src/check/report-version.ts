// Apart from finding.ts, whose zod schemas (the contract of `check --json`, for its readers and the
// tests) nothing in a check runs: importing this number from there built them all at every start.

/** Raised when the shape of `check --json` changes in a way a reader of it must know about. */
export const CHECK_REPORT_SCHEMA_VERSION = 1;
