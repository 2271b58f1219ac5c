import { Anchor, Button, Group, Stack, Table } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPencil } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { Link } from "react-router";
import type { OwnProfile } from "../../../src/people/schema.ts";
import { countryName } from "../../../src/people/countries.ts";
import { FormError } from "../app/components/FormError.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { fieldError } from "../app/form.ts";
import { meKey } from "../auth/api.ts";
import { fetchOwnProfile, ownProfileKey, saveOwnProfile } from "../people/api.ts";
import { contactLabels } from "../people/display.ts";
import {
  weekdayNames,
  WorkingHoursFields,
  type WorkingHours,
} from "../people/WorkingHoursFields.tsx";

const inputs = [
  "country",
  "timeZone",
  "dayStart",
  "dayEnd",
  "workingDays",
  "contactMethod",
  "phone",
  "chatHandle",
];

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={160}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function contact(profile: OwnProfile): string {
  const detail =
    profile.contactMethod === "phone"
      ? profile.phone
      : profile.contactMethod === "chat"
        ? profile.chatHandle
        : profile.email;
  return `${contactLabels[profile.contactMethod]}: ${detail ?? "—"}`;
}

function ProfileDetails({ profile }: { profile: OwnProfile }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        <Row label="Name">{profile.name}</Row>
        <Row label="Email">{profile.email}</Row>
        <Row label="Country">{profile.country ? countryName(profile.country) : "Not recorded"}</Row>
        <Row label="Time zone">{profile.timeZone}</Row>
        <Row label="Working hours">
          {profile.dayStart}–{profile.dayEnd},{" "}
          {profile.workingDays.map((day) => weekdayNames[day - 1]).join(" ")}
        </Row>
        <Row label="Reach me by">{contact(profile)}</Row>
        <Row label="Skills">
          {profile.skills.length === 0
            ? "None recorded yet"
            : profile.skills.map((skill) => `${skill.areaName} (level ${skill.level})`).join(", ")}
        </Row>
      </Table.Tbody>
    </Table>
  );
}

function OwnProfileForm({ profile, onDone }: { profile: OwnProfile; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [hours, setHours] = useState<WorkingHours>({
    country: profile.country,
    timeZone: profile.timeZone,
    dayStart: profile.dayStart,
    dayEnd: profile.dayEnd,
    workingDays: profile.workingDays,
    contactMethod: profile.contactMethod,
    phone: profile.phone,
    chatHandle: profile.chatHandle,
  });
  const save = useMutation({
    mutationFn: saveOwnProfile,
    onSuccess: (saved) => {
      queryClient.setQueryData(ownProfileKey, saved);
      void queryClient.invalidateQueries({ queryKey: meKey });
      notifications.show({ message: "Your profile is saved." });
      onDone();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(hours);
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} inputs={inputs} />
        <WorkingHoursFields
          value={hours}
          onChange={setHours}
          errorOf={(field) => fieldError(save.error, field)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The contractor's own details: where they are, when they work and how to reach them. */
export function ProfileCard() {
  const profile = useQuery({ queryKey: ownProfileKey, queryFn: fetchOwnProfile });
  const [editing, setEditing] = useState(false);
  return (
    <SectionCard
      title="Your profile"
      description={
        <>
          Keep your time zone, working hours and contact preference up to date so deadlines and
          messages reach you at sensible times. Change your name on your{" "}
          <Anchor component={Link} to="/account" size="sm">
            account page
          </Anchor>
          .
        </>
      }
      aside={
        !editing && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            Edit profile
          </Button>
        )
      }
    >
      <Loaded query={profile}>
        {(current) =>
          editing ? (
            <OwnProfileForm profile={current} onDone={() => setEditing(false)} />
          ) : (
            <ProfileDetails profile={current} />
          )
        }
      </Loaded>
    </SectionCard>
  );
}
