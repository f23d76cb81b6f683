// Every check, in the order they run and report. Add a check here and it runs everywhere:
// `newsletter check`, the preview's check panel, and before proofs and publishing.
import type { Check } from './context.js';
import { accessibilityCheck } from './checks/accessibility.js';
import { compatCheck } from './checks/compat.js';
import { contentCheck } from './checks/content.js';
import { sendingCheck } from './checks/sending.js';
import { imagesCheck } from './checks/images.js';
import { inboxCheck } from './checks/inbox.js';
import { linksCheck } from './checks/links.js';
import { mergeTagsCheck } from './checks/merge-tags.js';
import { mjmlCheck } from './checks/mjml.js';
import { onlineLinksCheck } from './checks/online-links.js';
import { plainEnglishCheck } from './plain-english/index.js';
import { privacyCheck } from './privacy/index.js';
import { sizeCheck } from './checks/size.js';
import { spamCheck } from './checks/spam.js';

export const CHECKS: readonly Check[] = [
  contentCheck,
  sendingCheck,
  privacyCheck,
  mjmlCheck,
  mergeTagsCheck,
  sizeCheck,
  imagesCheck,
  linksCheck,
  onlineLinksCheck,
  accessibilityCheck,
  inboxCheck,
  compatCheck,
  spamCheck,
  plainEnglishCheck,
];
