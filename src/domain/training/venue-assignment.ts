/**
 * 应到会场: in a 同步课堂 one lesson runs at the city's and the counties' party schools at once, and each trainee
 * attends the venue of the nearest unit above them that has one; a trainee with no such venue attends the lesson's
 * main (first) venue. This decides whom each venue's liaison expects.
 */

export interface VenuePlace {
  id: string;
  unitId: string | null;
}

/**
 * `ancestry`: the participant's unit and the units above it, nearest first. Returns the venue they are expected at,
 * or null when the lesson has no venue.
 */
export function expectedVenue(ancestry: readonly string[], venues: readonly VenuePlace[]): string | null {
  if (venues.length === 0) return null;
  for (const unitId of ancestry) {
    const venue = venues.find((v) => v.unitId === unitId);
    if (venue) return venue.id;
  }
  return venues[0]!.id;
}
