// The nine English regions, apart from the schema: the checks need their names, and the studio's
// check worker would otherwise build every content schema (zod) to read them, about 4 MB of its heap.
export const REGION_NAMES = [
  'North West',
  'North East',
  'Yorkshire and the Humber',
  'West Midlands',
  'East Midlands',
  'East of England',
  'South West',
  'South East',
  'London',
] as const;
