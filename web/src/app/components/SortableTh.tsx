import { Group, Table, UnstyledButton } from "@mantine/core";
import { IconArrowsSort, IconSortAscending, IconSortDescending } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";

export interface Sort<Column extends string> {
  column: Column;
  descending: boolean;
}

/** A table heading that sorts by its column when pressed; pressed again, it reverses. */
export function SortableTh<Column extends string>({
  column,
  sort,
  onSort,
  children,
  align,
}: {
  column: Column;
  sort: Sort<Column>;
  onSort: (sort: Sort<Column>) => void;
  children: ReactNode;
  align?: "right";
}) {
  const active = sort.column === column;
  const SortIcon = !active
    ? IconArrowsSort
    : sort.descending
      ? IconSortDescending
      : IconSortAscending;
  return (
    <Table.Th
      aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
      style={{ textAlign: align }}
    >
      <UnstyledButton
        onClick={() => onSort({ column, descending: active ? !sort.descending : false })}
        fw={700}
        fz="sm"
      >
        <Group gap={4} wrap="nowrap" justify={align === "right" ? "flex-end" : "flex-start"}>
          {children}
          <SortIcon size={14} aria-hidden stroke={active ? 2.2 : 1.5} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Sort state, and the rows in that order (stable; ties keep their original order). */
export function useSorted<Row, Column extends string>(
  rows: readonly Row[],
  initial: Sort<Column>,
  keyOf: (row: Row, column: Column) => string | number,
): [Row[], Sort<Column>, (sort: Sort<Column>) => void] {
  const [sort, setSort] = useState(initial);
  const sorted = rows
    .map((row, index) => ({ row, index, key: keyOf(row, sort.column) }))
    .sort((a, b) => {
      const order =
        typeof a.key === "number" && typeof b.key === "number"
          ? a.key - b.key
          : String(a.key).localeCompare(String(b.key), undefined, { sensitivity: "base" });
      return (sort.descending ? -order : order) || a.index - b.index;
    })
    .map(({ row }) => row);
  return [sorted, sort, setSort];
}
