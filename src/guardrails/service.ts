import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { benchFacts } from "../people/analytics-service.ts";
import type { Bench } from "../people/schema.ts";
import { listSops } from "../sops/service.ts";
import { getAudit, listAreas } from "../worth/service.ts";
import { benchStrength, REQUIRED_PEOPLE, type AreaNeed } from "./rules.ts";

/**
 * The work each area holds that someone else could do: audit tasks the owner may hand off
 * and procedures filed under it. Strategic tasks stay with the owner and unneeded ones are
 * to be dropped, so neither needs a bench.
 */
function needsOf(
  areas: readonly { id: string }[],
  tasks: readonly { areaId: string; strategic: boolean; needed: boolean }[],
  sops: readonly { areaId: string | null }[],
): AreaNeed[] {
  return areas.map((area) => ({
    areaId: area.id,
    tasks: tasks.filter((task) => task.areaId === area.id && !task.strategic && task.needed).length,
    procedures: sops.filter((sop) => sop.areaId === area.id).length,
  }));
}

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
    needs: needsOf(areas, audit.tasks, sops),
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
