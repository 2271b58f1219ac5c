import { Button, Group, NativeSelect, NumberInput, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import type { Channel, ContractorFilter } from "../../../src/people/schema.ts";
import { contractorStatuses } from "../../../src/people/schema.ts";
import type { Area } from "../../../src/worth/schema.ts";
import { statusLabels } from "./display.ts";

const levelOptions = [
  { value: "", label: "Any level" },
  ...[1, 2, 3, 4, 5].map((level) => ({ value: String(level), label: `${level} or more` })),
];

/** Narrows the directory: words, a skill at a level, status, channel, overlap with your day. */
export function DirectoryFilters({
  filter,
  onChange,
  areas,
  channels,
}: {
  filter: ContractorFilter;
  onChange: (filter: ContractorFilter) => void;
  areas: Area[];
  channels: Channel[];
}) {
  const set = (changes: Partial<ContractorFilter>) => onChange({ ...filter, ...changes });
  const orUndefined = (value: string) => (value === "" ? undefined : value);
  const empty = Object.values(filter).every((value) => value === undefined || value === "");
  return (
    <Group gap="sm" align="flex-end" role="search" aria-label="Filter the directory">
      <TextInput
        label="Search"
        placeholder="Name, email or notes"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={filter.q ?? ""}
        onChange={(event) => set({ q: orUndefined(event.currentTarget.value) })}
        w={220}
      />
      <NativeSelect
        label="Skill"
        data={[
          { value: "", label: "Any skill" },
          ...areas.map((area) => ({ value: area.id, label: area.name })),
        ]}
        value={filter.areaId ?? ""}
        onChange={(event) => set({ areaId: orUndefined(event.currentTarget.value) })}
        w={160}
      />
      <NativeSelect
        label="Level"
        data={levelOptions}
        value={filter.minLevel === undefined ? "" : String(filter.minLevel)}
        onChange={(event) =>
          set({
            minLevel: event.currentTarget.value ? Number(event.currentTarget.value) : undefined,
          })
        }
        w={130}
      />
      <NativeSelect
        label="Status"
        data={[
          { value: "", label: "Any status" },
          ...contractorStatuses.map((status) => ({ value: status, label: statusLabels[status] })),
        ]}
        value={filter.status ?? ""}
        onChange={(event) =>
          set({
            status: orUndefined(event.currentTarget.value) as ContractorFilter["status"],
          })
        }
        w={140}
      />
      <NativeSelect
        label="Channel"
        data={[
          { value: "", label: "Any channel" },
          ...channels.map((channel) => ({ value: channel.id, label: channel.name })),
        ]}
        value={filter.channelId ?? ""}
        onChange={(event) => set({ channelId: orUndefined(event.currentTarget.value) })}
        w={160}
      />
      <NumberInput
        label="Overlap, at least (h)"
        min={0}
        max={24}
        step={1}
        allowNegative={false}
        decimalScale={1}
        value={filter.minOverlapHours ?? ""}
        onChange={(value) =>
          set({ minOverlapHours: typeof value === "number" ? value : undefined })
        }
        w={170}
      />
      {!empty && (
        <Button variant="subtle" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
