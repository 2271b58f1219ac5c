import { Combobox, InputBase, ScrollArea, useCombobox } from "@mantine/core";
import { useState, type ReactNode } from "react";

/**
 * A long list to pick one value from, narrowed by typing. The list is named "<label> choices",
 * so the only element labelled with the field's label is the input itself.
 */
export function SearchableSelect({
  label,
  description,
  error,
  options,
  value,
  onChange,
  matches,
  renderOption = (option) => option,
  nothingFound,
}: {
  label: string;
  description?: string;
  error?: string;
  options: readonly string[];
  value: string;
  onChange: (value: string) => void;
  /** Whether an option fits what was typed (already trimmed). */
  matches: (option: string, search: string) => boolean;
  renderOption?: (option: string) => ReactNode;
  nothingFound: string;
}) {
  const [search, setSearch] = useState<string | null>(null);
  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption();
      setSearch(null);
    },
    onDropdownOpen: () => combobox.updateSelectedOptionIndex("active"),
  });
  const typed = search?.trim() ?? "";
  const shown =
    search === null || search === value || typed === ""
      ? options
      : options.filter((option) => matches(option, typed));

  return (
    <Combobox
      store={combobox}
      keepMounted={false}
      onOptionSubmit={(option) => {
        onChange(option);
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target withExpandedAttribute>
        <InputBase
          label={label}
          description={description}
          error={error}
          value={search ?? value}
          autoComplete="off"
          rightSection={<Combobox.Chevron />}
          rightSectionPointerEvents="none"
          onClick={() => combobox.openDropdown()}
          onFocus={(event) => {
            event.currentTarget.select();
            combobox.openDropdown();
          }}
          onBlur={() => combobox.closeDropdown()}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options aria-label={`${label} choices`}>
          <ScrollArea.Autosize mah={280} type="scroll">
            {shown.length === 0 ? (
              <Combobox.Empty>{nothingFound}</Combobox.Empty>
            ) : (
              shown.map((option) => (
                <Combobox.Option
                  key={option}
                  value={option}
                  active={option === value}
                  aria-selected={option === value}
                >
                  {renderOption(option)}
                </Combobox.Option>
              ))
            )}
          </ScrollArea.Autosize>
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
