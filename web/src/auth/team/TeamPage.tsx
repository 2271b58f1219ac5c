import { Stack, Tabs } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { lifetimes } from "../../../../src/auth/rules.ts";
import { Loaded } from "../../app/components/Loaded.tsx";
import { PageHeader } from "../../app/components/PageHeader.tsx";
import { SectionCard } from "../../app/components/SectionCard.tsx";
import { MailList } from "../../notify/MailList.tsx";
import { durationInWords } from "../durations.ts";
import { can, useMe } from "../session.ts";
import { fetchInvites, fetchPeople, invitesKey, peopleKey } from "./api.ts";
import { InviteForm } from "./InviteForm.tsx";
import { InvitesTable } from "./InvitesTable.tsx";
import { PeopleTable } from "./PeopleTable.tsx";

const tabs = ["people", "invites", "mail"] as const;
type Tab = (typeof tabs)[number];

function isTab(value: string | null): value is Tab {
  return tabs.includes(value as Tab);
}

/** Who is in the workspace, who has been invited, and the mail sent to them. */
export function TeamPage() {
  const me = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const people = useQuery({ queryKey: peopleKey, queryFn: fetchPeople });
  const invites = useQuery({ queryKey: invitesKey, queryFn: fetchInvites });
  const wanted = searchParams.get("tab");
  const tab: Tab =
    isTab(wanted) && (wanted !== "mail" || can(me, "outbox.read")) ? wanted : "people";

  return (
    <>
      <PageHeader title="Team">
        Everyone who works in {me.workspace.name}: managers who help you run it and contractors who
        do the work. Contractors see only their own contracts, work and payments.
      </PageHeader>
      <Stack gap="lg">
        {can(me, "invites.manage") && (
          <SectionCard
            title="Invite someone"
            description={`They get a link to choose their own password. The link works once, for ${durationInWords(lifetimes.invite)}.`}
          >
            <InviteForm />
          </SectionCard>
        )}
        <Tabs
          value={tab}
          onChange={(next) => setSearchParams(next && next !== "people" ? { tab: next } : {})}
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="people">People</Tabs.Tab>
            <Tabs.Tab value="invites">Invitations</Tabs.Tab>
            {can(me, "outbox.read") && <Tabs.Tab value="mail">Mail</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="people" pt="md">
            <Loaded query={people}>{(list) => <PeopleTable people={list} />}</Loaded>
          </Tabs.Panel>
          <Tabs.Panel value="invites" pt="md">
            <Loaded query={invites}>{(list) => <InvitesTable invites={list} />}</Loaded>
          </Tabs.Panel>
          {can(me, "outbox.read") && (
            <Tabs.Panel value="mail" pt="md">
              <MailList />
            </Tabs.Panel>
          )}
        </Tabs>
      </Stack>
    </>
  );
}
