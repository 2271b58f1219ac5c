import { Anchor, Box, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { Link } from "react-router";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { useBench } from "../guardrails/api.ts";
import { OpeningAction } from "../guardrails/OpeningAction.tsx";

/** The areas with fewer than two people who can do the work, each one click from an opening. */
export function BenchWarnings() {
  const bench = useBench();
  return (
    <Loaded query={bench}>
      {(data) => {
        if (data.areas.length === 0) return null;
        const short = data.areas.filter((area) => area.warning !== null);
        return (
          <SectionCard
            title="Bench strength"
            aside={
              <Anchor component={Link} to="/guardrails" size="sm">
                Guardrails
              </Anchor>
            }
          >
            {short.length === 0 ? (
              <Text size="sm" data-testid="bench-strong">
                Bench is strong: at least {data.required} people can do the work in every area you
                use.
              </Text>
            ) : (
              <Stack gap="md">
                {short.map((area) => (
                  <Stack key={area.areaId} gap={6} align="flex-start">
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <IconAlertTriangle
                        size={18}
                        color="var(--mantine-color-red-text)"
                        aria-hidden
                        style={{ flexShrink: 0, marginTop: 2 }}
                      />
                      <Text size="sm">{area.warning}</Text>
                    </Group>
                    <Box pl={26}>
                      <OpeningAction area={area} />
                    </Box>
                  </Stack>
                ))}
              </Stack>
            )}
          </SectionCard>
        );
      }}
    </Loaded>
  );
}
