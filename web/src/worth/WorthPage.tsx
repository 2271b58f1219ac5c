import { Stack, Tabs } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { can, useMe } from "../auth/session.ts";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import {
  areasKey,
  auditKey,
  barterSkillsKey,
  fetchAreas,
  fetchAudit,
  fetchBarterSkills,
  fetchWorth,
  worthProfileKey,
} from "./api.ts";
import { HourlyValuePanel } from "./HourlyValuePanel.tsx";
import { TaskAuditPanel } from "./TaskAuditPanel.tsx";
import { TaskCharts } from "./TaskCharts.tsx";

const tabs = ["hourly", "tasks", "pictures"] as const;
type Tab = (typeof tabs)[number];

function isTab(value: string | null): value is Tab {
  return tabs.includes(value as Tab);
}

/** What the owner's hour is worth, and which of their tasks are worth less. */
export function WorthPage() {
  const me = useMe();
  const canEdit = can(me, "worth.manage");
  const [searchParams, setSearchParams] = useSearchParams();
  const wanted = searchParams.get("tab");
  const tab: Tab = isTab(wanted) ? wanted : "hourly";
  const worth = useQuery({ queryKey: worthProfileKey, queryFn: fetchWorth });
  const audit = useQuery({ queryKey: auditKey, queryFn: fetchAudit });
  const areas = useQuery({ queryKey: areasKey, queryFn: fetchAreas });
  const skills = useQuery({ queryKey: barterSkillsKey, queryFn: fetchBarterSkills });

  return (
    <>
      <PageHeader title="Know your worth">
        What an hour of your time is worth, and which of your tasks are worth less. Don't do
        $10-an-hour work when you are worth $75.
      </PageHeader>
      <Tabs
        value={tab}
        onChange={(next) => setSearchParams(next && next !== "hourly" ? { tab: next } : {})}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="hourly">Hourly value</Tabs.Tab>
          <Tabs.Tab value="tasks">Task audit</Tabs.Tab>
          <Tabs.Tab value="pictures">Pictures</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="hourly">
          <Loaded query={worth}>
            {(data) => <HourlyValuePanel worth={data} canEdit={canEdit} />}
          </Loaded>
        </Tabs.Panel>
        <Tabs.Panel value="tasks">
          <Loaded query={audit}>
            {(auditData) => (
              <Loaded query={areas}>
                {(areaList) => (
                  <Loaded query={skills}>
                    {(skillList) => (
                      <TaskAuditPanel
                        audit={auditData}
                        areas={areaList}
                        skills={skillList}
                        canEdit={canEdit}
                      />
                    )}
                  </Loaded>
                )}
              </Loaded>
            )}
          </Loaded>
        </Tabs.Panel>
        <Tabs.Panel value="pictures">
          <Stack>
            <Loaded query={audit}>{(data) => <TaskCharts audit={data} />}</Loaded>
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
