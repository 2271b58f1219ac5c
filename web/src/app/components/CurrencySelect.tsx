import { Group, Text } from "@mantine/core";
import { useMemo } from "react";
import { currencyCodes } from "../../../../src/money/currency.ts";
import { SearchableSelect } from "./SearchableSelect.tsx";

const names = new Intl.DisplayNames(["en"], { type: "currency" });

function currencyName(code: string): string {
  return names.of(code) ?? code;
}

/** Pick a currency by its code or its name ("euro" finds EUR). */
export function CurrencySelect({
  value,
  onChange,
  description,
  error,
}: {
  value: string;
  onChange: (currency: string) => void;
  description?: string;
  error?: string;
}) {
  const options = useMemo(() => currencyCodes().sort(), []);
  return (
    <SearchableSelect
      label="Currency"
      description={description}
      error={error}
      options={options}
      value={value}
      onChange={onChange}
      matches={(code, search) => {
        const wanted = search.toLowerCase();
        return (
          code.toLowerCase().includes(wanted) || currencyName(code).toLowerCase().includes(wanted)
        );
      }}
      renderOption={(code) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600}>
            {code}
          </Text>
          <Text size="sm" c="dimmed" aria-hidden>
            {currencyName(code)}
          </Text>
        </Group>
      )}
      nothingFound="No currency matches"
    />
  );
}
