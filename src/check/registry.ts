// Every check, in the order they run and report. Add a check here and it runs everywhere:
// `newsletter check`, the preview's check panel, and before proofs and publishing.
import type { Check } from './context.js';
import { mergeTagsCheck } from './checks/merge-tags.js';
import { mjmlCheck } from './checks/mjml.js';
import { sizeCheck } from './checks/size.js';

export const CHECKS: readonly Check[] = [mjmlCheck, mergeTagsCheck, sizeCheck];
