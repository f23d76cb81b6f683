// The new issue's checklist in the editor: an item ticked by hand (a JSON request through the
// editor's guard), and the items a save ticks because it changed their fields. Ticked items go;
// the checklist goes with the last.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { editableFile } from '../files.js';
import type { EditOp } from '../paths.js';
import { type ChecklistItem, tickChecklist } from '../../workflow/checklist.js';
import { readEditorRequest } from './guard.js';
import { json, type RouteContext } from './routes.js';

const TickRequest = z.object({ file: z.string().max(200), ids: z.array(z.string().max(40)).max(50) });

export async function tickByHand(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const read = await readEditorRequest(c.editor, req);
  if (!read.ok) return json(req, res, read.status, { error: read.error });
  const parsed = TickRequest.safeParse(read.body);
  const file = parsed.success ? editableFile(parsed.data.file) : undefined;
  if (!parsed.success || !file?.issue) return json(req, res, 400, { error: 'Name the issue file and the items to tick.' });
  json(req, res, 200, { checklist: await tickChecklist(c.ws.paths.content, file.issue, { ids: parsed.data.ids }) });
}

/** After a save of an issue: the items its changes tick off, and what is left. */
export function tickSaved(c: RouteContext, issue: string, ops: readonly EditOp[]): Promise<ChecklistItem[]> {
  const saved = ops.map((op) => (op.op === 'insert' || op.op === 'remove' ? op.path : op.op === 'move' ? [] : op.path));
  return tickChecklist(c.ws.paths.content, issue, { saved: saved.filter((p) => p.length > 0) });
}
