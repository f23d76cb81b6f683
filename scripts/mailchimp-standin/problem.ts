// Mailchimp's way of saying no: a problem document (RFC 7807 shape) with its title and detail,
// and for validation failures the list of fields at fault.
import { randomUUID } from 'node:crypto';
import { Refusal } from './state.js';

export interface Reply {
  status: number;
  body?: unknown;
}

/** Mailchimp's problem document (RFC 7807 shape), as its API answers every error. */
export function problem(status: number, title: string, detail: string, errors?: { field: string; message: string }[]): Reply {
  return {
    status,
    body: {
      type: 'https://mailchimp.com/developer/marketing/docs/errors/',
      title,
      status,
      detail,
      instance: randomUUID(),
      ...(errors ? { errors } : {}),
    },
  };
}

export function wrap(run: () => Reply): Reply {
  try {
    return run();
  } catch (e) {
    if (e instanceof Refusal) return problem(e.status, e.title, e.detail, e.errors.length > 0 ? e.errors : undefined);
    throw e;
  }
}
