// Apart from images.ts so that a reader of renders (the checks' worker) can name it without
// loading picture processing (sharp).
/** Every picture's address in a render is this and its processed name (images.ts). */
export const IMAGE_PATH = '/images/';
