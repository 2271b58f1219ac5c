import { bestPerformerFirst, type PerformerCandidate } from "../work/performance-rules.ts";
import type { ReliablePerson } from "./schema.ts";

/**
 * Loyalty (seed 003: be loyal to the reliable ones and give them more work): the people
 * reliable over the window, suggested first for new work and for a volume rate. Pure.
 */

/** The reliable only, in the same order as the top performers. */
export function reliablePeople(people: readonly PerformerCandidate[]): ReliablePerson[] {
  return people
    .filter((person) => person.reliability.reliable)
    .sort(bestPerformerFirst)
    .map(({ contractorId, name, reliability }) => {
      const { reportsOnTime, milestonesOnTime, accepted, ratings } = reliability.performance;
      return {
        contractorId,
        contractorName: name,
        reportsOnTime,
        milestonesOnTime,
        accepted,
        rating: ratings.overall,
        reason: `${reliability.words} Offer them new work first, and a volume rate for steady work.`,
        action: {
          label: `Offer ${name} new work`,
          href: `/contracts/new?contractorId=${encodeURIComponent(contractorId)}`,
        },
      };
    });
}
