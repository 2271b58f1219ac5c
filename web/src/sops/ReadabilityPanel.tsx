import {
  Alert,
  Group,
  Highlight,
  List,
  Mark,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import type { Version } from "../../../src/sops/schema.ts";
import { StatCard } from "../app/components/StatCard.tsx";
import {
  easeLabel,
  foundIn,
  formatScore,
  gradeLabel,
  markColors,
  markTerms,
  type Readability,
} from "./readability.ts";

type Step = Pick<Version["steps"][number], "instruction" | "detail" | "check">;

function Legend() {
  return (
    <Group gap="xs">
      <Text size="xs" c="dimmed">
        Marked:
      </Text>
      <Mark color={markColors.longWord} fz="xs">
        long word
      </Mark>
      <Mark color={markColors.jargon} fz="xs">
        jargon
      </Mark>
      <Mark color={markColors.passive} fz="xs">
        passive
      </Mark>
    </Group>
  );
}

function WordList({ label, words, color }: { label: string; words: string[]; color: string }) {
  if (words.length === 0) return null;
  return (
    <Group gap={6} align="baseline">
      <Text size="sm" fw={600}>
        {label}:
      </Text>
      {words.map((word) => (
        <Mark key={word} color={color} fz="sm" px={4} style={{ borderRadius: 4 }}>
          {word}
        </Mark>
      ))}
    </Group>
  );
}

/** Sentences over 20 words, each shown with its own hard words marked. */
function LongSentences({
  sentences,
  terms,
}: {
  sentences: string[];
  terms: ReturnType<typeof markTerms>;
}) {
  if (sentences.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Long sentences (over 20 words):
      </Text>
      {sentences.map((sentence, index) => (
        <Paper
          key={index}
          withBorder
          p="xs"
          radius="sm"
          style={{ borderLeft: "4px solid var(--mantine-color-yellow-6)" }}
        >
          <Highlight highlight={terms} size="sm">
            {sentence}
          </Highlight>
        </Paper>
      ))}
    </Stack>
  );
}

function Figures({ readability }: { readability: Readability }) {
  return (
    <Text size="sm" span>
      Reading ease <strong>{formatScore(readability.readingEase)}</strong> (
      {easeLabel(readability.readingEase)}) · grade level{" "}
      <strong>{formatScore(readability.gradeLevel)}</strong>
    </Text>
  );
}

/**
 * How easy the saved text is to read, as a whole and step by step, and why it is hard to
 * follow when it is. Colour marks the words; each list says the same in words.
 */
export function ReadabilityPanel({
  score,
  steps,
  minReadingEase,
  unsaved,
}: {
  score: Version["score"];
  steps: Step[];
  minReadingEase: number;
  /** The form has changes the score does not include yet. */
  unsaved: boolean;
}) {
  const wholeTerms = markTerms({
    longWords: score.whole.longWords,
    jargon: score.jargon,
    passive: score.passivePhrases,
  });
  return (
    <Stack gap="md" id="readability" data-testid="readability-panel">
      {unsaved && (
        <Text size="sm" c="dimmed" role="status">
          This score is for the last saved draft. Save the draft to score your changes.
        </Text>
      )}
      {score.hardToFollow ? (
        <Alert
          color="red"
          variant="light"
          title="Hard to follow"
          icon={<IconAlertTriangle aria-hidden />}
          data-testid="hard-to-follow"
        >
          <Stack gap={6}>
            <Text size="sm">
              A contractor may get this wrong. It can't be handed over until you fix it, or override
              the check with a written reason.
            </Text>
            <List size="sm">
              {score.reasons.map((reason) => (
                <List.Item key={reason}>{reason}</List.Item>
              ))}
            </List>
          </Stack>
        </Alert>
      ) : (
        <Alert
          color="teal"
          bg="teal.0"
          variant="light"
          title="Reads plainly"
          icon={<IconCircleCheck aria-hidden />}
          data-testid="reads-plainly"
        >
          <Text size="sm">
            It clears the bar of {minReadingEase}: a layman should be able to follow it.
          </Text>
        </Alert>
      )}

      <SimpleGrid cols={2}>
        <StatCard
          size="md"
          label="Reading ease"
          value={formatScore(score.whole.readingEase)}
          note={`${easeLabel(score.whole.readingEase)}; the bar is ${minReadingEase}. Higher is easier.`}
          testId="reading-ease"
        />
        <StatCard
          size="md"
          label="Grade level"
          value={formatScore(score.whole.gradeLevel)}
          note={`${gradeLabel(score.whole.gradeLevel)}: the school year that can read it.`}
          testId="grade-level"
        />
      </SimpleGrid>

      <Stack gap="xs">
        <WordList label="Jargon" words={score.jargon} color={markColors.jargon} />
        <WordList label="Passive phrases" words={score.passivePhrases} color={markColors.passive} />
        <WordList label="Long words" words={score.whole.longWords} color={markColors.longWord} />
        <LongSentences sentences={score.whole.longSentences} terms={wholeTerms} />
        {score.jargon.length + score.passivePhrases.length + score.whole.longWords.length > 0 && (
          <Text size="xs" c="dimmed">
            Say it the way you would to a friend: short words, “you” do it, one idea a sentence.
          </Text>
        )}
      </Stack>

      {steps.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            Step by step
          </Title>
          <Legend />
          {steps.map((step, index) => {
            const stepScore = score.steps[index];
            if (!stepScore) return null;
            const text = [step.instruction, step.detail, step.check].join("\n");
            const jargon = foundIn(text, score.jargon);
            const passive = foundIn(text, score.passivePhrases);
            const terms = markTerms({
              longWords: stepScore.readability.longWords,
              jargon,
              passive,
            });
            const flags = [
              ...stepScore.flags,
              ...(jargon.length > 0 ? [`Jargon: ${jargon.join(", ")}`] : []),
              ...(passive.length > 0 ? [`Passive: ${passive.join(", ")}`] : []),
              ...(stepScore.readability.longWords.length > 0
                ? [`Long words: ${stepScore.readability.longWords.join(", ")}`]
                : []),
            ];
            return (
              <Paper
                key={index}
                withBorder
                p="sm"
                radius="sm"
                data-testid={`step-score-${index + 1}`}
                style={
                  stepScore.flags.length > 0
                    ? { borderLeft: "4px solid var(--mantine-color-orange-6)" }
                    : undefined
                }
              >
                <Stack gap={6}>
                  <Group gap="xs" justify="space-between" align="baseline">
                    <Text size="sm" fw={700}>
                      Step {index + 1}
                    </Text>
                    <Figures readability={stepScore.readability} />
                  </Group>
                  <Highlight highlight={terms} size="sm">
                    {step.instruction}
                  </Highlight>
                  {stepScore.readability.longSentences
                    .filter((sentence) => sentence !== step.instruction)
                    .map((sentence, sentenceIndex) => (
                      <Highlight
                        key={sentenceIndex}
                        highlight={terms}
                        size="xs"
                        c="dimmed"
                        style={{ borderLeft: "3px solid var(--mantine-color-yellow-6)" }}
                        pl="xs"
                      >
                        {sentence}
                      </Highlight>
                    ))}
                  {flags.length > 0 ? (
                    <List size="xs" spacing={2}>
                      {flags.map((flag) => (
                        <List.Item key={flag}>{flag}</List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text size="xs" c="dimmed">
                      Nothing flagged.
                    </Text>
                  )}
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
