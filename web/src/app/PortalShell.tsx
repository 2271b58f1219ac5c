import { AppShell, Button, Container, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { Link, matchPath, useLocation } from "react-router";
import { ShellHeader } from "./ShellHeader.tsx";
import { SkipLink } from "./SkipLink.tsx";

const portalDestinations = [
  { label: "Portal", to: "/portal" },
  { label: "Account", to: "/account" },
];

/** A contractor's view: only their own things, so only two places to go. */
export function PortalShell({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 60 }} padding="lg">
      <SkipLink />
      <AppShell.Header>
        <ShellHeader>
          <Group
            component="nav"
            aria-label="Portal"
            gap={4}
            ml={{ base: 0, sm: "md" }}
            wrap="nowrap"
          >
            {portalDestinations.map(({ label, to }) => {
              // The portal's own pages (a checklist, a shared procedure) sit under /portal.
              const active = matchPath({ path: to, end: false }, pathname) !== null;
              return (
                <Button
                  key={to}
                  component={Link}
                  to={to}
                  px={{ base: 8, sm: "md" }}
                  variant={active ? "light" : "subtle"}
                  color={active ? undefined : "gray"}
                  aria-current={active ? "page" : undefined}
                >
                  {label}
                </Button>
              );
            })}
          </Group>
        </ShellHeader>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        <Container size="md" px={0}>
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
