// Every answer the stand-in gives is held to the spec's response schema for its operation and
// status code, as requests are. An answer off the spec is the stand-in's own bug: it is replaced
// by a loud 500 naming the operation and the fields, so a client test cannot pass by agreeing
// with a hand-written answer Mailchimp would never give.
import type { OpenAPIBackend } from 'openapi-backend';
import { problem, type Reply } from './problem.js';

export function checkedAnswer(api: OpenAPIBackend, operationId: string | undefined, reply: Reply): Reply {
  if (!operationId) return reply;
  // The spec gives 204 answers no content, which openapi-backend checks as null.
  const result = api.validateResponse(reply.body ?? null, operationId, reply.status);
  if (result.valid) return reply;
  const errors = (result.errors ?? []).map((e) => ({
    field: e.instancePath.split('/').filter(Boolean).join('.') || '(body)',
    message: e.message ?? e.keyword,
  }));
  return problem(
    500,
    'Stand-in Answer Off Spec',
    `The stand-in's ${reply.status} answer to ${operationId} does not match the published spec; this is a bug in scripts/mailchimp-standin/, not in the client.`,
    errors,
  );
}
