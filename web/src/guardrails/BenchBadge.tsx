import { Badge, type MantineSize } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";

/** How many qualified people an area has, red while there are fewer than needed. */
export function BenchBadge({
  qualified,
  required,
  size = "lg",
}: {
  qualified: number;
  required: number;
  size?: MantineSize;
}) {
  const short = qualified < required;
  return (
    <Badge
      color={short ? "red.9" : "teal.9"}
      variant="filled"
      size={size}
      tt="none"
      leftSection={
        short ? (
          <IconAlertTriangle size={14} aria-hidden />
        ) : (
          <IconCircleCheck size={14} aria-hidden />
        )
      }
    >
      {short ? `${qualified} of ${required} needed` : `${qualified} qualified`}
    </Badge>
  );
}
