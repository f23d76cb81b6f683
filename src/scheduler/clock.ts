// The daemon's sense of time: a clock passed in (tests drive it; nothing here reads Date itself),
// and the UK calendar it works by. A "day" is a Europe/London calendar day, whatever the offset.

export type Clock = () => Date;

// The UK calendar helpers live with the rest of UK time (time/uk.ts).
export { ukDay, ukMinuteOfDay } from '../time/uk.js';

export { leaseOwner, ownerIsDead } from '../state/owners.js';
