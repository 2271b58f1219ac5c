import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { Badge, Group, Paper, ScrollArea, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { Candidacy } from "../../../src/people/schema.ts";
import type { Stage } from "./api.ts";
import { CandidateCard } from "./CandidateCard.tsx";
import { boardStages, stageColors, stageLabels } from "./stages.ts";
import type { Mover } from "./use-move.tsx";

type Columns = Record<Stage, string[]>;

function columnsOf(candidacies: readonly Candidacy[]): Columns {
  const columns = Object.fromEntries(boardStages.map((stage) => [stage, []])) as unknown as Columns;
  for (const candidacy of candidacies) columns[candidacy.stage].push(candidacy.id);
  return columns;
}

function isStage(id: UniqueIdentifier): id is Stage {
  return (boardStages as readonly UniqueIdentifier[]).includes(id);
}

/** Which column an id is (a column's own id) or sits in, and where. */
function locate(columns: Columns, id: UniqueIdentifier) {
  if (isStage(id)) return { stage: id, index: columns[id].length };
  for (const stage of boardStages) {
    const index = columns[stage].indexOf(String(id));
    if (index >= 0) return { stage, index };
  }
  return null;
}

const instructions =
  "To move a candidate, focus their drag handle and press Space or Enter to pick them up. " +
  "Use the arrow keys to move between columns and places, Space or Enter to drop, Escape to cancel. " +
  "Each card also has a Move to menu.";

/**
 * The pipeline as columns of cards. Cards are dragged by their handle with a mouse, a finger or
 * the keyboard, and every move is announced in words; the hired column takes no drops (hiring
 * happens on the candidate's page, after the missing checks are seen).
 */
export function PipelineBoard({
  candidacies,
  mover,
}: {
  candidacies: readonly Candidacy[];
  mover: Mover;
}) {
  // The arrangement while a card is held, kept after the drop until the board is read again.
  const [held, setHeld] = useState<{ from: readonly Candidacy[]; columns: Columns } | null>(null);
  const columns = held?.from === candidacies ? held.columns : columnsOf(candidacies);
  const byId = new Map(candidacies.map((candidacy) => [candidacy.id, candidacy]));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const nameOf = (id: UniqueIdentifier) => byId.get(String(id))?.contractor.name ?? "The candidate";
  const place = (id: UniqueIdentifier) => {
    const at = locate(columns, id);
    if (!at) return "";
    const size = columns[at.stage].length;
    return isStage(id)
      ? `${stageLabels[at.stage]}, at the bottom`
      : `${stageLabels[at.stage]}, place ${at.index + 1} of ${size}`;
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)} in ${place(active.id)}.`,
    // Right after the pick-up the card is "over" its own place: saying so would cut off the
    // pick-up announcement with nothing new, so only a different place is announced.
    onDragOver: ({ active, over }) =>
      !over
        ? `${nameOf(active.id)} is not over a column.`
        : over.id === active.id || over.id === locate(columns, active.id)?.stage
          ? undefined
          : `${nameOf(active.id)} is over ${place(over.id)}.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `${nameOf(active.id)} dropped in ${place(over.id)}.`
        : `${nameOf(active.id)} put back.`,
    onDragCancel: ({ active }) =>
      `Moving ${nameOf(active.id)} was cancelled; they stay where they were.`,
  };

  function dragOver({ active, over }: DragOverEvent) {
    if (!over) return;
    const from = locate(columns, active.id);
    const to = locate(columns, over.id);
    if (!from || !to || from.stage === to.stage || to.stage === "hired") return;
    const next = { ...columns };
    next[from.stage] = columns[from.stage].filter((id) => id !== active.id);
    const target = [...columns[to.stage]];
    target.splice(to.index, 0, String(active.id));
    next[to.stage] = target;
    setHeld({ from: candidacies, columns: next });
  }

  function dragEnd({ active, over }: DragEndEvent) {
    const candidacy = byId.get(String(active.id));
    const now = locate(columns, active.id);
    if (!candidacy || !over || !now) {
      setHeld(null);
      return;
    }
    const to = locate(columns, over.id);
    let index = now.index;
    let next = columns;
    if (to && to.stage === now.stage && !isStage(over.id) && to.index !== now.index) {
      next = { ...columns, [now.stage]: arrayMove(columns[now.stage], now.index, to.index) };
      index = to.index;
    }
    const originalIndex = columnsOf(candidacies)[candidacy.stage].indexOf(candidacy.id);
    if (now.stage === candidacy.stage && index === originalIndex) {
      setHeld(null);
      return;
    }
    setHeld({ from: candidacies, columns: next });
    mover.move(candidacy, now.stage, index, () => setHeld(null));
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      accessibility={{ announcements, screenReaderInstructions: { draggable: instructions } }}
      onDragStart={() => setHeld({ from: candidacies, columns })}
      onDragOver={dragOver}
      onDragEnd={dragEnd}
      onDragCancel={() => setHeld(null)}
    >
      {/* Wider than the screen on most laptops: the scroller is focusable, so the arrow keys scroll it. */}
      <ScrollArea
        type="auto"
        offsetScrollbars
        viewportProps={{ tabIndex: 0, role: "region", "aria-label": "Pipeline board" }}
      >
        <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
          {boardStages.map((stage) => (
            <Column key={stage} stage={stage} ids={columns[stage]} byId={byId} mover={mover} />
          ))}
        </Group>
      </ScrollArea>
    </DndContext>
  );
}

function Column({
  stage,
  ids,
  byId,
  mover,
}: {
  stage: Stage;
  ids: string[];
  byId: Map<string, Candidacy>;
  mover: Mover;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: stage, disabled: stage === "hired" });
  const headingId = `column-${stage}`;
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p="sm"
      w={224}
      miw={224}
      bg={isOver ? "var(--mantine-color-default-hover)" : undefined}
    >
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h5" id={headingId}>
          {stageLabels[stage]}
        </Title>
        <Badge variant="filled" color={stageColors[stage]} aria-label={`${ids.length} candidates`}>
          {ids.length}
        </Badge>
      </Group>
      <SortableContext id={stage} items={ids} strategy={verticalListSortingStrategy}>
        <Stack ref={setNodeRef} gap="xs" mih={80}>
          {ids.map((id) => {
            const candidacy = byId.get(id);
            return candidacy ? (
              <CandidateCard key={id} candidacy={candidacy} mover={mover} />
            ) : null;
          })}
          {ids.length === 0 && (
            <Text size="xs" c="dimmed" ta="center" py="md">
              {stage === "hired" ? "Hire from a candidate’s page" : "No one here"}
            </Text>
          )}
        </Stack>
      </SortableContext>
    </Paper>
  );
}
