import { LineChart } from "@mantine/charts";
import { SegmentedControl, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type {
  PerformanceView,
  RatingAveragesView,
  RatioView,
  TrendPointView,
} from "../../../src/work/performance-schema.ts";
import { dateInWords } from "../../../src/time/working-day.ts";
import { ChartFigure } from "../app/components/ChartFigure.tsx";
import { Loaded } from "../app/components/Loaded.tsx";
import { SectionCard } from "../app/components/SectionCard.tsx";
import { StatCard } from "../app/components/StatCard.tsx";
import { performanceQuery } from "./review-api.ts";

/**
 * How a contractor performs: on time, sent back, rated, reporting; and the last twelve
 * weeks as a chart or, for anyone who prefers it, a table of the same numbers.
 */

export function percentText(ratio: RatioView): string {
  return ratio.percent === null ? "—" : `${ratio.percent}%`;
}

export function ratioWords(ratio: RatioView, what: string): string {
  return ratio.of === 0 ? `No ${what} yet` : `${ratio.count} of ${ratio.of} ${what}`;
}

export function ratingText(rating: number | null): string {
  return rating === null ? "—" : `${rating.toFixed(1)} of 5`;
}

export function ratingsWords(ratings: RatingAveragesView): string {
  if (ratings.rated === 0) return "Not rated yet";
  return `Quality ${ratings.quality?.toFixed(1)}, timeliness ${ratings.timeliness?.toFixed(1)}, communication ${ratings.communication?.toFixed(1)}; ${ratings.rated} rated`;
}

function Numbers({ performance }: { performance: PerformanceView }) {
  const { numbers } = performance;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
      <StatCard
        size="md"
        label="On time"
        value={percentText(numbers.onTime)}
        note={ratioWords(numbers.onTime, "reports and milestones due")}
      />
      <StatCard
        size="md"
        label="Sent back"
        value={percentText(numbers.sentBack)}
        note={ratioWords(numbers.sentBack, "deliveries reviewed")}
      />
      <StatCard
        size="md"
        label="Average rating"
        value={ratingText(numbers.ratings.overall)}
        note={ratingsWords(numbers.ratings)}
      />
      <StatCard
        size="md"
        label="Reports on time"
        value={percentText(numbers.reportsOnTime)}
        note={ratioWords(numbers.reportsOnTime, "reports due")}
      />
    </SimpleGrid>
  );
}

const weekLabel = (point: TrendPointView) => dateInWords(point.weekEnding);
const orDash = (value: number | null, text: (value: number) => string) =>
  value === null ? "—" : text(value);

function trendSummary(trend: readonly TrendPointView[]): string {
  const judged = trend.filter((point) => point.onTimePercent !== null);
  const rated = trend.filter((point) => point.averageRating !== null);
  if (judged.length === 0 && rated.length === 0)
    return "Nothing due or reviewed in these weeks yet.";
  const latestOnTime = judged.at(-1);
  const latestRating = rated.at(-1);
  return [
    latestOnTime &&
      `In the week to ${weekLabel(latestOnTime)}, ${latestOnTime.onTimePercent}% was on time.`,
    latestRating &&
      `The latest rated week (to ${weekLabel(latestRating)}) averaged ${latestRating.averageRating?.toFixed(1)} of 5.`,
  ]
    .filter(Boolean)
    .join(" ");
}

const trendColumns = ["Week to", "On time", "Average rating", "Deliveries reviewed"];

function trendCells(point: TrendPointView): string[] {
  return [
    weekLabel(point),
    orDash(point.onTimePercent, (value) => `${value}%`),
    orDash(point.averageRating, (value) => value.toFixed(1)),
    String(point.reviewed),
  ];
}

function TrendFigure({
  trend,
  showTable,
}: {
  trend: readonly TrendPointView[];
  showTable: boolean;
}) {
  const data = trend.map((point) => ({
    week: weekLabel(point),
    onTime: point.onTimePercent,
    rating: point.averageRating,
  }));
  return (
    <ChartFigure
      title="On time and average rating by week"
      summary={trendSummary(trend)}
      table={{
        columns: trendColumns,
        rows: trend.map((point) => ({ key: point.weekEnding, cells: trendCells(point) })),
      }}
      showTable={showTable}
    >
      <LineChart
        h={260}
        data={data}
        dataKey="week"
        series={[
          { name: "onTime", label: "On time (%)", color: "indigo.6" },
          { name: "rating", label: "Average rating (of 5)", color: "orange.7", yAxisId: "right" },
        ]}
        withRightYAxis
        yAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100], width: 40 }}
        rightYAxisProps={{ domain: [0, 5], ticks: [0, 1, 2, 3, 4, 5], width: 30 }}
        connectNulls
        withLegend
        legendProps={{ verticalAlign: "bottom", height: 40 }}
        curveType="monotone"
        lineChartProps={{ title: "On time and average rating by week" }}
      />
    </ChartFigure>
  );
}

function Trend({ trend }: { trend: readonly TrendPointView[] }) {
  const [shown, setShown] = useState<"chart" | "table">("chart");
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Show the trend as"
        value={shown}
        onChange={(value) => setShown(value === "table" ? "table" : "chart")}
        data={[
          { value: "chart", label: "Chart" },
          { value: "table", label: "Table" },
        ]}
        w={{ base: "100%", xs: 220 }}
      />
      <TrendFigure trend={trend} showTable={shown === "table"} />
    </Stack>
  );
}

export function PerformanceCard({ contractorId }: { contractorId: string }) {
  const performance = useQuery(performanceQuery(contractorId));
  return (
    <SectionCard
      title="Performance"
      description="From every report due, milestone due and delivery reviewed under their contracts."
    >
      <Loaded query={performance}>
        {(data) =>
          data.reporting ? (
            <Stack gap="md">
              <Numbers performance={data} />
              <Trend trend={data.trend} />
            </Stack>
          ) : (
            <Text size="sm">
              Nothing to judge yet: the numbers start once one of their contracts is accepted.
            </Text>
          )
        }
      </Loaded>
    </SectionCard>
  );
}
