import { Stack, Table, Text } from "@mantine/core";
import type { z } from "zod";
import type { figureSchema } from "../../../src/metrics/schema.ts";
import { formatMoney, formatPercent } from "../app/money.ts";

export type Figure = z.infer<typeof figureSchema>;
export type FigureKind = "percent" | "money";

/** A figure's value in words: "12.5 %", "$1.17", or "—" when it can't be worked out. */
export function figureText(figure: Figure, kind: FigureKind, currency: string): string {
  if (figure.value === null) return "—";
  return kind === "percent" ? formatPercent(figure.value) : formatMoney(figure.value, currency);
}

/** A figure in a table cell; with no value, "—" and the reason in small print, never NaN. */
export function FigureCell({
  figure,
  kind,
  currency,
}: {
  figure: Figure;
  kind: FigureKind;
  currency: string;
}) {
  if (figure.value === null) {
    return (
      <Stack gap={0} align="flex-end">
        <Text span size="sm">
          —
        </Text>
        <Text span size="xs" c="dimmed" ta="right">
          {figure.reason ?? "Not known"}
        </Text>
      </Stack>
    );
  }
  return <>{figureText(figure, kind, currency)}</>;
}

/** A table cell holding one figure, right-aligned like the other numbers. */
export function FigureTd(props: { figure: Figure; kind: FigureKind; currency: string }) {
  return (
    <Table.Td ta="right">
      <FigureCell {...props} />
    </Table.Td>
  );
}
