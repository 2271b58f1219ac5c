import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconMail, IconPencil } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Link, useParams } from "react-router";
import type { ContractorDetail } from "../../../src/people/schema.ts";
import { CopyableText } from "../app/components/CopyableText.tsx";
import { ErrorAlert } from "../app/components/ErrorAlert.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { PerformanceCard } from "../work/PerformanceCard.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { formatMoney } from "../app/money.ts";
import { can, useMe } from "../auth/session.ts";
import { stageLabels } from "../hiring/stages.ts";
import { contractorKey, fetchContractor, inviteContractor, refreshDirectory } from "./api.ts";
import { RateCell, SkillList, StatusBadge } from "./DirectoryTable.tsx";
import { contactLabels, localTime, overlapText, portalLabels, statusLabels } from "./display.ts";
import { PersonModal } from "./PersonModal.tsx";
import { weekdayNames } from "./WorkingHoursFields.tsx";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={180}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function contactText(person: ContractorDetail): string {
  const detail =
    person.contactMethod === "phone"
      ? person.phone
      : person.contactMethod === "chat"
        ? person.chatHandle
        : person.email;
  return `${contactLabels[person.contactMethod]}: ${detail ?? "—"}`;
}

function Details({ person }: { person: ContractorDetail }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        <Row label="Email">{person.email}</Row>
        <Row label="Status">
          <StatusBadge status={person.status} />
        </Row>
        <Row label="Country">{person.countryName ?? "Not recorded"}</Row>
        <Row label="Time zone">
          {person.timeZone} · {localTime(person.timeZone)} there now
        </Row>
        <Row label="Working hours">
          {person.dayStart}–{person.dayEnd},{" "}
          {person.workingDays.map((day) => weekdayNames[day - 1]).join(" ")} ·{" "}
          {overlapText(person.overlapHours)} with your day
        </Row>
        <Row label="Reach them by">{contactText(person)}</Row>
        <Row label="Rate">
          <RateCell rates={person.rates} />
          {person.rates.conversionNote && (
            <Text size="xs" c="dimmed">
              {person.rates.conversionNote}
            </Text>
          )}
        </Row>
        <Row label="Came through">{person.channelName ?? "Not recorded"}</Row>
        <Row label="Skills">
          <SkillList skills={person.skills} />
        </Row>
      </Table.Tbody>
    </Table>
  );
}

function PortalSection({ person, canInvite }: { person: ContractorDetail; canInvite: boolean }) {
  const queryClient = useQueryClient();
  const invite = useMutation({
    mutationFn: () => inviteContractor(person.id),
    onSuccess: (issued) => {
      refreshDirectory(queryClient);
      notifications.show({
        message: issued.emailed
          ? `Invitation emailed to ${person.email}.`
          : "Invitation made; copy the link to send it.",
      });
    },
  });
  const status = person.portal.status;
  return (
    <SectionCard
      title="Contractor portal"
      description="In the portal they keep their time zone, working hours and contact details up to date and see the procedures you share. They never see your notes or rates."
      aside={<Badge variant="light">{portalLabels[status]}</Badge>}
    >
      {status === "joined" ? (
        <Text size="sm">They have a portal account under {person.email}.</Text>
      ) : (
        <Stack gap="sm">
          {status === "invited" && (
            <Text size="sm">An invitation to {person.email} is waiting to be accepted.</Text>
          )}
          {canInvite && (
            <Group>
              <Button
                leftSection={<IconMail size={16} aria-hidden />}
                variant={status === "invited" ? "default" : "filled"}
                loading={invite.isPending}
                onClick={() => invite.mutate()}
              >
                {status === "invited" ? "Send a fresh invitation" : "Invite to the portal"}
              </Button>
            </Group>
          )}
          {invite.data && !invite.data.emailed && (
            <CopyableText value={invite.data.link} copyLabel="Copy the invitation link" />
          )}
          {invite.error ? <ErrorAlert error={invite.error} title="Not invited" /> : null}
        </Stack>
      )}
    </SectionCard>
  );
}

function RateHistory({ person }: { person: ContractorDetail }) {
  const format = useInstantFormat();
  if (person.rateHistory.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No rate recorded yet.
      </Text>
    );
  }
  const money = (amount: number | null, currency: string) =>
    amount === null ? "—" : formatMoney(amount, currency);
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Since</Table.Th>
            <Table.Th>Hourly</Table.Th>
            <Table.Th>Project</Table.Th>
            <Table.Th>Changed by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {person.rateHistory.map((change) => (
            <Table.Tr key={change.id}>
              <Table.Td>{format.date(change.changedAt)}</Table.Td>
              <Table.Td>{money(change.hourlyRate, change.currency)}</Table.Td>
              <Table.Td>{money(change.projectRate, change.currency)}</Table.Td>
              <Table.Td>{change.changedByName ?? "An import"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Candidacies({ person }: { person: ContractorDetail }) {
  if (person.candidacies.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Not a candidate for any opening.
      </Text>
    );
  }
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Opening</Table.Th>
          <Table.Th>Stage</Table.Th>
          <Table.Th>Score</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {person.candidacies.map((candidacy) => (
          <Table.Tr key={candidacy.id}>
            <Table.Td>
              <Anchor component={Link} to={`/hiring/candidates/${candidacy.id}`}>
                {candidacy.openingTitle}
              </Anchor>
            </Table.Td>
            <Table.Td>{stageLabels[candidacy.stage]}</Table.Td>
            <Table.Td>{candidacy.score === null ? "—" : candidacy.score.toFixed(2)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Person({ person }: { person: ContractorDetail }) {
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const canEdit = can(me, "contractors.manage");
  return (
    <>
      <Anchor component={Link} to="/people" size="sm">
        ← All people
      </Anchor>
      <PageHeader title={person.name}>
        {[
          statusLabels[person.status],
          person.countryName,
          person.channelName && `came through ${person.channelName}`,
        ]
          .filter(Boolean)
          .join(" · ")}
      </PageHeader>
      <Stack gap="lg" maw={900}>
        <SectionCard
          title="Details"
          aside={
            canEdit && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                Edit
              </Button>
            )
          }
        >
          <Details person={person} />
        </SectionCard>
        {can(me, "work.read") && <PerformanceCard contractorId={person.id} />}
        <SectionCard title="Your notes" description="Never shown to the person.">
          <Text
            size="sm"
            style={{ whiteSpace: "pre-wrap" }}
            c={person.notes ? undefined : "dimmed"}
          >
            {person.notes || "No notes yet."}
          </Text>
        </SectionCard>
        <SectionCard title="Rate history" description="Every change of rate, newest first.">
          <RateHistory person={person} />
        </SectionCard>
        <SectionCard
          title="Candidacies"
          description="Openings this person is or was a candidate for."
        >
          <Candidacies person={person} />
        </SectionCard>
        <PortalSection person={person} canInvite={can(me, "invites.manage")} />
      </Stack>
      <PersonModal opened={editing} onClose={() => setEditing(false)} person={person} />
    </>
  );
}

/** One person: everything the owner knows, their rate history, candidacies and portal access. */
export function PersonPage() {
  const { id = "" } = useParams();
  const person = useQuery({ queryKey: contractorKey(id), queryFn: () => fetchContractor(id) });
  return <Loaded query={person}>{(loaded) => <Person person={loaded} />}</Loaded>;
}
