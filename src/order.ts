// Order for strings machines write — ISO dates and times, issue ids, file names, URLs, keys: by code
// point. The same on every machine, and without ICU's collator, which String#localeCompare loads
// (about 4 ms at the first comparison of every run). Names people read keep localeCompare.
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
