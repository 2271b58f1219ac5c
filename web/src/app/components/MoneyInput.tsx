import { TextInput, type TextInputProps } from "@mantine/core";
import { currencySymbol } from "../money.ts";

/**
 * An amount typed in major units of the workspace currency ("50,000" or "50000.00"). The text
 * is kept as typed; the form reads it exactly with readAmount when it is sent.
 */
export function MoneyInput({
  currency,
  value,
  onChange,
  ...props
}: Omit<TextInputProps, "value" | "onChange"> & {
  currency: string;
  value: string;
  onChange: (text: string) => void;
}) {
  const symbol = currencySymbol(currency);
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      leftSection={<span aria-hidden>{symbol}</span>}
      leftSectionWidth={Math.max(36, symbol.length * 10 + 20)}
      rightSection={
        <span aria-hidden style={{ fontSize: "var(--mantine-font-size-xs)" }}>
          {currency}
        </span>
      }
      rightSectionWidth={48}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      {...props}
    />
  );
}
