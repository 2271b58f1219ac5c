import { ActionIcon, Menu, Tooltip } from "@mantine/core";
import { IconDotsVertical } from "@tabler/icons-react";
import type { Candidacy } from "../../../src/people/schema.ts";
import { movableStages, stageLabels } from "./stages.ts";
import type { Mover } from "./use-move.tsx";

/** The keyboard- and screen-reader-friendly way to move a card: a menu of the other stages. */
export function MoveMenu({ candidacy, mover }: { candidacy: Candidacy; mover: Mover }) {
  const name = candidacy.contractor.name;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Tooltip label="Move to…" openDelay={300}>
          <ActionIcon variant="subtle" color="gray" aria-label={`Move ${name} to…`}>
            <IconDotsVertical size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Move {name} to</Menu.Label>
        {movableStages
          .filter((stage) => stage !== candidacy.stage)
          .map((stage) => (
            <Menu.Item
              key={stage}
              color={stage === "rejected" ? "red" : undefined}
              onClick={() => mover.move(candidacy, stage)}
            >
              {stageLabels[stage]}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}
