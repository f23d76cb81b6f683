// The caniemail data the compatibility check uses: trimmed to the target clients, with each
// feature's way of being found in an email worked out by scripts/update-caniemail.ts.
import data from './caniemail.json' with { type: 'json' };

/** How a feature shows in an email. CSS matches inline styles and <style> blocks alike. */
export type FeatureMatch =
  | { kind: 'element'; names: string[] }
  | { kind: 'attribute'; names: string[] }
  | { kind: 'element-attribute'; element: string; attribute: string; value?: string }
  | { kind: 'property'; names: string[] }
  | { kind: 'declaration'; property: string; value: string }
  | { kind: 'value'; keywords: string[] }
  | { kind: 'function'; names: string[] }
  | { kind: 'unit'; unit: string }
  | { kind: 'at-rule'; name: string }
  | { kind: 'media-feature'; names: string[] }
  | { kind: 'pseudo'; names: string[] }
  | { kind: 'important' }
  | { kind: 'image'; extensions: string[] }
  | { kind: 'image-data-uri' };

/** caniemail's verdict for the newest version it tested: yes, partial, no, unknown. */
export type Support = 'y' | 'a' | 'n' | 'u';

export interface Feature {
  slug: string;
  title: string;
  url: string;
  match: FeatureMatch;
  support: Record<string, Support>;
}

export interface CompatData {
  source: { package: string; version: string; updated: string };
  clients: { key: string; name: string }[];
  features: Feature[];
}

export const CANIEMAIL = data as CompatData;
