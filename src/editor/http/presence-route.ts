// POST /api/edit/presence: an open editor page's heartbeat (or its goodbye), checked like every
// editor request (guard.ts). The answer is who else has the file open; when that changes, open
// studio pages are told (event "presence") so they show it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { send } from '../../http/http.js';
import type { EventHub } from '../../http/live.js';
import { actingPerson, type PersonOf } from '../../http/person.js';
import { editableFile } from '../files.js';
import { type EditorState, readEditorRequest } from './guard.js';

interface RouteContext {
  now: () => Date;
  hub: EventHub;
  editor: EditorState;
  personOf?: PersonOf;
}

const Beat = z.object({ file: z.string().max(200), tab: z.string().regex(/^[\w-]{8,64}$/), leaving: z.boolean().optional() }).strict();

export async function editorPresence(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const read = await readEditorRequest(c.editor, req);
  if (!read.ok) return json(req, res, read.status, { error: read.error });
  const beat = Beat.safeParse(read.body);
  const file = beat.success ? editableFile(beat.data.file) : undefined;
  if (!beat.success || !file) return json(req, res, 400, { error: 'Say which file this editor page has open.' });
  const now = c.now();
  const { presence } = c.editor;
  const person = actingPerson(req, c.personOf);
  const moved = beat.data.leaving ? presence.leave(file.name, beat.data.tab, now) : presence.beat(file.name, beat.data.tab, person, now);
  const files = new Set(presence.expire(now));
  if (moved) files.add(file.name);
  if (files.size) c.hub.broadcast('presence', { files: [...files] });
  const others = presence.editing(file.name, now, beat.data.tab).map((p) => ({ name: p.name, you: p.name === person.name }));
  json(req, res, 200, { others });
}

function json(req: IncomingMessage, res: ServerResponse, status: number, data: unknown): void {
  send(req, res, { status, type: 'application/json; charset=utf-8', body: JSON.stringify(data) });
}
