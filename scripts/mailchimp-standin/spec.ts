// The published spec as the stand-in holds it: stricter than the file about requests, and
// widened only where Mailchimp's documented behaviour differs from what the file says.
import { readFileSync } from 'node:fs';
import type { Document } from 'openapi-backend';
import { ensureMailchimpSpec } from '../fetch-mailchimp-spec.js';

type Schema = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

export async function standinSpec(): Promise<Document> {
  const definition = JSON.parse(readFileSync(await ensureMailchimpSpec(), 'utf8')) as Document;
  for (const operation of operationsOf(definition)) {
    const body = (operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content;
    const request = body?.['application/json']?.schema;
    if (request) closeObjects(request);
    for (const response of Object.values(
      (operation.responses ?? {}) as Record<string, { content?: Record<string, { schema?: Schema }> }>,
    )) {
      const schema = response.content?.['application/json']?.schema;
      if (schema) allowQuirks(schema);
    }
  }
  return definition;
}

function operationsOf(definition: Document): Record<string, unknown>[] {
  return Object.values(definition.paths ?? {}).flatMap((item) =>
    METHODS.map((m) => (item as Record<string, unknown>)[m]).filter(
      (o): o is Record<string, unknown> => typeof o === 'object' && o !== null,
    ),
  );
}

/**
 * The spec sets no additionalProperties: false, so a misspelt field (settings.subject_lin) would
 * pass and the stand-in and the client could agree on a name Mailchimp ignores. Every object
 * with listed properties is closed to others; a schema combined by allOf/oneOf/anyOf is left
 * open, since closing one branch would refuse the properties of the others.
 */
export function closeObjects(schema: Schema): void {
  if (schema.allOf || schema.oneOf || schema.anyOf) return;
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
  for (const child of Object.values(properties ?? {})) closeObjects(child);
  if (schema.items && typeof schema.items === 'object') closeObjects(schema.items as Schema);
}

/**
 * Mailchimp's documented answers that the spec's response schemas do not describe. Each is
 * allowed where it occurs, and nowhere else:
 * - send_time is "" on a campaign that is not scheduled or sent (the spec says date-time).
 */
export function allowQuirks(schema: Schema): void {
  const properties = schema.properties as Record<string, Schema> | undefined;
  const sendTime = properties?.send_time;
  if (sendTime?.format === 'date-time') {
    delete sendTime.format;
    sendTime.anyOf = [{ format: 'date-time' }, { const: '' }];
  }
  for (const child of Object.values(properties ?? {})) allowQuirks(child);
  if (schema.items && typeof schema.items === 'object') allowQuirks(schema.items as Schema);
  for (const key of ['allOf', 'oneOf', 'anyOf']) for (const branch of (schema[key] as Schema[] | undefined) ?? []) allowQuirks(branch);
}
