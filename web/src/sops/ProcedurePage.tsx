import { Anchor, Badge, Group, Stack, Tabs, Text } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { Sop } from "../../../src/sops/schema.ts";
import { isApiError } from "../app/api.ts";
import { ErrorAlert } from "../app/components/ErrorAlert.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { Loading } from "../app/components/Loading.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { can, useMe } from "../auth/session.ts";
import {
  fetchSop,
  fetchSopSettings,
  fetchVersion,
  sopKey,
  sopSettingsKey,
  versionKey,
} from "./api.ts";
import { DraftEditor } from "./DraftEditor.tsx";
import { HandOverPanel } from "./HandOverPanel.tsx";
import { JobPostPanel } from "./JobPostPanel.tsx";
import { RunsPanel } from "./RunsPanel.tsx";
import { GateBadge, VersionsPanel } from "./VersionsPanel.tsx";

const tabs = ["write", "versions", "hand-over", "runs", "job-post"] as const;
type Tab = (typeof tabs)[number];

function isTab(value: string | null): value is Tab {
  return tabs.includes(value as Tab);
}

/** The draft, or (right after publishing) the latest version to start the next draft from. */
function WriteTab({ sop }: { sop: Sop }) {
  const me = useMe();
  const [generation, setGeneration] = useState(0);
  const settings = useQuery({ queryKey: sopSettingsKey, queryFn: fetchSopSettings });
  const latest = sop.latestVersion;
  const version = useQuery({
    queryKey: versionKey(sop.id, latest ?? 0),
    queryFn: () => fetchVersion(sop.id, latest ?? 0),
    enabled: sop.draft === null && latest !== null,
  });
  const source = sop.draft ?? version.data;
  if (settings.isPending || (!source && version.isPending)) return <Loading />;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  if (!source) return <ErrorAlert error={version.error} />;
  return (
    <DraftEditor
      key={`${sop.id}-${generation}`}
      sop={sop}
      source={source}
      minReadingEase={settings.data.minReadingEase}
      canOverride={can(me, "sops.settings")}
      onDiscarded={() => setGeneration((value) => value + 1)}
    />
  );
}

function ProcedureTabs({ sop }: { sop: Sop }) {
  const me = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const wanted = searchParams.get("tab");
  const tab: Tab = isTab(wanted) ? wanted : "write";
  const title = sop.draft?.title ?? sop.title;
  const open = (next: Tab) => setSearchParams(next === "write" ? {} : { tab: next });

  return (
    <>
      <Anchor component={Link} to="/blueprints" size="sm" underline="hover">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          All procedures
        </Group>
      </Anchor>
      <PageHeader title={title}>
        <Group gap="xs" component="span">
          <Text span inherit>
            {sop.latestVersion === null
              ? "Not published yet."
              : `Version ${sop.latestVersion} published${sop.hasDraft ? "; a draft holds newer changes" : ""}.`}
          </Text>
          <GateBadge
            hardToFollow={sop.hardToFollow}
            overrideReason={
              sop.versions.find((v) => v.number === sop.latestVersion)?.overrideReason ?? null
            }
          />
        </Group>
      </PageHeader>
      <Tabs value={tab} onChange={(next) => isTab(next) && open(next)} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="write">Write</Tabs.Tab>
          <Tabs.Tab
            value="versions"
            rightSection={
              sop.versions.length > 0 && (
                <Badge size="sm" variant="light" color="gray" circle>
                  {sop.versions.length}
                </Badge>
              )
            }
          >
            Versions
          </Tabs.Tab>
          <Tabs.Tab value="hand-over">Hand over</Tabs.Tab>
          <Tabs.Tab value="runs">Runs</Tabs.Tab>
          <Tabs.Tab value="job-post">Job post</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write">
          <WriteTab sop={sop} />
        </Tabs.Panel>
        <Tabs.Panel value="versions">
          <VersionsPanel sop={sop} canOverride={can(me, "sops.settings")} />
        </Tabs.Panel>
        <Tabs.Panel value="hand-over">
          <HandOverPanel sop={sop} />
        </Tabs.Panel>
        <Tabs.Panel value="runs">
          <RunsPanel sop={sop} />
        </Tabs.Panel>
        <Tabs.Panel value="job-post">
          <JobPostPanel sop={sop} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** One procedure: write it, publish it, hand it over, watch it run. */
export function ProcedurePage() {
  const { id = "" } = useParams();
  const sop = useQuery({ queryKey: sopKey(id), queryFn: () => fetchSop(id) });
  if (sop.isError && (isApiError(sop.error, 404) || isApiError(sop.error, 400))) {
    return (
      <>
        <PageHeader title="Procedure not found" />
        <Stack>
          <Text>It may have been removed, or the link is wrong.</Text>
          <Anchor component={Link} to="/blueprints">
            Back to all procedures
          </Anchor>
        </Stack>
      </>
    );
  }
  return <Loaded query={sop}>{(data) => <ProcedureTabs sop={data} />}</Loaded>;
}
