import { Box, Container, Group, Paper } from "@mantine/core";
import type { ReactNode } from "react";
import { ColorSchemeToggle } from "./ColorSchemeToggle.tsx";
import { Brand } from "./components/Brand.tsx";

/** Signing in, first-run setup, resets and invitations: one card in the middle of the page. */
export function CenteredLayout({ children, width = 460 }: { children: ReactNode; width?: number }) {
  return (
    <Box
      mih="100dvh"
      style={{ background: "light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))" }}
    >
      <Group component="header" justify="space-between" px="lg" py="md">
        <Brand />
        <ColorSchemeToggle />
      </Group>
      <Container component="main" size={width} pb="xl" pt={{ base: 0, sm: "xl" }}>
        <Paper withBorder shadow="sm" radius="lg" p={{ base: "lg", sm: "xl" }}>
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
