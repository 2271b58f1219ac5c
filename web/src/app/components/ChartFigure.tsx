import "@mantine/charts/styles.css";
import { Box, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useId, type ReactNode } from "react";

export interface ChartTable {
  /** Column headings; the first column names each row. */
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}

/**
 * A chart with a caption and, for screen readers, the same numbers as a table. The caption
 * names the figure and the summary describes it, so the picture is never the only way in.
 */
export function ChartFigure({
  title,
  summary,
  table,
  children,
}: {
  title: string;
  /** One or two sentences: what the chart shows and what stands out. */
  summary: ReactNode;
  table: ChartTable;
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
        {children}
        <VisuallyHidden>
          <Table>
            <Table.Caption>{title}: the numbers</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {table.columns.map((column) => (
                  <Table.Th key={column} scope="col">
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
                      <Table.Th key={index} scope="row">
                        {cell}
                      </Table.Th>
                    ) : (
                      <Table.Td key={index}>{cell}</Table.Td>
                    ),
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </VisuallyHidden>
      </Stack>
    </Box>
  );
}
