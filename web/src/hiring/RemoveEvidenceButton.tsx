import { ActionIcon, Tooltip } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";

/** The quiet bin beside one piece of evidence; `label` names what it removes, for screen readers. */
export function RemoveEvidenceButton({
  label,
  onRemove,
  ml,
}: {
  label: string;
  onRemove: () => void;
  ml?: string;
}) {
  return (
    <Tooltip label="Remove" openDelay={300}>
      <ActionIcon variant="subtle" color="gray" ml={ml} aria-label={label} onClick={onRemove}>
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}
