import {
  ActionIcon,
  Alert,
  Button,
  FileButton,
  Fieldset,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from "@mantine/core";
import {
  IconArrowDown,
  IconArrowUp,
  IconPhoto,
  IconPhotoOff,
  IconTrash,
} from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { IMAGE_TYPES, MAX_IMAGE_BYTES } from "../../../src/sops/schema.ts";
import { isApiError } from "../app/api.ts";
import { uploadImage } from "./api.ts";
import type { StepForm } from "./draft.ts";
import { DetailHtml, StepImage } from "./StepContent.tsx";

const imageKinds = "PNG, JPEG, WebP or GIF";

/** Why an image was refused, in words the owner can act on. */
function imageProblem(error: unknown): string {
  if (isApiError(error, 413)) return "That image is over 2 MB. Make it smaller and try again.";
  if (isApiError(error, 400) || isApiError(error, 415)) {
    return `${error instanceof Error ? error.message : "That file was refused"}. Use a ${imageKinds} image of at most 2 MB.`;
  }
  return error instanceof Error ? error.message : "The image could not be added.";
}

/** A file the server would refuse, caught before it is sent. */
export function imageRefusal(file: File): string | null {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) {
    return `“${file.name}” is not a ${imageKinds} image.`;
  }
  if (file.size > MAX_IMAGE_BYTES) {
    return `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; an image may be at most 2 MB.`;
  }
  return null;
}

/** One step being written: the instruction, its Markdown detail, the check and an example. */
export function StepFields({
  sopId,
  step,
  index,
  count,
  savedDetailHtml,
  errorOf,
  onChange,
  onMove,
  onRemove,
}: {
  sopId: string;
  step: StepForm;
  index: number;
  count: number;
  /** The detail as last saved, rendered by the server; null when it differs from what is typed. */
  savedDetailHtml: string | null;
  errorOf: (field: string) => string | undefined;
  onChange: (step: StepForm) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const number = index + 1;
  const [localError, setLocalError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: uploadImage,
    onSuccess: (image) => onChange({ ...step, imageId: image.id }),
  });

  function pick(file: File | null) {
    if (!file) return;
    upload.reset();
    const refusal = imageRefusal(file);
    setLocalError(refusal);
    if (refusal === null) upload.mutate({ id: sopId, file });
  }

  const imageError = localError ?? (upload.error ? imageProblem(upload.error) : null);

  return (
    <Fieldset legend={`Step ${number}`} variant="default" radius="md">
      <Stack gap="sm">
        <Group justify="flex-end" gap={4} mt={-8}>
          <Tooltip label="Move up" openDelay={300}>
            <ActionIcon
              variant="default"
              aria-label={`Move step ${number} up`}
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Move down" openDelay={300}>
            <ActionIcon
              variant="default"
              aria-label={`Move step ${number} down`}
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Remove" openDelay={300}>
            <ActionIcon variant="default" aria-label={`Remove step ${number}`} onClick={onRemove}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Textarea
          label="Instruction"
          autosize
          minRows={1}
          value={step.instruction}
          onChange={(event) => onChange({ ...step, instruction: event.currentTarget.value })}
          error={errorOf(`steps.${index}.instruction`)}
          maxLength={300}
        />
        <Textarea
          label="Detail (optional, Markdown)"
          autosize
          minRows={2}
          maxRows={12}
          value={step.detail}
          onChange={(event) => onChange({ ...step, detail: event.currentTarget.value })}
          error={errorOf(`steps.${index}.detail`)}
        />
        {step.detail.trim() !== "" &&
          (savedDetailHtml === null ? (
            <Text size="xs" c="dimmed">
              Save the draft to see a preview of this detail.
            </Text>
          ) : (
            <Paper withBorder p="sm" radius="sm" aria-label={`Preview of step ${number}'s detail`}>
              <Text size="xs" c="dimmed" mb={4}>
                Preview, as the worker will see it
              </Text>
              <DetailHtml html={savedDetailHtml} />
            </Paper>
          ))}
        <TextInput
          label="Check (optional)"
          value={step.check}
          onChange={(event) => onChange({ ...step, check: event.currentTarget.value })}
          error={errorOf(`steps.${index}.check`)}
          maxLength={200}
        />
        <Stack gap="xs">
          {step.imageId && (
            <StepImage
              imageId={step.imageId}
              alt={`Example for step ${number}: ${step.instruction}`}
            />
          )}
          <Group gap="sm">
            <FileButton onChange={pick} accept={IMAGE_TYPES.join(",")}>
              {(props) => (
                <Button
                  {...props}
                  size="xs"
                  variant="default"
                  loading={upload.isPending}
                  leftSection={<IconPhoto size={14} aria-hidden />}
                  aria-label={
                    step.imageId
                      ? `Replace step ${number}'s example image`
                      : `Add an example image to step ${number}`
                  }
                >
                  {step.imageId ? "Replace image" : "Add an example image"}
                </Button>
              )}
            </FileButton>
            {step.imageId && (
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                leftSection={<IconPhotoOff size={14} aria-hidden />}
                onClick={() => onChange({ ...step, imageId: null })}
                aria-label={`Remove step ${number}'s example image`}
              >
                Remove image
              </Button>
            )}
            <Text size="xs" c="dimmed">
              {imageKinds}, up to 2 MB
            </Text>
          </Group>
          {imageError && (
            <Alert color="red" variant="light" role="alert" p="xs" title="Image not added">
              <Text size="sm">{imageError}</Text>
            </Alert>
          )}
        </Stack>
      </Stack>
    </Fieldset>
  );
}
