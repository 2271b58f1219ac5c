import "@mantine/charts/styles.css";
import { Box, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useId, type ReactNode } from "react";

export interface ChartTable {
  /** Column headings; the first column names each row, the others hold its numbers. */
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}

function NumbersTable({ title, table }: { title: string; table: ChartTable }) {
  return (
    <Table verticalSpacing="xs">
      <Table.Caption>{title}: the numbers</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {table.columns.map((column, index) => (
            <Table.Th key={column} scope="col" ta={index === 0 ? undefined : "right"}>
              {column}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.rows.map((row) => (
          <Table.Tr key={row.key}>
            {row.cells.map((cell, index) =>
              index === 0 ? (
                <Table.Th key={index} scope="row" fw={400}>
                  {cell}
                </Table.Th>
              ) : (
                <Table.Td key={index} ta="right">
                  {cell}
                </Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * A chart with a caption and the same numbers as a table: hidden for screen readers under
 * the chart, or shown instead of it for anyone who prefers the table. The caption names the
 * figure and the summary describes it, so the picture is never the only way in.
 */
export function ChartFigure({
  title,
  summary,
  table,
  showTable = false,
  children,
}: {
  title: string;
  /** One or two sentences: what the chart shows and what stands out. */
  summary: ReactNode;
  table: ChartTable;
  /** Show the table in place of the chart. */
  showTable?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Box
      component="figure"
      m={0}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-summary`}
    >
      <Stack gap="sm">
        <Stack gap={2}>
          <Text component="figcaption" id={`${id}-title`} fw={600}>
            {title}
          </Text>
          <Text size="sm" c="dimmed" id={`${id}-summary`}>
            {summary}
          </Text>
        </Stack>
        {showTable ? (
          // Focusable, so a table wider than a phone can be scrolled from the keyboard.
          <Table.ScrollContainer
            minWidth={420}
            type="native"
            tabIndex={0}
            role="region"
            aria-label={`${title}: the numbers`}
          >
            <NumbersTable title={title} table={table} />
          </Table.ScrollContainer>
        ) : (
          <>
            {children}
            <VisuallyHidden>
              <NumbersTable title={title} table={table} />
            </VisuallyHidden>
          </>
        )}
      </Stack>
    </Box>
  );
}
