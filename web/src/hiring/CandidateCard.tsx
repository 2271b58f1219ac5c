import {
  ActionIcon,
  Anchor,
  Badge,
  Group,
  Paper,
  Stack,
  Text,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { IconGripVertical } from "@tabler/icons-react";
import { Link } from "react-router";
import type { Candidacy } from "../../../src/people/schema.ts";
import { MoveMenu } from "./MoveMenu.tsx";
import { ScoreBadge } from "./ScoreBadge.tsx";
import type { Mover } from "./use-move.tsx";

/** What a card shows: who, their score, and how many checks are still missing. */
function CardBody({ candidacy }: { candidacy: Candidacy }) {
  const missing = candidacy.missingChecks.length;
  return (
    <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
      <Anchor
        component={Link}
        to={`/hiring/candidates/${candidacy.id}`}
        fw={600}
        size="sm"
        style={{ overflowWrap: "anywhere" }}
      >
        {candidacy.contractor.name}
      </Anchor>
      <Group gap={6}>
        <ScoreBadge score={candidacy.score} />
        {candidacy.stage !== "hired" && candidacy.stage !== "rejected" && (
          <Badge
            size="sm"
            variant="filled"
            autoContrast
            color={missing === 0 ? "teal.9" : "yellow.4"}
          >
            {missing === 0 ? (
              "Checks done"
            ) : (
              <>
                {missing} missing<VisuallyHidden> checks</VisuallyHidden>
              </>
            )}
          </Badge>
        )}
      </Group>
      {candidacy.rejectionReason && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {candidacy.rejectionReason}
        </Text>
      )}
      {candidacy.contractor.channelName && (
        <Text size="xs" c="dimmed">
          Via {candidacy.contractor.channelName}
        </Text>
      )}
    </Stack>
  );
}

/** A card on the board: dragged by its handle (mouse, touch or keyboard) or moved through its menu. */
export function CandidateCard({ candidacy, mover }: { candidacy: Candidacy; mover: Mover }) {
  const locked = candidacy.stage === "hired" || !mover.enabled;
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: candidacy.id, disabled: locked });
  const name = candidacy.contractor.name;
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="sm"
      p="xs"
      shadow={isDragging ? "md" : undefined}
      style={{
        transform: CSS.Translate.toString(transform),
        transition,
        opacity: isDragging ? 0.6 : 1,
      }}
    >
      <Group gap={6} wrap="nowrap" align="flex-start">
        {!locked && (
          <Tooltip label="Drag, or press Space to pick up" openDelay={500}>
            <ActionIcon
              ref={setActivatorNodeRef}
              variant="subtle"
              color="gray"
              style={{ cursor: "grab", touchAction: "none" }}
              {...attributes}
              {...listeners}
              aria-label={`Drag ${name}`}
              aria-roledescription="draggable candidate"
            >
              <IconGripVertical size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        )}
        <CardBody candidacy={candidacy} />
        {!locked && <MoveMenu candidacy={candidacy} mover={mover} />}
      </Group>
    </Paper>
  );
}
