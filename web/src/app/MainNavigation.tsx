import { NavLink, Stack, Text } from "@mantine/core";
import { Link, matchPath, useLocation } from "react-router";
import { can, useMe } from "../auth/session.ts";
import { methodDestinations, workspaceDestinations, type Destination } from "./navigation.ts";

function Destinations({
  heading,
  destinations,
  onNavigate,
}: {
  heading: string;
  destinations: Destination[];
  onNavigate: () => void;
}) {
  const me = useMe();
  const { pathname } = useLocation();
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pb={4}>
        {heading}
      </Text>
      {destinations
        .filter((destination) => !destination.needs || can(me, destination.needs))
        .map(({ label, to, icon: Icon }) => {
          const active = matchPath({ path: to, end: to === "/" }, pathname) !== null;
          return (
            <NavLink
              key={to}
              component={Link}
              to={to}
              label={label}
              leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
              active={active}
              aria-current={active ? "page" : undefined}
              onClick={onNavigate}
            />
          );
        })}
    </Stack>
  );
}

/** The owner's and manager's menu: the method's areas, then the workspace. */
export function MainNavigation({ onNavigate }: { onNavigate: () => void }) {
  return (
    <Stack gap="lg">
      <Destinations
        heading="Outsourcing"
        destinations={methodDestinations}
        onNavigate={onNavigate}
      />
      <Destinations
        heading="Workspace"
        destinations={workspaceDestinations}
        onNavigate={onNavigate}
      />
    </Stack>
  );
}
