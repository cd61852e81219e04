// Event kinds of a replication: indexes into its handler table (replication.ts).
export const RELEASE = 0;
export const TRIP_DEP = 1;
export const TRIP_ARR = 2;
export const LINK_ARR = 3;
export const BORDER_DONE = 4;
export const BG_ARRIVE = 5;
export const CUT_START = 6;
export const CUT_END = 7;
export const SAMPLE = 8;

/** Arrival state of cargo that came by a trucking link: road transfer times, but nothing to unload. */
export const ROAD_LINK = 7;
