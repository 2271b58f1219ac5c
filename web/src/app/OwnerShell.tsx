import { AppShell, Burger, ScrollArea } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { MainNavigation } from "./MainNavigation.tsx";
import { ShellHeader } from "./ShellHeader.tsx";
import { SkipLink } from "./SkipLink.tsx";

/** The owner's and manager's app: header, the method's areas down the side, the page. */
export function OwnerShell({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <SkipLink />
      <AppShell.Header>
        <ShellHeader
          start={
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? "Close the menu" : "Open the menu"}
            />
          }
        />
      </AppShell.Header>
      <AppShell.Navbar aria-label="Main">
        <AppShell.Section grow component={ScrollArea} p="sm">
          <MainNavigation onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
