import { Alert, Anchor, Badge, Group, List, Stack, Text } from "@mantine/core";
import { IconArrowLeft, IconCircleCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import type { Evaluation } from "../../../src/people/schema.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageTitle } from "../app/components/PageHeader.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { can, useMe } from "../auth/session.ts";
import { candidacyKey, fetchEvaluation } from "./api.ts";
import { Caution } from "./Caution.tsx";
import { HireControls } from "./HireControls.tsx";
import { InterviewsSection } from "./InterviewsSection.tsx";
import { ReferencesSection } from "./ReferencesSection.tsx";
import { ReviewChecksSection } from "./ReviewChecksSection.tsx";
import { SamplesSection } from "./SamplesSection.tsx";
import { ScoreBadge } from "./ScoreBadge.tsx";
import { ScorecardSection } from "./ScorecardSection.tsx";
import { stageColors, stageLabels } from "./stages.ts";

/** Everything known about one candidate for one opening, and the decision. */
export function CandidatePage() {
  const { id = "" } = useParams();
  const evaluation = useQuery({ queryKey: candidacyKey(id), queryFn: () => fetchEvaluation(id) });
  return <Loaded query={evaluation}>{(data) => <Candidate evaluation={data} />}</Loaded>;
}

function Candidate({ evaluation }: { evaluation: Evaluation }) {
  const me = useMe();
  const format = useInstantFormat();
  const { candidacy, opening } = evaluation;
  const person = candidacy.contractor;
  const editable = can(me, "hiring.manage") && opening.status === "open";
  const missing = candidacy.missingChecks;
  // The scorecard form starts from what is saved; a fresh key resets it after each save.
  const scorecardKey = JSON.stringify(evaluation.scorecard);

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Anchor component={Link} to={`/hiring/${opening.id}`} size="sm" underline="hover">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            {opening.title}
          </Group>
        </Anchor>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <PageTitle>{person.name}</PageTitle>
            <Group gap="xs">
              <Badge variant="filled" color={stageColors[candidacy.stage]}>
                {stageLabels[candidacy.stage]}
              </Badge>
              <ScoreBadge score={candidacy.score} />
              <Text size="sm" c="dimmed">
                {[
                  person.email,
                  person.timeZone,
                  person.country,
                  person.channelName && `via ${person.channelName}`,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
            </Group>
            {candidacy.hiredAt !== null && (
              <Text size="sm">Hired {format.date(candidacy.hiredAt)}.</Text>
            )}
            {candidacy.rejectionReason && (
              <Text size="sm">Rejected: {candidacy.rejectionReason}</Text>
            )}
          </Stack>
          {editable && <HireControls evaluation={evaluation} />}
        </Group>
      </Stack>

      {opening.status === "closed" && (
        <Text c="dimmed" size="sm">
          The opening is closed, so this evaluation is a record. Reopen the opening to change it.
        </Text>
      )}
      {missing.length > 0 ? (
        <Caution title="Missing checks">
          <List size="sm">
            {missing.map((check) => (
              <List.Item key={check.check}>{check.message}</List.Item>
            ))}
          </List>
        </Caution>
      ) : (
        <Alert
          color="teal"
          bg="teal.0"
          variant="light"
          title="Every check is done"
          icon={<IconCircleCheck aria-hidden />}
        >
          Samples, references, reviews, an interview, the test project and the whole scorecard.
        </Alert>
      )}

      <SamplesSection evaluation={evaluation} editable={editable} />
      <ReferencesSection evaluation={evaluation} editable={editable} />
      <ReviewChecksSection evaluation={evaluation} editable={editable} />
      <InterviewsSection evaluation={evaluation} editable={editable} />
      <ScorecardSection key={scorecardKey} evaluation={evaluation} editable={editable} />
    </Stack>
  );
}
