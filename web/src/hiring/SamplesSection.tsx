import { Anchor, Button, FileButton, Group, List, Stack, Text, TextInput } from "@mantine/core";
import { IconDownload, IconLink, IconUpload } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { MAX_SAMPLE_BYTES, SAMPLE_TYPES, type Evaluation } from "../../../src/people/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import { addSampleLink, removeEvidence, sampleFileUrl, uploadSample } from "./api.ts";
import { RemoveEvidenceButton } from "./RemoveEvidenceButton.tsx";
import { useEvidence } from "./use-evidence.ts";

const accepted = SAMPLE_TYPES.join(",");

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Work samples as links, or files that are only ever downloaded, never opened in the page. */
export function SamplesSection({
  evaluation,
  editable,
}: {
  evaluation: Evaluation;
  editable: boolean;
}) {
  const ids = { candidacyId: evaluation.candidacy.id, openingId: evaluation.opening.id };
  const id = ids.candidacyId;
  const [title, setTitle] = useState("");
  const [url, setUrl] = useState("");
  const [problem, setProblem] = useState<string>();
  const link = useEvidence(ids, addSampleLink, "Sample added.");
  const upload = useEvidence(ids, uploadSample, "Sample uploaded.");
  const remove = useEvidence(ids, removeEvidence, "Sample removed.");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === "") {
      setProblem("Name the sample, e.g. “Blog post about candles”");
      return;
    }
    setProblem(undefined);
    link.mutate(
      { id, title: title.trim(), url: url.trim() },
      {
        onSuccess: () => {
          setTitle("");
          setUrl("");
        },
      },
    );
  }

  function send(file: File | null) {
    if (!file) return;
    if (title.trim() === "") {
      setProblem("Name the sample before uploading it");
      return;
    }
    setProblem(undefined);
    upload.mutate({ id, title: title.trim(), file }, { onSuccess: () => setTitle("") });
  }

  return (
    <SectionCard
      title="Samples"
      description="Their past work. Look at it yourself before anything else."
    >
      {evaluation.samples.length === 0 ? (
        <Text size="sm" c="dimmed">
          No samples yet.
        </Text>
      ) : (
        <List spacing="xs" listStyleType="none" p={0}>
          {evaluation.samples.map((sample) => (
            <List.Item key={sample.id}>
              <Group gap="xs" wrap="nowrap">
                {sample.url ? (
                  <Anchor href={sample.url} target="_blank" rel="noopener noreferrer nofollow">
                    <Group gap={4} component="span" wrap="nowrap">
                      <IconLink size={14} aria-hidden />
                      {sample.title}
                    </Group>
                  </Anchor>
                ) : (
                  <Anchor href={sampleFileUrl(id, sample.id)} download={sample.fileName ?? true}>
                    <Group gap={4} component="span" wrap="nowrap">
                      <IconDownload size={14} aria-hidden />
                      {sample.title}
                    </Group>
                  </Anchor>
                )}
                {sample.fileName && (
                  <Text size="xs" c="dimmed">
                    {sample.fileName}, {sizeText(sample.size ?? 0)}
                  </Text>
                )}
                {editable && (
                  <RemoveEvidenceButton
                    ml="auto"
                    label={`Remove sample ${sample.title}`}
                    onRemove={() => remove.mutate({ id, kind: "samples", itemId: sample.id })}
                  />
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {editable && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <FormError error={link.error ?? upload.error} inputs={["title", "url", "file"]} />
            <Group align="flex-end" gap="xs">
              <TextInput
                label="Sample title"
                value={title}
                onChange={(event) => setTitle(event.currentTarget.value)}
                error={problem ?? fieldError(link.error ?? upload.error, "title")}
                style={{ flex: "1 1 180px" }}
              />
              <TextInput
                label="Link"
                placeholder="https://"
                value={url}
                onChange={(event) => setUrl(event.currentTarget.value)}
                error={fieldError(link.error, "url")}
                style={{ flex: "2 1 220px" }}
              />
              <Button type="submit" variant="default" loading={link.isPending}>
                Add link
              </Button>
              <FileButton onChange={send} accept={accepted}>
                {(props) => (
                  <Button
                    {...props}
                    variant="default"
                    loading={upload.isPending}
                    leftSection={<IconUpload size={16} aria-hidden />}
                  >
                    Upload a file
                  </Button>
                )}
              </FileButton>
            </Group>
            <Text size="xs" c="dimmed">
              Files: PDF, PNG, JPEG, WebP, GIF or plain text, up to {sizeText(MAX_SAMPLE_BYTES)}.
            </Text>
          </Stack>
        </form>
      )}
    </SectionCard>
  );
}
