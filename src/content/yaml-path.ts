// Path access on `yaml` nodes, in one place for the whole tool: yaml's next major version drops
// getIn/setIn, so only this file changes then. Used to place errors (content/yaml.ts), to start
// an issue from the last (workflow/new-issue.ts) and to edit files in place (editor/paths.ts).
import { type Document, isDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';

/** A place in a content file: keys of blocks and indexes of lists, e.g. ["sections", 4, "closingDate"]. */
export type FieldPath = readonly (string | number)[];

/** The node at a path from a document or a node, or undefined when some step of it is absent. */
export function nodeAt(from: Document | YamlNode | null | undefined, path: readonly PropertyKey[]): YamlNode | undefined {
  let node: unknown = isDocument(from) ? from.contents : from;
  for (const step of path) {
    if (isMap(node)) node = node.get(step, true);
    else if (isSeq(node) && typeof step === 'number') node = node.get(step, true);
    else return undefined;
  }
  return (node ?? undefined) as YamlNode | undefined;
}
