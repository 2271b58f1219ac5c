import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { benchFacts } from "../people/analytics-service.ts";
import type { Bench } from "../people/schema.ts";
import { listSops } from "../sops/service.ts";
import { getAudit, listAreas } from "../worth/service.ts";
import { areaNeeds, benchStrength, REQUIRED_PEOPLE } from "./rules.ts";

/** How many people can do each skill area's work, with a warning where there are fewer than two. */
export async function getBench(ctx: AppContext, actor: Actor): Promise<Bench> {
  authorize(actor, "contractors.read");
  const [areas, audit, sops, facts] = await Promise.all([
    listAreas(ctx, actor),
    getAudit(ctx, actor),
    listSops(ctx, actor),
    benchFacts(ctx, actor),
  ]);
  const benches = benchStrength({
    areas,
    skills: facts.skills,
    needs: areaNeeds(areas, audit.tasks, sops),
    minLevel: facts.minLevel,
  });
  return {
    minLevel: facts.minLevel,
    required: REQUIRED_PEOPLE,
    areas: benches.map((bench) => ({
      ...bench,
      openingId: facts.openOpenings.find((opening) => opening.areaId === bench.areaId)?.id ?? null,
    })),
  };
}
