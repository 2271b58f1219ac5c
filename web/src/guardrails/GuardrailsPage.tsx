import { List, Stack, Text } from "@mantine/core";
import { can, useMe } from "../auth/session.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { useBench } from "./api.ts";
import { BenchSection } from "./BenchSection.tsx";

/** The guardrails that come with later parts of the product, said plainly instead of shown empty. */
const laterGuardrails = [
  {
    name: "Concentration",
    what: "Once contracts are in, a warning when one person holds too large a share of your open work, with a suggestion to split it.",
  },
  {
    name: "Slips",
    what: "Once work is tracked, a flag on a contractor with repeated missed reports or late milestones, with a suggested replacement from your bench.",
  },
  {
    name: "Loyalty",
    what: "Once work is reviewed, the reliable people who deliver on time, so they get more work and volume rates.",
  },
];

/** Warnings before a mistake costs the owner time or money. */
export function GuardrailsPage() {
  const me = useMe();
  const bench = useBench();
  return (
    <>
      <PageHeader title="Guardrails">
        Warnings before a mistake costs you time or money: too few people for a skill, too much work
        with one person, a contractor who keeps slipping.
      </PageHeader>
      <Stack gap="lg">
        <Loaded query={bench}>
          {(data) => <BenchSection bench={data} canChangeLevel={can(me, "people.settings")} />}
        </Loaded>
        <SectionCard
          title="Still to come"
          description="These guardrails appear as the rest of your work moves into Handoff."
        >
          <List spacing="xs" size="sm">
            {laterGuardrails.map((guardrail) => (
              <List.Item key={guardrail.name}>
                <Text span fw={600} size="sm">
                  {guardrail.name}:
                </Text>{" "}
                {guardrail.what}
              </List.Item>
            ))}
          </List>
        </SectionCard>
      </Stack>
    </>
  );
}
