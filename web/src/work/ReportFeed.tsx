import { Button, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Loaded } from "../app/components/Loaded.tsx";
import { reportsQuery, type ReportFeedFilter } from "./api.ts";
import { ReportCard } from "./ReportCard.tsx";

/** Reports newest first, ten at a time, with "Show older reports" for the next page. */
export function ReportFeed({
  filter,
  staffView,
  empty,
}: {
  filter: ReportFeedFilter;
  staffView: boolean;
  empty: string;
}) {
  const pages = useInfiniteQuery(reportsQuery(filter));
  return (
    <Loaded query={pages}>
      {(data) => {
        const reports = data.pages.flatMap((page) => page.reports);
        if (reports.length === 0) return <Text size="sm">{empty}</Text>;
        return (
          <Stack gap="md">
            {reports.map((report) => (
              <ReportCard key={report.id} report={report} staffView={staffView} />
            ))}
            {pages.hasNextPage && (
              <Button
                variant="default"
                onClick={() => void pages.fetchNextPage()}
                loading={pages.isFetchingNextPage}
              >
                Show older reports
              </Button>
            )}
          </Stack>
        );
      }}
    </Loaded>
  );
}
