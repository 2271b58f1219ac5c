import { Box, Paper, Stack, Text, Typography } from "@mantine/core";
import type { Version } from "../../../src/sops/schema.ts";
import { imageUrl } from "./api.ts";

type Step = Version["steps"][number];

/**
 * A step's detail as the server rendered it from Markdown. The server sanitises it (no
 * scripts, links that open safely), so this is the only HTML set directly on the page.
 */
export function DetailHtml({ html }: { html: string }) {
  if (html.trim() === "") return null;
  return <Typography fz="sm" className="step-detail" dangerouslySetInnerHTML={{ __html: html }} />;
}

export function StepImage({ imageId, alt }: { imageId: string; alt: string }) {
  // At its own size, up to the column's width: a small screenshot is not blown up.
  return (
    <Box
      component="img"
      src={imageUrl(imageId)}
      alt={alt}
      display="block"
      style={{
        maxWidth: "min(100%, 560px)",
        maxHeight: 420,
        width: "auto",
        height: "auto",
        objectFit: "contain",
        alignSelf: "flex-start",
        borderRadius: "var(--mantine-radius-sm)",
        border: "1px solid var(--mantine-color-default-border)",
      }}
    />
  );
}

/** What a worker reads for one step: the instruction, the detail, the example and the check. */
export function StepContent({ step, number }: { step: Step; number: number }) {
  return (
    <Stack gap="xs">
      <Text fw={600}>{step.instruction}</Text>
      <DetailHtml html={step.detailHtml} />
      {step.imageId && (
        <StepImage imageId={step.imageId} alt={`Example for step ${number}: ${step.instruction}`} />
      )}
      {step.check && (
        <Paper withBorder radius="sm" px="sm" py={6} bg="var(--mantine-color-default-hover)">
          <Text size="sm">
            <Text span fw={700}>
              Check:{" "}
            </Text>
            {step.check}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
