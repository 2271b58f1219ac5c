import { ActionIcon, Group, Tooltip } from "@mantine/core";
import { IconPencil, IconTrash } from "@tabler/icons-react";

/** A table row's "change" and "remove" buttons, as icons named for what they act on. */
export function RowActions({
  changeLabel,
  removeLabel,
  onChange,
  onRemove,
}: {
  /** Read out in full, e.g. "Change Answer emails". */
  changeLabel: string;
  removeLabel: string;
  onChange: () => void;
  onRemove: () => void;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label="Change" openDelay={300}>
        <ActionIcon variant="default" aria-label={changeLabel} onClick={onChange}>
          <IconPencil size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Remove" openDelay={300}>
        <ActionIcon variant="default" aria-label={removeLabel} onClick={onRemove}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
