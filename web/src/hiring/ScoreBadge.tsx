import { Badge, VisuallyHidden } from "@mantine/core";

/** The rolled-up scorecard, 1–5, or that nothing is scored yet. */
export function ScoreBadge({ score, size = "sm" }: { score: number | null; size?: "sm" | "lg" }) {
  if (score === null) {
    return (
      <Badge size={size} variant="filled" color="gray.7">
        Not scored
      </Badge>
    );
  }
  const color = score >= 4 ? "teal.9" : score >= 3 ? "blue.8" : "red.9";
  return (
    <Badge size={size} variant="filled" color={color}>
      <VisuallyHidden>Score </VisuallyHidden>
      {score.toFixed(2)} / 5
    </Badge>
  );
}
