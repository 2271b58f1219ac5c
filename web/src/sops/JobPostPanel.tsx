import {
  Alert,
  Box,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
} from "@mantine/core";
import { useClipboard } from "@mantine/hooks";
import { IconCheck, IconCopy, IconInfoCircle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { JobPost, Sop } from "../../../src/sops/schema.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fetchJobPost, jobPostKey } from "./api.ts";

type Format = "markdown" | "text";

function CopyButton({ value, what }: { value: string; what: string }) {
  const clipboard = useClipboard({ timeout: 2500 });
  return (
    <Group gap="sm">
      <Button
        size="xs"
        variant="default"
        leftSection={clipboard.copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
        onClick={() => clipboard.copy(value)}
      >
        {clipboard.copied ? "Copied" : `Copy ${what}`}
      </Button>
      <Text size="sm" c={clipboard.error ? "red" : "dimmed"} role="status">
        {clipboard.error ? "This browser won't copy here: select the text and copy it." : ""}
      </Text>
    </Group>
  );
}

function Variants({ post }: { post: JobPost }) {
  const [format, setFormat] = useState<Format>("markdown");
  const first = post.variants[0]?.channel ?? "referral";
  const [channel, setChannel] = useState<string>(first);
  return (
    <Stack gap="md">
      <Alert color="indigo" variant="light" icon={<IconInfoCircle aria-hidden />}>
        This is exactly what will be posted. The procedure's private details stay out of it: its
        steps, their details and the tools.
      </Alert>
      <Tabs value={channel} onChange={(next) => next && setChannel(next)} keepMounted={false}>
        <Tabs.List aria-label="Channels">
          {post.variants.map((variant) => (
            <Tabs.Tab key={variant.channel} value={variant.channel}>
              {variant.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {post.variants.map((variant) => {
          const value = format === "markdown" ? variant.markdown : variant.text;
          return (
            <Tabs.Panel key={variant.channel} value={variant.channel} pt="md">
              <Stack gap="sm">
                <Group justify="space-between" gap="sm">
                  <SegmentedControl
                    aria-label="Format"
                    value={format}
                    onChange={(next) => setFormat(next as Format)}
                    data={[
                      { value: "markdown", label: "Markdown" },
                      { value: "text", label: "Plain text" },
                    ]}
                  />
                  <CopyButton
                    value={value}
                    what={format === "markdown" ? "Markdown" : "plain text"}
                  />
                </Group>
                <Box
                  component="pre"
                  data-testid="job-post-text"
                  tabIndex={0}
                  aria-label={`${variant.label} post, ${format === "markdown" ? "Markdown" : "plain text"}`}
                  p="md"
                  m={0}
                  style={{
                    whiteSpace: "pre-wrap",
                    wordBreak: "break-word",
                    fontFamily: "var(--mantine-font-family-monospace)",
                    fontSize: "var(--mantine-font-size-sm)",
                    background: "var(--mantine-color-default-hover)",
                    border: "1px solid var(--mantine-color-default-border)",
                    borderRadius: "var(--mantine-radius-sm)",
                    maxHeight: 560,
                    overflow: "auto",
                  }}
                >
                  {value}
                </Box>
              </Stack>
            </Tabs.Panel>
          );
        })}
      </Tabs>
    </Stack>
  );
}

/** A job post made from a published version, sized for each channel the owner finds people in. */
export function JobPostPanel({ sop }: { sop: Sop }) {
  const latest = sop.latestVersion;
  const [number, setNumber] = useState(latest ?? 1);
  const post = useQuery({
    queryKey: jobPostKey(sop.id, number),
    queryFn: () => fetchJobPost(sop.id, number),
    enabled: latest !== null,
  });
  return (
    <SectionCard
      title="Job post"
      description="Ready to paste where you look for people: a referral message, a post for your network, or a freelance site. It asks for a small paid test first."
      aside={
        sop.versions.length > 1 && (
          <NativeSelect
            aria-label="Version"
            data={[...sop.versions]
              .sort((a, b) => b.number - a.number)
              .map((version) => ({
                value: String(version.number),
                label: `Version ${version.number}`,
              }))}
            value={String(number)}
            onChange={(event) => setNumber(Number(event.currentTarget.value))}
          />
        )
      }
    >
      {latest === null ? (
        <Text size="sm">Publish a version first: the post is made from a published version.</Text>
      ) : (
        <Loaded query={post}>{(data) => <Variants post={data} />}</Loaded>
      )}
    </SectionCard>
  );
}
