import { EmptyState, Paper } from "@mantine/core";
import type { ReactNode } from "react";
import { PageHeader } from "./PageHeader.tsx";

/** An area of the method with nothing in it yet: what will appear here, and why it matters. */
export function AreaEmptyState({
  area,
  summary,
  icon,
  title,
  children,
}: {
  area: string;
  summary: string;
  icon: ReactNode;
  title: string;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={area}>{summary}</PageHeader>
      <Paper withBorder radius="md" p="xl">
        <EmptyState variant="light" size="lg" maw={620} mx="auto" py="lg">
          <EmptyState.Indicator>{icon}</EmptyState.Indicator>
          <EmptyState.Title order={2}>{title}</EmptyState.Title>
          <EmptyState.Description>{children}</EmptyState.Description>
        </EmptyState>
      </Paper>
    </>
  );
}
