import {
  Alert,
  Button,
  Grid,
  Group,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDeviceFloppy, IconLock, IconPlus, IconSend } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { MAX_STEPS, type Sop, type Version } from "../../../src/sops/schema.ts";
import { ConfirmDialog } from "../app/components/ConfirmDialog.tsx";
import { FormError } from "../app/components/FormError.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import { discardDraft, publish, refreshSop, saveDraft, sopKey, versionKey } from "./api.ts";
import { formOf, inputOf, moved, newStep, sameContent, type DraftForm } from "./draft.ts";
import { LinksCard } from "./LinksCard.tsx";
import { PublishGate } from "./PublishGate.tsx";
import { ReadabilityPanel } from "./ReadabilityPanel.tsx";
import { StepFields } from "./StepFields.tsx";

const inputs = ["title", "purpose", "definitionOfDone", "tools"];

/**
 * Writing the procedure: the draft on the left, how easy it is to read on the right. Saving
 * keeps the draft; publishing freezes it as the next numbered version.
 */
export function DraftEditor({
  sop,
  source,
  minReadingEase,
  canOverride,
  onDiscarded,
}: {
  sop: Sop;
  /** The saved draft, or the latest version when there is no draft. */
  source: Version;
  minReadingEase: number;
  canOverride: boolean;
  onDiscarded: () => void;
}) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<DraftForm>(() => formOf(source));
  const [gateOpen, setGateOpen] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const dirty = !sameContent(form, source);
  const hasDraft = sop.draft !== null;
  const nextNumber = (sop.latestVersion ?? 0) + 1;

  const save = useMutation({
    mutationFn: saveDraft,
    onSuccess: () => refreshSop(queryClient, sop.id),
  });
  const publishing = useMutation({
    mutationFn: publish,
    onSuccess: async (version) => {
      setGateOpen(false);
      // The editor goes on from the version just published, without waiting to fetch it.
      if (version.number !== null) {
        queryClient.setQueryData(versionKey(sop.id, version.number), version);
      }
      await refreshSop(queryClient, sop.id);
      notifications.show({ message: `Published as version ${version.number ?? nextNumber}.` });
    },
  });
  const discard = useMutation({
    mutationFn: discardDraft,
    onSuccess: async () => {
      setDiscarding(false);
      await refreshSop(queryClient, sop.id);
      notifications.show({ message: "Draft discarded." });
      onDiscarded();
    },
  });

  const errorOf = (field: string) => fieldError(save.error, field);
  const setField = <K extends keyof DraftForm>(key: K, value: DraftForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  async function saveNow(): Promise<boolean> {
    try {
      await save.mutateAsync({ id: sop.id, draft: inputOf(form) });
      return true;
    } catch {
      return false;
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void saveNow().then((saved) => {
      if (saved)
        notifications.show({ message: "Draft saved. Its readability score is up to date." });
    });
  }

  async function startPublishing() {
    publishing.reset();
    if (dirty && !(await saveNow())) return;
    const fresh = queryClient.getQueryData<Sop>(sopKey(sop.id));
    const draft = fresh?.draft ?? sop.draft;
    if (draft?.score.hardToFollow) {
      setGateOpen(true);
      return;
    }
    publishing.mutate({ id: sop.id, overrideReason: null });
  }

  function fixText() {
    setGateOpen(false);
    document.getElementById("readability")?.scrollIntoView({ behavior: "smooth" });
  }

  const savedDetailHtml = (detail: string): string | null => {
    const savedStep = source.steps.find((step) => step.detail === detail.trim());
    return savedStep ? savedStep.detailHtml : null;
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <form onSubmit={submit} noValidate aria-label="Procedure">
          <Stack gap="lg">
            <SectionCard
              title={hasDraft ? "Draft" : `Version ${sop.latestVersion ?? ""}`}
              description={
                hasDraft
                  ? `Changes stay in this draft until you publish them as version ${nextNumber}.`
                  : `This is the published version. Change anything to start the draft of version ${nextNumber}.`
              }
            >
              <FormError error={save.error} inputs={inputs} />
              <TextInput
                label="Title"
                value={form.title}
                onChange={(event) => setField("title", event.currentTarget.value)}
                error={errorOf("title")}
                maxLength={120}
              />
              <Textarea
                label="Purpose (optional)"
                description="Why this task matters, in a sentence or two."
                autosize
                minRows={2}
                value={form.purpose}
                onChange={(event) => setField("purpose", event.currentTarget.value)}
                error={errorOf("purpose")}
                maxLength={1000}
              />
              <Textarea
                label="Definition of done (optional)"
                description="The result that counts as done, so the worker knows when to stop."
                autosize
                minRows={2}
                value={form.definitionOfDone}
                onChange={(event) => setField("definitionOfDone", event.currentTarget.value)}
                error={errorOf("definitionOfDone")}
                maxLength={1000}
              />
              <Stack gap={6}>
                <TagsInput
                  label="Tools and logins needed (optional)"
                  description="Type a tool's name and press Enter, e.g. WordPress, Canva."
                  value={form.tools}
                  onChange={(tools) => setField("tools", tools)}
                  error={errorOf("tools")}
                  maxTags={30}
                  clearable
                  clearButtonProps={{ "aria-label": "Remove every tool" }}
                />
                <Alert
                  color="yellow"
                  variant="light"
                  p="xs"
                  icon={<IconLock size={18} aria-hidden />}
                  data-testid="no-secrets"
                >
                  <Text size="sm" fw={600}>
                    Never store passwords or keys here; list the tool's name only.
                  </Text>
                  <Text size="xs">
                    Share logins another way, one person at a time, and change them when the work
                    ends.
                  </Text>
                </Alert>
              </Stack>
            </SectionCard>

            <SectionCard
              title="Steps"
              description="One action per step, in the order they are done, said the way you would say it: “Open the blog's dashboard.” The detail takes Markdown: **bold**, lists starting with -, links as [text](https://…). A check is what the worker confirms before ticking the step."
              aside={
                <Text size="sm" c="dimmed">
                  {form.steps.length} of at most {MAX_STEPS}
                </Text>
              }
            >
              {form.steps.length === 0 && (
                <Text size="sm">No steps yet. Add the first thing the worker does.</Text>
              )}
              {form.steps.map((step, index) => (
                <StepFields
                  key={step.key}
                  sopId={sop.id}
                  step={step}
                  index={index}
                  count={form.steps.length}
                  savedDetailHtml={savedDetailHtml(step.detail)}
                  errorOf={errorOf}
                  onChange={(changed) =>
                    setField(
                      "steps",
                      form.steps.map((other) => (other.key === step.key ? changed : other)),
                    )
                  }
                  onMove={(to) => setField("steps", moved(form.steps, index, to))}
                  onRemove={() =>
                    setField(
                      "steps",
                      form.steps.filter((other) => other.key !== step.key),
                    )
                  }
                />
              ))}
              <Group>
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  disabled={form.steps.length >= MAX_STEPS}
                  onClick={() => setField("steps", [...form.steps, newStep()])}
                >
                  Add a step
                </Button>
              </Group>
            </SectionCard>

            <Group justify="space-between" gap="sm">
              <Group gap="sm">
                <Button
                  type="submit"
                  loading={save.isPending}
                  leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                >
                  Save draft
                </Button>
                <Button
                  variant="light"
                  onClick={() => void startPublishing()}
                  loading={publishing.isPending}
                  disabled={!hasDraft && !dirty}
                  leftSection={<IconSend size={16} aria-hidden />}
                >
                  Publish version {nextNumber}
                </Button>
                <Text size="sm" c="dimmed" role="status">
                  {dirty ? "Unsaved changes" : hasDraft ? "Draft saved" : "Nothing new to publish"}
                </Text>
              </Group>
              {hasDraft && sop.latestVersion !== null && (
                <Button variant="default" onClick={() => setDiscarding(true)}>
                  Discard draft
                </Button>
              )}
            </Group>
            {publishing.error && !gateOpen ? (
              <FormError error={publishing.error} inputs={[]} />
            ) : null}
          </Stack>
        </form>
      </Grid.Col>

      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="lg">
          <SectionCard
            title="How easy it is to read"
            description="Scored each time you save: Flesch reading ease and grade level, for the whole and for each step."
          >
            <ReadabilityPanel
              score={source.score}
              steps={source.steps}
              minReadingEase={minReadingEase}
              unsaved={dirty}
            />
          </SectionCard>
          <LinksCard sop={sop} />
        </Stack>
      </Grid.Col>

      <PublishGate
        opened={gateOpen}
        onClose={() => setGateOpen(false)}
        score={source.score}
        canOverride={canOverride}
        onFix={fixText}
        onPublish={(overrideReason) => publishing.mutate({ id: sop.id, overrideReason })}
        pending={publishing.isPending}
        error={publishing.error}
      />
      <ConfirmDialog
        opened={discarding}
        title="Discard the draft?"
        confirmLabel="Discard draft"
        onConfirm={() => discard.mutate(sop.id)}
        onClose={() => setDiscarding(false)}
        pending={discard.isPending}
        error={discard.error}
      >
        Your changes since version {sop.latestVersion} are thrown away.
      </ConfirmDialog>
    </Grid>
  );
}
