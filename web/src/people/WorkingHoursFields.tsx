import {
  Checkbox,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useMemo } from "react";
import { countryOptions } from "../../../src/people/countries.ts";
import { contactMethods } from "../../../src/people/schema.ts";
import { SearchableSelect } from "../app/components/SearchableSelect.tsx";
import { TimeZoneSelect } from "../app/components/TimeZoneSelect.tsx";

/** Where someone is, when they work and how to reach them: kept by the owner or by themselves. */
export interface WorkingHours {
  country: string | null;
  timeZone: string;
  dayStart: string;
  dayEnd: string;
  workingDays: number[];
  contactMethod: (typeof contactMethods)[number];
  phone: string | null;
  chatHandle: string | null;
}

export const weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const weekdayLabels = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;
const methodLabels = { email: "Email", phone: "Phone", chat: "Chat" } as const;
const NO_COUNTRY = "Not recorded";

export function CountrySelect({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  error?: string;
}) {
  const countries = useMemo(() => countryOptions(), []);
  const nameOf = new Map(countries.map((country) => [country.code, country.name]));
  const codeOf = new Map(countries.map((country) => [country.name, country.code]));
  return (
    <SearchableSelect
      label="Country"
      error={error}
      options={[NO_COUNTRY, ...countries.map((country) => country.name)]}
      value={value ? (nameOf.get(value) ?? value) : NO_COUNTRY}
      onChange={(name) => onChange(codeOf.get(name) ?? null)}
      matches={(option, search) => option.toLowerCase().includes(search.toLowerCase())}
      nothingFound="No country matches"
    />
  );
}

export function WorkingHoursFields({
  value,
  onChange,
  errorOf,
}: {
  value: WorkingHours;
  onChange: (value: WorkingHours) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const set = <K extends keyof WorkingHours>(key: K, next: WorkingHours[K]) =>
    onChange({ ...value, [key]: next });
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <CountrySelect
          value={value.country}
          onChange={(code) => set("country", code)}
          error={errorOf("country")}
        />
        <TimeZoneSelect
          value={value.timeZone}
          onChange={(zone) => set("timeZone", zone)}
          error={errorOf("timeZone")}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2 }}>
        <TextInput
          type="time"
          label="Working day starts"
          value={value.dayStart}
          onChange={(event) => set("dayStart", event.currentTarget.value)}
          error={errorOf("dayStart")}
        />
        <TextInput
          type="time"
          label="Working day ends"
          value={value.dayEnd}
          onChange={(event) => set("dayEnd", event.currentTarget.value)}
          error={errorOf("dayEnd")}
        />
      </SimpleGrid>
      <Checkbox.Group
        label="Working days"
        value={value.workingDays.map(String)}
        onChange={(days) =>
          set(
            "workingDays",
            days.map(Number).sort((a, b) => a - b),
          )
        }
        error={errorOf("workingDays")}
      >
        <Group gap="md" mt={6}>
          {weekdayNames.map((day, index) => (
            <Checkbox
              key={day}
              value={String(index + 1)}
              label={day}
              aria-label={weekdayLabels[index]}
            />
          ))}
        </Group>
      </Checkbox.Group>
      <Stack gap={6}>
        <Text size="sm" fw={600} id="contact-method-label">
          Preferred way to be reached
        </Text>
        <SegmentedControl
          aria-labelledby="contact-method-label"
          data={contactMethods.map((method) => ({ value: method, label: methodLabels[method] }))}
          value={value.contactMethod}
          onChange={(method) => set("contactMethod", method as WorkingHours["contactMethod"])}
        />
      </Stack>
      {value.contactMethod === "phone" && (
        <TextInput
          label="Phone number"
          type="tel"
          autoComplete="off"
          value={value.phone ?? ""}
          onChange={(event) => set("phone", event.currentTarget.value || null)}
          error={errorOf("phone")}
        />
      )}
      {value.contactMethod === "chat" && (
        <TextInput
          label="Chat handle"
          description="Where to find them, such as @ana on Slack or a WhatsApp number"
          value={value.chatHandle ?? ""}
          onChange={(event) => set("chatHandle", event.currentTarget.value || null)}
          error={errorOf("chatHandle")}
        />
      )}
    </Stack>
  );
}
