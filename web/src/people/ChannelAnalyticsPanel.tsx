import { BarChart } from "@mantine/charts";
import { Group, List, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { channelAnalyticsSchema, type ChannelAnalytics } from "../../../src/people/schema.ts";
import { api } from "../app/api.ts";
import { ChartFigure } from "../app/components/ChartFigure.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { formatCount, formatMoney, formatPercent } from "../app/money.ts";

const channelAnalyticsKey = ["channels", "analytics"] as const;

function fetchChannelAnalytics() {
  return api.get("/api/channels/analytics", channelAnalyticsSchema);
}

type Row = ChannelAnalytics["channels"][number];

const missing = "—";
const orMissing = <T,>(value: T | null, format: (value: T) => string) =>
  value === null ? missing : format(value);
const decimal = (value: number) =>
  value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Every column, formatted; null figures read as a dash, explained in the notes below. */
function cellsOf(row: Row, currency: string): string[] {
  return [
    row.name,
    row.channelId === null ? missing : formatPercent(row.feeBasisPoints / 100),
    formatCount(row.candidates),
    formatCount(row.hires),
    orMissing(row.hireRate, (rate) => formatPercent(rate * 100)),
    orMissing(row.averageScore, decimal),
    orMissing(row.averageRating, decimal),
    orMissing(row.costPerHire, (cost) => formatMoney(cost, currency)),
  ];
}

const columns = [
  "Channel",
  "Fee",
  "Candidates",
  "Hires",
  "Hire rate",
  "Average score",
  "Average rating",
  "Cost per hire",
];

function summaryOf(used: Row[]): string {
  if (used.length === 0) return "No candidates recorded yet.";
  const best = [...used].sort(
    (a, b) => (b.hireRate ?? 0) - (a.hireRate ?? 0) || b.candidates - a.candidates,
  )[0]!;
  const total = used.reduce((sum, row) => sum + row.candidates, 0);
  return `${formatCount(total)} ${total === 1 ? "candidate" : "candidates"} from ${used.length} ${
    used.length === 1 ? "channel" : "channels"
  }. ${best.name} has the highest hire rate: ${formatPercent((best.hireRate ?? 0) * 100)} (${best.hires} of ${best.candidates}).`;
}

function AnalyticsView({ data }: { data: ChannelAnalytics }) {
  const used = data.channels.filter((row) => row.candidates > 0);
  return (
    <SectionCard
      title="Which channel works best"
      description="Candidates, hires and scores per channel, so you post where the best people for the money are."
    >
      <ChartFigure
        title="Candidates and hires per channel"
        summary={summaryOf(used)}
        table={{
          columns: ["Channel", "Candidates", "Hires"],
          rows: used.map((row) => ({
            key: row.channelId ?? "none",
            cells: [row.name, formatCount(row.candidates), formatCount(row.hires)],
          })),
        }}
      >
        {used.length === 0 ? (
          <Group h={120} justify="center">
            <Text size="sm" c="dimmed">
              Nothing to show yet: add candidates to an opening, with the channel they came through.
            </Text>
          </Group>
        ) : (
          <BarChart
            h={Math.max(180, used.length * 56 + 60)}
            data={used.map((row) => ({
              channel: row.name,
              candidates: row.candidates,
              hires: row.hires,
            }))}
            dataKey="channel"
            orientation="vertical"
            series={[
              { name: "candidates", label: "Candidates", color: "blue.6" },
              { name: "hires", label: "Hires", color: "teal.7" },
            ]}
            withLegend
            yAxisProps={{ width: 140 }}
            xAxisProps={{ allowDecimals: false, domain: [0, "dataMax"] }}
            gridAxis="y"
            barChartProps={{ title: "Candidates and hires per channel" }}
          />
        )}
      </ChartFigure>
      <Text size="sm" fw={600} id="channel-numbers">
        Each channel's numbers, in {data.currency}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover aria-labelledby="channel-numbers">
          <Table.Thead>
            <Table.Tr>
              {columns.map((column, index) => (
                <Table.Th key={column} scope="col" ta={index === 0 ? undefined : "right"}>
                  {column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.channels.map((row) => (
              <Table.Tr key={row.channelId ?? "none"}>
                {cellsOf(row, data.currency).map((cell, index) =>
                  index === 0 ? (
                    <Table.Th key={index} scope="row" fw={500}>
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
      </Table.ScrollContainer>
      <List size="sm" c="dimmed" spacing={4} aria-label="About these numbers">
        {data.notes.map((note) => (
          <List.Item key={note}>{note}</List.Item>
        ))}
      </List>
    </SectionCard>
  );
}

/** Which channel gives the best people for the money: a chart and the full table. */
export function ChannelAnalyticsPanel() {
  const analytics = useQuery({
    queryKey: channelAnalyticsKey,
    queryFn: fetchChannelAnalytics,
    // Hiring changes these numbers from other pages; read them afresh on every visit.
    staleTime: 0,
  });
  return <Loaded query={analytics}>{(data) => <AnalyticsView data={data} />}</Loaded>;
}
