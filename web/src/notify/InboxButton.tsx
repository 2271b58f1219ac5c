import { ActionIcon, Indicator, Tooltip } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { fetchUnreadCount, unreadCountKey } from "./api.ts";

/** The bell in the header: the inbox, with how many notifications are unread. */
export function InboxButton() {
  const count = useQuery({
    queryKey: unreadCountKey,
    queryFn: fetchUnreadCount,
    refetchInterval: 60_000,
  });
  const unread = count.data?.unread ?? 0;
  const label = unread === 0 ? "Inbox" : `Inbox, ${unread} unread`;
  return (
    <Tooltip label={label}>
      <Indicator
        label={unread > 99 ? "99+" : unread}
        size={18}
        color="red"
        offset={4}
        disabled={unread === 0}
      >
        <ActionIcon
          component={Link}
          to="/inbox"
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={label}
        >
          <IconBell size={20} aria-hidden />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
