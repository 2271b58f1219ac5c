import { Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { ReactNode } from "react";

/** The page's one h1, also used as the browser tab's title. */
export function PageTitle({ children }: { children: string }) {
  useDocumentTitle(`${children} · Handoff`);
  return <Title order={1}>{children}</Title>;
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack gap={6} mb="lg">
      <PageTitle>{title}</PageTitle>
      {children && (
        <Text c="dimmed" maw={720}>
          {children}
        </Text>
      )}
    </Stack>
  );
}
