import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from "@mantine/core";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { Notification } from "../../../src/notify/inbox-schema.ts";
import { ErrorAlert } from "../app/components/ErrorAlert.tsx";
import { Loading } from "../app/components/Loading.tsx";
import { PageHeader } from "../app/components/PageHeader.tsx";
import { useInstantFormat } from "../app/dates.ts";
import { fetchInbox, inboxKey, markAllRead, markRead } from "./api.ts";

function useRefreshInbox() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: inboxKey });
}

function NotificationItem({ notification }: { notification: Notification }) {
  const format = useInstantFormat();
  const refresh = useRefreshInbox();
  const read = useMutation({ mutationFn: () => markRead(notification.id), onSuccess: refresh });
  const unread = notification.readAt === null;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="li"
      style={{
        listStyle: "none",
        borderLeft: unread ? "4px solid var(--mantine-color-red-filled)" : undefined,
      }}
    >
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} miw={0} style={{ flex: "1 1 16rem" }}>
          <Group gap="xs" wrap="wrap">
            {unread && (
              <Badge size="sm" color="red" variant="light" style={{ flexShrink: 0 }}>
                Unread
              </Badge>
            )}
            <Anchor
              component={Link}
              to={notification.link}
              fw={600}
              onClick={() => {
                if (unread) read.mutate();
              }}
            >
              {notification.title}
            </Anchor>
          </Group>
          <Text size="sm">{notification.body}</Text>
          <Text size="xs" c="dimmed">
            {format.dateTime(notification.createdAt)}
          </Text>
        </Stack>
        {unread && (
          <Button
            size="xs"
            variant="default"
            loading={read.isPending}
            onClick={() => read.mutate()}
            aria-label={`Mark “${notification.title}” read`}
          >
            Mark read
          </Button>
        )}
      </Group>
      {read.error && <ErrorAlert error={read.error} />}
    </Paper>
  );
}

/** Everything the app has told this person, newest first; each person sees only their own. */
export function InboxPage() {
  const [show, setShow] = useState<"all" | "unread">("all");
  const refresh = useRefreshInbox();
  const inbox = useInfiniteQuery({
    queryKey: [...inboxKey, "list", show],
    queryFn: ({ pageParam }) => fetchInbox({ unreadOnly: show === "unread", cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const readAll = useMutation({ mutationFn: markAllRead, onSuccess: refresh });
  const notifications = inbox.data?.pages.flatMap((page) => page.notifications) ?? [];

  return (
    <>
      <PageHeader title="Inbox">
        Reminders and what needs you: reports, milestones, work to review and contracts to accept.
        Choose what also reaches you by email on your{" "}
        <Anchor component={Link} to="/account">
          account page
        </Anchor>
        .
      </PageHeader>
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <SegmentedControl
            aria-label="Which notifications to show"
            value={show}
            onChange={(value) => setShow(value === "unread" ? "unread" : "all")}
            data={[
              { value: "all", label: "All" },
              { value: "unread", label: "Unread" },
            ]}
          />
          <Button variant="default" loading={readAll.isPending} onClick={() => readAll.mutate()}>
            Mark all read
          </Button>
        </Group>
        {readAll.error && <ErrorAlert error={readAll.error} />}
        {inbox.isPending ? (
          <Loading />
        ) : inbox.isError ? (
          <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />
        ) : notifications.length === 0 ? (
          <Text c="dimmed">
            {show === "unread" ? "Nothing unread. You are up to date." : "No notifications yet."}
          </Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} aria-label="Notifications">
            {notifications.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} />
            ))}
          </Stack>
        )}
        {inbox.hasNextPage && (
          <Button
            variant="default"
            onClick={() => void inbox.fetchNextPage()}
            loading={inbox.isFetchingNextPage}
            style={{ alignSelf: "center" }}
          >
            Show older
          </Button>
        )}
      </Stack>
    </>
  );
}
