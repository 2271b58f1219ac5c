import { Stack } from "@mantine/core";
import { can, useMe } from "../auth/session.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { useBench, useGuardrails } from "./api.ts";
import { BenchSection } from "./BenchSection.tsx";
import { ConcentrationSection } from "./ConcentrationSection.tsx";
import { LoyaltySection } from "./LoyaltySection.tsx";
import { SlipsSection } from "./SlipsSection.tsx";
import { WorkSettingsCard } from "./WorkSettingsCard.tsx";

/** Warnings before a mistake costs the owner time or money, and who to reward. */
export function GuardrailsPage() {
  const me = useMe();
  const bench = useBench();
  const guardrails = useGuardrails();
  return (
    <>
      <PageHeader title="Guardrails">
        Warnings before a mistake costs you time or money: too few people for a skill, too much work
        with one person, a contractor who keeps slipping — and the reliable people to give more
        work.
      </PageHeader>
      <Stack gap="lg">
        <Loaded query={guardrails}>
          {(data) => (
            <>
              <SlipsSection slips={data.slips} />
              <ConcentrationSection concentration={data.concentration} />
            </>
          )}
        </Loaded>
        <Loaded query={bench}>
          {(data) => <BenchSection bench={data} canChangeLevel={can(me, "people.settings")} />}
        </Loaded>
        <Loaded query={guardrails}>{(data) => <LoyaltySection loyalty={data.loyalty} />}</Loaded>
        {can(me, "work.settings") && <WorkSettingsCard />}
      </Stack>
    </>
  );
}
