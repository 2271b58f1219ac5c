import { Button, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { IconExternalLink, IconUserPlus } from "@tabler/icons-react";
import { Link, useNavigate } from "react-router";
import { createOpening, openingsKey } from "../hiring/api.ts";
import { benchKey, guardrailsKey } from "./api.ts";
import { wrappingLabel } from "./button-wrap.ts";

/** "design" → "Design", so a role reads as a title: "Design specialist". */
function titleCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The one click from a thin bench to hiring: opens an opening for the area and goes to its
 * board, or leads to the opening already open for it.
 */
export function OpeningAction({
  area,
}: {
  area: { areaId: string; areaName: string; openingId: string | null };
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const open = useMutation({
    mutationFn: () =>
      createOpening({
        title: `${titleCase(area.areaName)} specialist`,
        areaId: area.areaId,
        sopId: null,
        jobPost: "",
      }),
    onSuccess: async (opening) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: openingsKey }),
        queryClient.invalidateQueries({ queryKey: benchKey }),
        queryClient.invalidateQueries({ queryKey: guardrailsKey }),
      ]);
      notifications.show({ message: `“${opening.title}” is open. Add candidates to it here.` });
      void navigate(`/hiring/${opening.id}`);
    },
    onError: (error) =>
      notifications.show({ color: "red", title: "No opening made", message: error.message }),
  });

  if (area.openingId) {
    return (
      <Button
        component={Link}
        to={`/hiring/${area.openingId}`}
        variant="light"
        size="sm"
        leftSection={<IconExternalLink size={16} />}
      >
        View the opening
        <VisuallyHidden> for {area.areaName}</VisuallyHidden>
      </Button>
    );
  }
  return (
    <Button
      size="sm"
      leftSection={<IconUserPlus size={16} />}
      loading={open.isPending}
      onClick={() => open.mutate()}
      {...wrappingLabel}
    >
      Start a hiring opening for {area.areaName}
    </Button>
  );
}
