import { Anchor, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import type { Version } from "../../../src/sops/schema.ts";
import { isApiError } from "../app/api.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fetchVersion, versionKey } from "../sops/api.ts";
import { StepContent } from "../sops/StepContent.tsx";

function ProcedureView({ version }: { version: Version }) {
  return (
    <>
      <PageHeader title={version.title}>
        Version {version.number}. {version.purpose}
      </PageHeader>
      <Stack gap="lg">
        {(version.definitionOfDone || version.tools.length > 0) && (
          <SectionCard title="Before you start">
            {version.definitionOfDone && (
              <Text size="sm">
                <Text span fw={700}>
                  Done when:{" "}
                </Text>
                {version.definitionOfDone}
              </Text>
            )}
            {version.tools.length > 0 && (
              <Stack gap={4}>
                <Text size="sm" fw={700}>
                  Tools you need
                </Text>
                <List size="sm">
                  {version.tools.map((tool) => (
                    <List.Item key={tool}>{tool}</List.Item>
                  ))}
                </List>
              </Stack>
            )}
          </SectionCard>
        )}
        {version.steps.map((step, index) => (
          <Paper
            key={index}
            component="section"
            aria-labelledby={`step-${index + 1}-heading`}
            withBorder
            radius="md"
            p="md"
          >
            <Stack gap="xs">
              <Title order={2} size="h4" id={`step-${index + 1}-heading`}>
                Step {index + 1}
              </Title>
              <StepContent step={step} number={index + 1} />
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}

/** A procedure the owner shared with this contractor, to read. */
export function SharedProcedurePage() {
  const { id = "", number = "" } = useParams();
  const versionNumber = Number(number);
  const version = useQuery({
    queryKey: versionKey(id, versionNumber),
    queryFn: () => fetchVersion(id, versionNumber),
    enabled: Number.isInteger(versionNumber) && versionNumber > 0,
  });
  const missing =
    !(Number.isInteger(versionNumber) && versionNumber > 0) ||
    (version.isError && (isApiError(version.error, 404) || isApiError(version.error, 400)));
  return (
    <>
      <Anchor component={Link} to="/portal" size="sm" underline="hover">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          Back to your portal
        </Group>
      </Anchor>
      {missing ? (
        <>
          <PageHeader title="Procedure not found" />
          <Text>It may no longer be shared with you.</Text>
        </>
      ) : (
        <Loaded query={version}>{(data) => <ProcedureView version={data} />}</Loaded>
      )}
    </>
  );
}
