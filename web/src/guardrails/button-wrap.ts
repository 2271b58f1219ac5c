/**
 * Button props for labels that name people and areas: on a phone a long label wraps rather
 * than being cut off or pushing out of its card.
 */
export const wrappingLabel = {
  h: "auto",
  py: 6,
  styles: { label: { whiteSpace: "normal", textAlign: "left" } },
} as const;
